// Builds the Baton evaluation corpus (eval/dev.jsonl, eval/test.jsonl) from the hand-written
// conversations in ./data/*.mjs, validates every line against eval/FORMAT.md's shape,
// splits the corpus once (seeded, stratified) and writes the statistics into eval/README.md.
//
//   node eval/build/build.mjs          # build, validate, split, write
//   node eval/build/build.mjs --check  # build and validate only, write nothing
//
// Plain Node, no dependencies. Deterministic: the same data and SEED give byte-identical output.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import en from './data/en.mjs';
import es from './data/es.mjs';
import fr from './data/fr.mjs';
import de from './data/de.mjs';
import pt from './data/pt.mjs';
import it from './data/it.mjs';
import nl from './data/nl.mjs';
import { expand, LANGUAGES, TRIGGERS, CATEGORIES } from './lib.mjs';

export const SEED = 20250611;
const here = dirname(fileURLToPath(import.meta.url));
const evalDir = join(here, '..');

// ---------------------------------------------------------------------------------------------
// 1. Expand the compact entries into schema records.
const byLang = { en, es, fr, de, pt, it, nl };
const all = [];
for (const lang of LANGUAGES) {
  byLang[lang].forEach((entry, i) => all.push(expand(lang, entry, i)));
}

// ---------------------------------------------------------------------------------------------
// 2. Validate.
const problems = [];
const ids = new Set();
const texts = new Map();
const isInt = (v) => Number.isInteger(v);
for (const c of all) {
  const p = (msg) => problems.push(`${c.id}: ${msg}`);
  if (typeof c.id !== 'string' || !/^[a-z]{2}-[a-z0-9-]+-\d{3}$/.test(c.id)) p('bad id');
  if (ids.has(c.id)) p('duplicate id');
  ids.add(c.id);
  if (!LANGUAGES.includes(c.language)) p(`bad language ${c.language}`);
  if (typeof c.style !== 'string' || !c.style) p('style missing');
  if (!CATEGORIES.includes(c.category)) p(`bad category ${c.category}`);
  if (!Array.isArray(c.messages) || c.messages.length < 1 || c.messages.length > 6)
    p('1-6 customer turns required');
  c.messages.forEach((m, i) => {
    const keys = Object.keys(m).sort().join(',');
    if ('action' in m) {
      if (m.action !== 'request_human' || (keys !== 'action' && keys !== 'action,role'))
        p(`turn ${i + 1}: bad action`);
    } else if (keys !== 'role,text' || m.role !== 'customer' || typeof m.text !== 'string') {
      p(`turn ${i + 1}: bad message`);
    } else {
      if (m.text.length > 400) p(`turn ${i + 1}: text longer than 400 (${m.text.length})`);
      if (!m.text.trim()) p(`turn ${i + 1}: empty text`);
      if (/\{[a-z]+\}/.test(m.text)) p(`turn ${i + 1}: unreplaced placeholder`);
      const seen = texts.get(m.text.toLowerCase());
      if (seen && m.text.length > 12) p(`turn ${i + 1}: same text as ${seen}`);
      texts.set(m.text.toLowerCase(), c.id);
    }
  });
  const e = c.expect;
  const n = c.messages.length;
  const ekeys = Object.keys(e).sort().join(',');
  if (ekeys !== 'explicitTurn,falseFriend,informational,mustReachHuman,needTurn,triggers')
    p(`expect keys: ${ekeys}`);
  if (
    e.explicitTurn !== null &&
    !(isInt(e.explicitTurn) && e.explicitTurn >= 1 && e.explicitTurn <= n)
  )
    p('explicitTurn out of range');
  if (typeof e.mustReachHuman !== 'boolean') p('mustReachHuman not boolean');
  if (e.mustReachHuman) {
    if (!(isInt(e.needTurn) && e.needTurn >= 1 && e.needTurn <= n)) p('needTurn out of range');
  } else if (e.needTurn !== null) p('needTurn must be null without mustReachHuman');
  if (e.explicitTurn !== null && !e.mustReachHuman) p('explicit request must reach a human');
  if (e.explicitTurn !== null && e.needTurn > e.explicitTurn) p('needTurn after explicitTurn');
  if (e.informational && e.mustReachHuman) p('informational and mustReachHuman');
  if (typeof e.falseFriend !== 'boolean' || typeof e.informational !== 'boolean')
    p('flags not boolean');
  if (e.falseFriend && e.explicitTurn !== null) p('false friend with an explicit request');
  if (!Array.isArray(e.triggers)) p('triggers not an array');
  for (const t of e.triggers) if (!TRIGGERS.includes(t)) p(`unknown trigger ${t}`);
  if (new Set(e.triggers).size !== e.triggers.length) p('duplicate trigger');
  if ((e.explicitTurn !== null) !== e.triggers.includes('explicit_human_request'))
    p('explicitTurn and explicit_human_request disagree');
  const btn = c.messages.findIndex((m) => 'action' in m);
  if (btn >= 0 && (e.explicitTurn === null || e.explicitTurn > btn + 1))
    p('button press before explicitTurn');
  if (e.mustReachHuman && e.triggers.length === 0) p('must reach a human but no trigger');
  if (e.informational && c.language !== 'en') p('informational outside the KB language');
  if (e.triggers.includes('repeat_contact') && !(c.context.recentContacts?.length >= 2))
    p('repeat_contact without recentContacts');
  if (e.triggers.includes('missing_context')) {
    const s = c.context.systems ?? {};
    if (!Object.values(s).some((v) => v === 'unavailable' || v === 'stale'))
      p('missing_context without a system down');
  }
  if (e.triggers.includes('customer_pressure')) {
    const cu = c.context.customer ?? {};
    const acc = c.context.account ?? {};
    if (!['vip', 'enterprise'].includes(cu.tier) && !(acc.renewalInDays <= 30))
      p('customer_pressure without vip/enterprise or renewal');
  }
  if (e.triggers.includes('conversation_loop') && n < 3) p('loop needs 3+ turns');
  validateContext(c.context, p);
}

function validateContext(ctx, p) {
  const allowed = ['customer', 'account', 'orders', 'recentContacts', 'systems'];
  for (const k of Object.keys(ctx)) if (!allowed.includes(k)) p(`context.${k} not allowed`);
  const cu = ctx.customer;
  if (!cu || typeof cu.id !== 'string' || typeof cu.name !== 'string') p('context.customer');
  if (cu && !['standard', 'vip', 'enterprise'].includes(cu.tier)) p('customer.tier');
  if (cu && typeof cu.verified !== 'boolean') p('customer.verified');
  for (const o of ctx.orders ?? []) {
    if (!/^[A-Z]\d{4}$/.test(o.id)) p(`order id ${o.id}`);
    if (typeof o.total !== 'number' || !/^[A-Z]{3}$/.test(o.currency)) p(`order ${o.id} total`);
    if (!isInt(o.placedDaysAgo) || !Array.isArray(o.items) || !o.items.length)
      p(`order ${o.id} fields`);
  }
  for (const r of ctx.recentContacts ?? [])
    if (!isInt(r.daysAgo) || typeof r.text !== 'string') p('recentContacts entry');
  for (const [k, v] of Object.entries(ctx.systems ?? {})) {
    if (!['orders', 'billing', 'account'].includes(k)) p(`systems.${k}`);
    if (!['ok', 'unavailable', 'stale'].includes(v)) p(`systems.${k}=${v}`);
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} problem(s) in ${all.length} conversations`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// 3. Split once, seeded and stratified by language x category x main trigger.
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const shuffle = (arr) => {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
};
const strata = new Map();
for (const c of all) {
  const main = c.expect.triggers.find((t) => t !== 'explicit_human_request') ?? 'none';
  const key = `${c.language}|${c.category}|${main}`;
  if (!strata.has(key)) strata.set(key, []);
  strata.get(key).push(c);
}
const dev = [];
const test = [];
// Odd-sized strata leave one conversation over; those go to whichever split is smaller for
// that language so far (ties broken by the seeded generator).
const leftovers = [];
for (const key of [...strata.keys()].sort()) {
  const group = shuffle([...strata.get(key)]);
  const half = Math.floor(group.length / 2);
  dev.push(...group.slice(0, half));
  test.push(...group.slice(half, half * 2));
  if (group.length % 2) leftovers.push(group[group.length - 1]);
}
// Greedy: each leftover goes to the split where its language, category and triggers are
// scarcer so far (ties broken by the seeded generator).
const count = (split, f) => split.filter(f).length;
for (const c of shuffle(leftovers)) {
  const score = (split) =>
    count(split, (x) => x.language === c.language) +
    count(split, (x) => x.category === c.category) +
    c.expect.triggers.reduce((s, t) => s + count(split, (x) => x.expect.triggers.includes(t)), 0);
  const d = score(dev);
  const t = score(test);
  (d < t || (d === t && rand() < 0.5) ? dev : test).push(c);
}
const order = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
dev.sort(order);
test.sort(order);

// Every language, category and trigger must be in both splits.
for (const [name, split] of [
  ['dev', dev],
  ['test', test],
]) {
  const langs = new Set(split.map((c) => c.language));
  const cats = new Set(split.map((c) => c.category));
  const trig = new Set(split.flatMap((c) => c.expect.triggers));
  for (const l of LANGUAGES) if (!langs.has(l)) problems.push(`${name}: no ${l}`);
  for (const k of CATEGORIES) if (!cats.has(k)) problems.push(`${name}: no category ${k}`);
  for (const t of TRIGGERS) if (!trig.has(t)) problems.push(`${name}: no trigger ${t}`);
  for (const l of LANGUAGES)
    for (const k of CATEGORIES) {
      const has = split.some((c) => c.language === l && c.category === k);
      const exists = all.some((c) => c.language === l && c.category === k);
      if (exists && !has) problems.push(`${name}: no ${l} ${k}`);
    }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// 4. Statistics and output.
function table(rowsKey, rows, colsFn) {
  const cols = ['dev', 'test', 'total'];
  const lines = [
    `| ${rowsKey} | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
  ];
  const sum = { dev: 0, test: 0, total: 0 };
  for (const r of rows) {
    const d = dev.filter((c) => colsFn(c, r)).length;
    const t = test.filter((c) => colsFn(c, r)).length;
    lines.push(`| ${r} | ${d} | ${t} | ${d + t} |`);
  }
  void sum;
  return lines.join('\n');
}
const flagRows = [
  ['explicit request for a person (explicitTurn set)', (c) => c.expect.explicitTurn !== null],
  ['… of which by the button', (c) => c.messages.some((m) => 'action' in m)],
  ['… of which at turn 2 or later', (c) => c.expect.explicitTurn > 1],
  ['mustReachHuman', (c) => c.expect.mustReachHuman],
  ['informational (must stay autonomous)', (c) => c.expect.informational],
  ['falseFriend', (c) => c.expect.falseFriend],
  ['multi-turn (2+ customer turns)', (c) => c.messages.length > 1],
  [
    'neither informational nor mustReachHuman',
    (c) => !c.expect.informational && !c.expect.mustReachHuman,
  ],
];
const flagTable = [
  '| label | dev | test | total |',
  '|---|---:|---:|---:|',
  ...flagRows.map(([name, f]) => {
    const d = dev.filter(f).length;
    const t = test.filter(f).length;
    return `| ${name} | ${d} | ${t} | ${d + t} |`;
  }),
].join('\n');
const langCat = [
  `| language | ${CATEGORIES.join(' | ')} | total | dev | test |`,
  `|---|${CATEGORIES.map(() => '---:').join('|')}|---:|---:|---:|`,
  ...LANGUAGES.map((l) => {
    const cells = CATEGORIES.map(
      (k) => all.filter((c) => c.language === l && c.category === k).length,
    );
    const tot = all.filter((c) => c.language === l).length;
    return `| ${l} | ${cells.join(' | ')} | ${tot} | ${dev.filter((c) => c.language === l).length} | ${test.filter((c) => c.language === l).length} |`;
  }),
].join('\n');

const stats = [
  `Total: **${all.length}** conversations, dev **${dev.length}**, test **${test.length}**` +
    ` (${all.reduce((s, c) => s + c.messages.length, 0)} customer turns).`,
  '',
  '### By language',
  '',
  table('language', LANGUAGES, (c, l) => c.language === l),
  '',
  '### By category',
  '',
  table('category', CATEGORIES, (c, k) => c.category === k),
  '',
  '### Language × category (whole corpus) and split sizes',
  '',
  langCat,
  '',
  '### Labels',
  '',
  flagTable,
  '',
  '### Triggers expected to fire (conversations listing each trigger)',
  '',
  table('trigger', TRIGGERS, (c, t) => c.expect.triggers.includes(t)),
].join('\n');

const line = (c) =>
  JSON.stringify({
    id: c.id,
    language: c.language,
    style: c.style,
    category: c.category,
    topic: c.topic,
    context: c.context,
    messages: c.messages,
    expect: c.expect,
  });

if (process.argv.includes('--check')) {
  console.log(stats);
  console.log(`\nOK: ${all.length} conversations valid`);
  process.exit(0);
}
writeFileSync(join(evalDir, 'dev.jsonl'), dev.map(line).join('\n') + '\n');
writeFileSync(join(evalDir, 'test.jsonl'), test.map(line).join('\n') + '\n');

// Re-read and re-validate what was written: every line parses and round-trips.
for (const f of ['dev.jsonl', 'test.jsonl']) {
  const lines = readFileSync(join(evalDir, f), 'utf8').trimEnd().split('\n');
  lines.forEach((l, i) => {
    const o = JSON.parse(l);
    if (!o.id || !o.messages || !o.expect) throw new Error(`${f}:${i + 1} incomplete`);
  });
}

const readmePath = join(evalDir, 'README.md');
const template = readFileSync(join(here, 'README.template.md'), 'utf8');
writeFileSync(
  readmePath,
  template.replace('<!-- STATS -->', stats).replace(/<!-- SEED -->/g, String(SEED)),
);
console.log(stats);
console.log(
  `\nwrote eval/dev.jsonl (${dev.length}), eval/test.jsonl (${test.length}), eval/README.md`,
);
