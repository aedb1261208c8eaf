/**
 * Scores request detection message by message on labelled message files (the `eval/train/`
 * line format: {"lang","label":"request"|"other","text"}), such as the unread English sets in
 * `eval/extra/messages/`. Prints recall on requests and how many others were taken, for the word
 * lists alone and with the learned reader. Aggregates only: the sets are checks, not tuning data.
 *
 *   pnpm --filter @baton/escalation score:messages eval/extra/messages/requests.en-c.jsonl …
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectHumanRequest } from '../src/humanRequest';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: score:messages FILE.jsonl …');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '../../..');
const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
for (const file of files) {
  const rows = readFileSync(resolve(root, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line, n) => {
      const row = JSON.parse(line) as { label?: unknown; text?: unknown };
      if (typeof row.text !== 'string' || (row.label !== 'request' && row.label !== 'other')) {
        throw new Error(`${file}:${n + 1}: needs "text" and "label" request|other`);
      }
      return { text: row.text, request: row.label === 'request' };
    });
  const requests = rows.filter((r) => r.request);
  const others = rows.filter((r) => !r.request);
  const count = (set: typeof rows, reader: boolean) =>
    set.filter((r) => detectHumanRequest(r.text, { reader }).matched).length;
  console.log(`${file}: ${requests.length} requests, ${others.length} others`);
  for (const reader of [false, true]) {
    const hit = count(requests, reader);
    const taken = count(others, reader);
    console.log(
      `  ${reader ? 'lists + reader' : 'lists only    '}  requests found ${hit}/${requests.length} ${pct(hit, requests.length)}  others taken ${taken}/${others.length} ${pct(taken, others.length)}`,
    );
  }
}
