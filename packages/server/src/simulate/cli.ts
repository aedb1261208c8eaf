/**
 * `pnpm simulate`: replays conversations through the real assistant and escalation engine with
 * no network, no database and a fixed clock. The only module of the simulator that touches
 * process arguments, environment, files and standard streams.
 */
import {
  createAssistantFor,
  defaultPolicyPath,
  loadKnowledgeBase,
  loadPolicy,
  parseAssistantKind,
  parseCliArgs,
  parseNow,
  readText,
  runCli,
  UsageError,
  userPath,
  writeText,
} from './cliSupport';
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
  --assistant nlu|llm     the assistant to replay through (default nlu, local and deterministic;
                          llm reads BATON_LLM_URL, BATON_LLM_MODEL, BATON_LLM_API_KEY)
  --now ISO-8601          the fixed clock (default ${DEFAULT_SIMULATION_NOW.toISOString()})
  -h, --help              show this help

The report (lane distribution, and with --compare the decisions that changed) goes to stderr or
--report, so stdout stays JSON lines.

Exit status: 0 all lines simulated; 1 some input lines were invalid (each reported on stderr
as "line N: field: message" and skipped, the others simulated); 2 bad arguments, or a file that
cannot be read or a policy / knowledge base that fails validation (nothing simulated).`;

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv, {
    input: { type: 'string' },
    policy: { type: 'string' },
    compare: { type: 'string' },
    report: { type: 'string' },
    'knowledge-base': { type: 'string' },
    assistant: { type: 'string' },
    now: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.input) throw new UsageError('--input FILE is required', true);
  const now = parseNow(args.now);

  const kind = parseAssistantKind(args.assistant);
  const policy = loadPolicy(args.policy ? userPath(args.policy) : defaultPolicyPath());
  const candidate = args.compare ? loadPolicy(userPath(args.compare)) : null;
  const kb = loadKnowledgeBase(args['knowledge-base']);
  const input = parseInput(readText(userPath(args.input), 'input'));
  for (const error of input.errors) process.stderr.write(`${formatInputError(error)}\n`);

  const assistant = await createAssistantFor(kind, kb);
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
    writeText(userPath(args.report), `${report}\n`, 'report');
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

runCli('simulate', main);
