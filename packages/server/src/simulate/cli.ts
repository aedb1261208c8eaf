/**
 * `pnpm simulate`: replays conversations through the real assistant and escalation engine with
 * no network, no database and a fixed clock. The only module of the simulator that touches
 * process arguments, environment, files and standard streams.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePolicy, PolicyError, type Policy } from '@baton/escalation';
import { createNluAssistant, KnowledgeBaseError, parseKnowledgeBase } from '../assistant';
import { formatInputError, parseInput } from './parseInput';
import { formatComparison, formatSummary } from './report';
import { DEFAULT_SIMULATION_NOW, simulateAll, toJsonLine } from './simulate';

const USAGE = `Usage: pnpm simulate --input FILE.jsonl [options]

Replays conversations (one JSON object per line) through the assistant and escalation engine,
deterministically, and writes one JSON line per conversation to stdout, in input order.

Options:
  --input FILE            conversations, JSON Lines (required)
  --policy FILE           acting policy (default demo/policy.yaml)
  --compare FILE          also run under this policy; report lane distributions and changes
  --report FILE           write the report to FILE instead of stderr
  --knowledge-base FILE   assistant knowledge base (default demo/knowledge-base.yaml)
  --now ISO-8601          the fixed clock (default ${DEFAULT_SIMULATION_NOW.toISOString()})
  -h, --help              show this help

The report (lane distribution, and with --compare the decisions that changed) goes to stderr or
--report, so stdout stays JSON lines.

Exit status: 0 all lines simulated; 1 some input lines were invalid (each reported on stderr
as "line N: field: message" and skipped, the others simulated); 2 bad arguments, or a file that
cannot be read or a policy / knowledge base that fails validation (nothing simulated).`;

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Relative paths are the user's: pnpm runs scripts from the workspace root, INIT_CWD is theirs. */
const userPath = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

/** A problem with the arguments or the files they name: reported in one line, exit status 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly showHelp = false,
  ) {
    super(message);
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read ${what} ${path}: ${reason}`);
  }
}

function loadPolicy(path: string): Policy {
  try {
    return parsePolicy(readText(path, 'policy'));
  } catch (error) {
    if (error instanceof PolicyError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        input: { type: 'string' },
        policy: { type: 'string' },
        compare: { type: 'string' },
        report: { type: 'string' },
        'knowledge-base': { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), true);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.input) throw new UsageError('--input FILE is required', true);
  const now = args.now === undefined ? DEFAULT_SIMULATION_NOW : new Date(args.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now: not a date: ${args.now}`);

  const policy = loadPolicy(args.policy ? userPath(args.policy) : `${repoRoot}demo/policy.yaml`);
  const candidate = args.compare ? loadPolicy(userPath(args.compare)) : null;
  const kbPath = args['knowledge-base']
    ? userPath(args['knowledge-base'])
    : `${repoRoot}demo/knowledge-base.yaml`;
  let kb;
  try {
    kb = parseKnowledgeBase(readText(kbPath, 'knowledge base'));
  } catch (error) {
    if (error instanceof KnowledgeBaseError) throw new UsageError(`${kbPath}: ${error.message}`);
    throw error;
  }
  const input = parseInput(readText(userPath(args.input), 'input'));
  for (const error of input.errors) process.stderr.write(`${formatInputError(error)}\n`);

  const assistant = await createNluAssistant(kb);
  const conversations = input.conversations.map((c) => c.conversation);
  const results = await simulateAll(conversations, { assistant, policy, now });
  process.stdout.write(results.map((r) => `${toJsonLine(r)}\n`).join(''));

  const report = candidate
    ? formatComparison(
        { version: policy.version, results },
        {
          version: candidate.version,
          results: await simulateAll(conversations, { assistant, policy: candidate, now }),
        },
      )
    : formatSummary(results, policy.version);
  if (args.report) {
    const reportPath = userPath(args.report);
    try {
      writeFileSync(reportPath, `${report}\n`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(`cannot write report ${reportPath}: ${reason}`);
    }
  } else {
    process.stderr.write(`${report}\n`);
  }

  if (input.errors.length > 0) {
    const lines = new Set(input.errors.map((e) => e.line)).size;
    process.stderr.write(`${lines} input line(s) skipped\n`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`simulate: ${error.message}\n`);
      if (error.showHelp) process.stderr.write('Run with --help for usage.\n');
    } else {
      process.stderr.write(`simulate: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
