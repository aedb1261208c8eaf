/**
 * Trains the learned readers (`src/learned/`) from the hand-written messages in `eval/train/`
 * and writes their quantised weights to `src/learned/models/`. Deterministic: the same files give
 * the same bytes (seeded order, no threads), which `readers.test.ts` checks against the shipped
 * models.
 *
 *   pnpm --filter @baton/escalation train:readers          # train, cross-validate, write
 *   pnpm --filter @baton/escalation train:readers --check  # fail if the shipped models differ
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { READER_SPECS, trainReader, crossValidate, type Example } from '../src/learned/training';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const trainDir = join(root, 'eval/train');
const modelsDir = join(here, '../src/learned/models');

function readExamples(prefix: string): { examples: Example[]; files: string[] } {
  const files = readdirSync(trainDir)
    .filter((f) => f.startsWith(`${prefix}.`) && f.endsWith('.jsonl'))
    .sort();
  const examples: Example[] = [];
  for (const file of files) {
    const lines = readFileSync(join(trainDir, file), 'utf8').split('\n').filter(Boolean);
    for (const [n, line] of lines.entries()) {
      const row = JSON.parse(line) as { lang?: string; label?: string; text?: string };
      if (typeof row.text !== 'string' || typeof row.label !== 'string') {
        throw new Error(`${file}:${n + 1}: needs "text" and "label"`);
      }
      examples.push({ text: row.text, label: row.label, lang: row.lang ?? '?' });
    }
  }
  return { examples, files: files.map((f) => relative(root, join(trainDir, f))) };
}

/**
 * Dev-side conversation sets (the train part of eval/extra's request corpus, the English
 * conversation sets) as messages: the customer's turns up to and including the first request for
 * a person, labelled `request` on that turn and `other` before it (and throughout a conversation
 * with none). Holdout parts and the test split are never read here.
 */
const CONVERSATIONS = [
  'eval/extra/requests.train.jsonl',
  'eval/extra/en-convs-a.jsonl',
  'eval/extra/en-convs-b.jsonl',
  'eval/extra/en-convs-c.jsonl',
];
function conversationExamples(file: string): Example[] {
  const out: Example[] = [];
  for (const line of readFileSync(join(root, file), 'utf8').split('\n').filter(Boolean)) {
    const c = JSON.parse(line) as {
      language: string;
      messages: { text?: string }[];
      expect: { explicitTurn: number | null };
    };
    const asked = c.expect.explicitTurn;
    c.messages.forEach((m, i) => {
      if (typeof m.text !== 'string' || (asked !== null && i + 1 > asked)) return;
      out.push({ text: m.text, label: asked === i + 1 ? 'request' : 'other', lang: c.language });
    });
  }
  return out;
}

const check = process.argv.includes('--check');
let stale = false;
for (const spec of READER_SPECS) {
  const { examples, files } = readExamples(spec.name);
  if (spec.name === 'requests') {
    for (const file of CONVERSATIONS) {
      examples.push(...conversationExamples(file));
      files.push(file);
    }
  }
  for (const e of examples) {
    if (e.label !== spec.negative && !spec.labels.includes(e.label)) {
      throw new Error(`${spec.name}: unknown label "${e.label}" in "${e.text.slice(0, 40)}"`);
    }
  }
  const model = trainReader(spec, examples, files);
  const text = `${JSON.stringify(model, null, 2)}\n`;
  const path = join(modelsDir, `${spec.name}.json`);
  if (check) {
    let shipped = '';
    try {
      shipped = readFileSync(path, 'utf8');
    } catch {
      // missing: stale
    }
    if (shipped !== text) {
      stale = true;
      console.error(`${relative(root, path)} is not what ${files.join(', ')} train to`);
    }
    continue;
  }
  writeFileSync(path, text);
  console.log(
    `${spec.name}: ${examples.length} messages from ${files.length} files → ${relative(root, path)}`,
  );
  for (const row of crossValidate(spec, examples, 5)) console.log(`  ${row}`);
}
if (stale) {
  console.error('run: pnpm --filter @baton/escalation train:readers');
  process.exit(1);
}
