/**
 * Calibration of the built-in assistant on a held-out set (fixtures/calibration-heldout.jsonl):
 * in-scope paraphrases written without looking at the knowledge-base examples, and shop
 * questions the knowledge base does not cover (label null). Prints reliability — accuracy per
 * confidence bucket — and checks that an uncovered question is not answered as an intent.
 */
import { readFileSync } from 'node:fs';
import { effectiveThreshold, parsePolicy } from '@baton/escalation';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNluAssistant, parseKnowledgeBase, type Assistant } from '.';

const demo = new URL('../../../../demo/', import.meta.url);
const rows = readFileSync(new URL('./fixtures/calibration-heldout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { text: string; intent: string | null });
const policy = parsePolicy(readFileSync(new URL('policy.yaml', demo), 'utf8'));

let assistant: Assistant;
beforeAll(async () => {
  assistant = await createNluAssistant(
    parseKnowledgeBase(readFileSync(new URL('knowledge-base.yaml', demo), 'utf8')),
  );
});

const BUCKETS = [
  ['none', -1, 0],
  ['<0.5', 0, 0.5],
  ['0.5-0.7', 0.5, 0.7],
  ['0.7-0.9', 0.7, 0.9],
  ['>=0.9', 0.9, 1.01],
] as const;

describe('calibration on the held-out set', () => {
  it('rarely answers an uncovered question and is reliable when confident', async () => {
    const buckets = new Map<string, { right: number; total: number }>();
    let oos = 0;
    let oosActedOn = 0;
    let inScope = 0;
    let inScopeRight = 0;
    for (const row of rows) {
      const { intent } = await assistant.propose({ text: row.text, context: {}, history: [] });
      const confidence = intent?.confidence ?? -1;
      const right = (intent?.name ?? null) === row.intent;
      const [name] = BUCKETS.find(([, lo, hi]) => confidence >= lo && confidence < hi)!;
      const bucket = buckets.get(name) ?? { right: 0, total: 0 };
      bucket.right += right ? 1 : 0;
      bucket.total += 1;
      buckets.set(name, bucket);
      // What the engine acts on: an intent at or over its policy threshold (under it is a guess).
      const acted =
        intent !== null &&
        intent.confidence >= effectiveThreshold(policy, intent.tier, intent.action);
      if (row.intent === null) {
        oos++;
        if (acted) oosActedOn++;
      } else {
        inScope++;
        if (right) inScopeRight++;
      }
    }
    const table = BUCKETS.map(([name]) => {
      const b = buckets.get(name) ?? { right: 0, total: 0 };
      return `${name}: ${b.right}/${b.total}`;
    }).join('  ');
    console.log(
      `calibration (held-out, ${rows.length} messages): ${table}\n` +
        `  in-scope right: ${inScopeRight}/${inScope}; uncovered acted on as an intent: ${oosActedOn}/${oos}`,
    );
    expect(inScopeRight / inScope).toBeGreaterThanOrEqual(0.9);
    expect(oosActedOn / oos).toBeLessThanOrEqual(0.1);
    const top = buckets.get('>=0.9')!;
    expect(top.right / top.total).toBeGreaterThanOrEqual(0.9);
  });
});
