/**
 * `pnpm eval`: replays the evaluation corpus through the same machinery as `pnpm simulate` and
 * prints, per split, how often Baton does what the labels say. The only module of the evaluation
 * that touches process arguments, files and standard streams.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { Assistant } from '../assistant';
import type { Policy } from '@baton/escalation';
import {
  createAssistantFor,
  defaultPolicyPath,
  loadKnowledgeBase,
  loadPolicy,
  parseAssistantKind,
  parseCliArgs,
  parseNow,
  readText,
  repoRoot,
  runCli,
  UsageError,
  userPath,
  writeText,
} from '../simulate/cliSupport';
import { formatInputError } from '../simulate/parseInput';
import { DEFAULT_SIMULATION_NOW, simulateAll } from '../simulate/simulate';
import { parseCorpus } from './corpus';
import { formatGate, formatMisses, formatSplit } from './format';
import {
  checkFloor,
  checkGate,
  computeFigures,
  type Floor,
  type GateResult,
  type SplitFigures,
} from './metrics';

const USAGE = `Usage: pnpm eval [options]

Replays the evaluation corpus (eval/dev.jsonl and eval/test.jsonl) through the assistant and the
escalation engine, exactly as \`pnpm simulate\` does, and prints per split: explicit requests
honoured on the turn, must-escalate in time, informational over-escalation, false friends,
per-language figures and per-trigger precision and recall.

Options:
  --dev FILE              the dev split (default eval/dev.jsonl)
  --test FILE             the test split (default eval/test.jsonl)
  --split dev|test        evaluate one split only (default both)
  --policy FILE           acting policy (default demo/policy.yaml)
  --knowledge-base FILE   assistant knowledge base (default demo/knowledge-base.yaml)
  --assistant nlu|llm     the assistant (default nlu; llm reads BATON_LLM_URL, BATON_LLM_MODEL,
                          BATON_LLM_API_KEY)
  --now ISO-8601          the fixed clock (default ${DEFAULT_SIMULATION_NOW.toISOString()})
  --json FILE             also write every figure as JSON to FILE
  --misses                list the dev split's failing conversations with texts and decisions
  --show-test-misses      with --misses, list the test split's failures too (see below)
  --floor FILE            exit 1 if the test split falls below the regression floor in FILE
                          (shares: explicit, mustInTime, informationalEscalatedMax)
  --check                 exit 1 unless the test split meets the gate: explicit 100%,
                          must-escalate ≥ 95%, informational over-escalation ≤ 5%
  -h, --help              show this help

The test split's misses are withheld by default, from the screen and from --json: tune on dev
only. Reading test failures invites fixing exactly those sentences, and then the test figures no
longer say how Baton does on conversations nobody has seen.

Exit status: 0 every requested split evaluated (and with --check, the gate passed); 1 a split
file missing, invalid lines (reported and skipped), or the gate failed; 2 bad arguments, or a
policy / knowledge base that cannot be read or fails validation.`;

const SPLITS = ['dev', 'test'] as const;
type Split = (typeof SPLITS)[number];

interface SplitRun {
  split: Split;
  path: string;
  status: 'ok' | 'missing';
  invalidLines: number;
  figures: SplitFigures | null;
}

interface Setup {
  policy: Policy;
  assistant: Assistant;
  assistantName: string;
  now: Date;
  misses: boolean;
  showTestMisses: boolean;
}

const say = (text: string) => process.stdout.write(`${text}\n`);

async function runSplit(split: Split, path: string, setup: Setup): Promise<SplitRun> {
  if (!existsSync(path)) {
    // Loud, on both streams: a missing split must never read as a clean run.
    const message = `MISSING: the ${split} split ${path} does not exist; no ${split} figures.`;
    process.stderr.write(`eval: ${message}\n`);
    say(`== ${split}: ${message} ==\n`);
    return { split, path, status: 'missing', invalidLines: 0, figures: null };
  }
  const corpus = parseCorpus(readText(path, `${split} split`));
  for (const error of corpus.errors) {
    process.stderr.write(`${split} ${path}: ${formatInputError(error)}\n`);
  }
  const invalidLines = new Set(corpus.errors.map((e) => e.line)).size;
  const results = await simulateAll(
    corpus.cases.map((c) => c.conversation),
    { assistant: setup.assistant, policy: setup.policy, now: setup.now },
  );
  const scored = corpus.cases.map((c, i) => ({ labels: c.labels, result: results[i]! }));
  const figures = computeFigures(scored);
  const heading = {
    split,
    path,
    policyVersion: setup.policy.version,
    assistant: setup.assistantName,
  };
  say(formatSplit(heading, figures));
  if (invalidLines > 0) say(`!! ${invalidLines} invalid line(s) skipped (see stderr)`);
  if (setup.misses) {
    if (split === 'test' && !setup.showTestMisses) {
      say(
        `\n== test misses withheld (${figures.misses.length}): tune on dev only; ` +
          'pass --show-test-misses to list them ==',
      );
    } else {
      const byId = new Map(
        corpus.cases.map((c, i) => [c.conversation.id, { case: c, result: results[i]! }]),
      );
      say(`\n${formatMisses(split, figures, byId)}`);
    }
  }
  say('');
  return { split, path, status: 'ok', invalidLines, figures };
}

function jsonReport(runs: SplitRun[], gate: GateResult | null, setup: Setup) {
  return {
    policyVersion: setup.policy.version,
    assistant: setup.assistantName,
    now: setup.now.toISOString(),
    splits: Object.fromEntries(
      runs.map((run) => {
        const withhold = run.split === 'test' && !setup.showTestMisses && run.figures !== null;
        const figures =
          withhold && run.figures
            ? { ...run.figures, misses: undefined, missesWithheld: run.figures.misses.length }
            : run.figures;
        return [run.split, { ...run, figures }];
      }),
    ),
    gate,
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv, {
    dev: { type: 'string' },
    test: { type: 'string' },
    split: { type: 'string' },
    policy: { type: 'string' },
    'knowledge-base': { type: 'string' },
    assistant: { type: 'string' },
    now: { type: 'string' },
    json: { type: 'string' },
    misses: { type: 'boolean' },
    'show-test-misses': { type: 'boolean' },
    check: { type: 'boolean' },
    floor: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.help) {
    say(USAGE);
    return 0;
  }
  if (args.split !== undefined && !(SPLITS as readonly string[]).includes(args.split)) {
    throw new UsageError(`--split: expected dev or test, got ${args.split}`);
  }
  const splits: Split[] = args.split ? [args.split as Split] : [...SPLITS];
  if ((args.check || args.floor) && !splits.includes('test')) {
    throw new UsageError('--check and --floor gate the test split; not with --split dev');
  }
  const floor = args.floor === undefined ? null : readFloor(userPath(args.floor));
  const now = parseNow(args.now);

  const kind = parseAssistantKind(args.assistant);
  const policy = loadPolicy(args.policy ? userPath(args.policy) : defaultPolicyPath());
  const kb = loadKnowledgeBase(args['knowledge-base']);
  const setup: Setup = {
    policy,
    assistant: await createAssistantFor(kind, kb),
    assistantName: kind,
    now,
    misses: args.misses ?? false,
    showTestMisses: args['show-test-misses'] ?? false,
  };
  const paths: Record<Split, string> = {
    dev: args.dev ? userPath(args.dev) : `${repoRoot}eval/dev.jsonl`,
    test: args.test ? userPath(args.test) : `${repoRoot}eval/test.jsonl`,
  };

  const runs: SplitRun[] = [];
  for (const split of splits) runs.push(await runSplit(split, paths[split], setup));

  const test = runs.find((r) => r.split === 'test');
  const gate = test?.figures ? checkGate(test.figures) : null;
  if (test) say(formatGate(gate) + (args.check ? '' : '\n(not enforced; --check enforces it)'));

  if (args.json) {
    writeText(
      userPath(args.json),
      `${JSON.stringify(jsonReport(runs, gate, setup), null, 2)}\n`,
      '--json',
    );
  }

  const floorResult = floor && test?.figures ? checkFloor(test.figures, floor) : null;
  if (floor) say(formatGate(floorResult, `Regression floor (${args.floor})`));

  const incomplete = runs.some((r) => r.status === 'missing' || r.invalidLines > 0);
  const gateFailed = args.check === true && !(gate?.passed ?? false);
  const floorFailed = floor !== null && !(floorResult?.passed ?? false);
  return incomplete || gateFailed || floorFailed ? 1 : 0;
}

const share = z.number().min(0).max(1);
const floorSchema = z.strictObject({
  explicit: share,
  mustInTime: share,
  informationalEscalatedMax: share,
});

/** A floor file: `{"explicit": 0.97, "mustInTime": 0.95, "informationalEscalatedMax": 0.054}`. */
function readFloor(path: string): Floor {
  const text = readText(path, '--floor');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--floor: ${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = floorSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--floor: ${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

runCli('eval', main);
