/**
 * `pnpm build` for the server: compiled ES modules in `dist/`, so production runs
 * `node packages/server/dist/main.js` with no TypeScript step at start. Baton's own workspace
 * packages are bundled in, with those of their dependencies the server does not list itself;
 * the server's own npm dependencies stay ordinary imports from its node_modules.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';

const own = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const serverDependencies = new Set(Object.keys(own.dependencies));
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const external = {
  name: 'server-dependencies-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = packageName(args.path);
      if (name.startsWith('@baton/') || !serverDependencies.has(name)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

// Large data goes in as JSON.parse('…'): V8 scans a string literal far faster than it compiles
// the same data as an object literal (the language detector's 1 MB n-gram table took 0.4 s).
const asJson = (name, value) =>
  `export ${name === 'default' ? 'default' : `const ${name} =`} JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

/**
 * The language detector's n-gram table, cut to the languages Baton detects. ELD scores each
 * language on its own and only then drops those outside the subset that `language.ts` sets, so a
 * table without the other languages' entries gives the same results in a quarter of the memory.
 * Proved here on every customer message of the evaluation sets before the bundle is written.
 */
async function detectorTable(file) {
  const source = readFileSync(new URL('../escalation/src/language.ts', import.meta.url), 'utf8');
  const listed = /export const LANGUAGES = \[([^\]]*)\] as const/.exec(source);
  if (!listed) throw new Error('LANGUAGES not found in packages/escalation/src/language.ts');
  const languages = [...listed[1].matchAll(/'([a-z]{2})'/g)].map((m) => m[1]);
  const { ngramsData } = await import(pathToFileURL(file).href);
  const keep = new Set(
    Object.entries(ngramsData.languages)
      .filter(([, code]) => languages.includes(code))
      .map(([index]) => index),
  );
  if (keep.size !== languages.length) throw new Error(`ELD lacks one of ${languages.join(', ')}`);
  const ngrams = {};
  for (const [ngram, scores] of Object.entries(ngramsData.ngrams)) {
    const kept = Object.entries(scores).filter(([index]) => keep.has(index));
    if (kept.length > 0) ngrams[ngram] = Object.fromEntries(kept);
  }
  const cut = JSON.parse(JSON.stringify({ ...ngramsData, ngrams }));

  const { createEld } = await import(new URL('../languageDetector.js', pathToFileURL(file)).href);
  const detectors = [ngramsData, cut].map((data) => {
    const { instance, loadData } = createEld();
    loadData(data);
    instance.setLanguageSubset(languages);
    return instance;
  });
  const read = (detector, text) => {
    const result = detector.detect(text);
    return [result.language, result.getScores(), result.isReliable()];
  };
  let compared = 0;
  for (const split of ['dev', 'test']) {
    const lines = readFileSync(new URL(`../../eval/${split}.jsonl`, import.meta.url), 'utf8');
    for (const line of lines.split('\n').filter(Boolean)) {
      for (const turn of JSON.parse(line).messages ?? []) {
        if (typeof turn.text !== 'string') continue;
        compared++;
        if (!isDeepStrictEqual(read(detectors[0], turn.text), read(detectors[1], turn.text))) {
          throw new Error(`the cut language table reads ${JSON.stringify(turn.text)} differently`);
        }
      }
    }
  }
  if (compared < 100) throw new Error(`only ${compared} messages to check the language table on`);
  return cut;
}

const data = {
  name: 'data',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => ({
      contents: asJson('default', JSON.parse(readFileSync(args.path, 'utf8'))),
      loader: 'js',
    }));
    b.onLoad({ filter: /[\\/]eld[\\/]src[\\/]ngrams[\\/]\w+\.js$/ }, async (args) => ({
      contents: asJson('ngramsData', await detectorTable(args.path)),
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: { main: 'src/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [external, data],
  logLevel: 'warning',
});
