/**
 * What `pnpm simulate` and `pnpm eval` share at the command line: paths, file reading, policy and
 * knowledge-base loading, and the choice of assistant. Kept apart from cli.ts, which runs on import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parsePolicy, PolicyError, type Policy } from '@baton/escalation';
import { DEFAULT_SIMULATION_NOW } from './simulate';
import {
  createLlmAssistant,
  createNluAssistant,
  DEFAULT_LLM_TIMEOUT_MS,
  llmConfigFromEnv,
  KnowledgeBaseError,
  parseKnowledgeBase,
  type Assistant,
  type KnowledgeBase,
} from '../assistant';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Relative paths are the user's: pnpm runs scripts from the workspace root, INIT_CWD is theirs. */
export const userPath = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

/** A problem with the arguments or the files they name: reported in one line, exit status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showHelp = false,
  ) {
    super(message);
  }
}

/** Parses the command line strictly; an unknown or malformed option is a usage error. */
export function parseCliArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), true);
  }
}

/** `--now`: the fixed clock of a replay, `DEFAULT_SIMULATION_NOW` when not given. */
export function parseNow(value: string | undefined): Date {
  const now = value === undefined ? DEFAULT_SIMULATION_NOW : new Date(value);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now: not a date: ${value}`);
  return now;
}

export function writeText(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot write ${what} ${path}: ${reason}`);
  }
}

/** Runs a command: its exit status, or 2 with a one-line message for a usage error. */
export function runCli(name: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${name}: ${error.message}\n`);
        if (error.showHelp) process.stderr.write('Run with --help for usage.\n');
      } else {
        process.stderr.write(`${name}: ${error instanceof Error ? error.stack : String(error)}\n`);
      }
      process.exitCode = 2;
    },
  );
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read ${what} ${path}: ${reason}`);
  }
}

export function loadPolicy(path: string): Policy {
  try {
    return parsePolicy(readText(path, 'policy'));
  } catch (error) {
    if (error instanceof PolicyError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

/** The default acting policy of a replay. */
export const defaultPolicyPath = () => `${repoRoot}demo/policy.yaml`;

export function loadKnowledgeBase(path: string | undefined): KnowledgeBase {
  const kbPath = path ? userPath(path) : `${repoRoot}demo/knowledge-base.yaml`;
  try {
    return parseKnowledgeBase(readText(kbPath, 'knowledge base'));
  } catch (error) {
    if (error instanceof KnowledgeBaseError) throw new UsageError(`${kbPath}: ${error.message}`);
    throw error;
  }
}

export const ASSISTANT_KINDS = ['nlu', 'llm'] as const;
export type AssistantKind = (typeof ASSISTANT_KINDS)[number];

export function parseAssistantKind(value: string | undefined): AssistantKind {
  if (value === undefined) return 'nlu';
  if ((ASSISTANT_KINDS as readonly string[]).includes(value)) return value as AssistantKind;
  throw new UsageError(`--assistant: expected one of ${ASSISTANT_KINDS.join(', ')}, got ${value}`);
}

/**
 * The assistant a replay runs through. `nlu` is local and deterministic; `llm` is any
 * OpenAI-compatible endpoint configured by BATON_LLM_URL / BATON_LLM_MODEL / BATON_LLM_API_KEY
 * (and BATON_LLM_TIMEOUT_MS), exactly as the server reads them.
 */
export async function createAssistantFor(
  kind: AssistantKind,
  kb: KnowledgeBase,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Assistant> {
  if (kind === 'nlu') return createNluAssistant(kb);
  let config;
  try {
    config = llmConfigFromEnv(env);
  } catch (error) {
    throw new UsageError(`--assistant llm: ${error instanceof Error ? error.message : error}`);
  }
  if (!config) {
    throw new UsageError('--assistant llm needs BATON_LLM_URL and BATON_LLM_MODEL to be set');
  }
  return createLlmAssistant({
    url: config.url,
    model: config.model,
    ...(config.apiKey !== undefined && { apiKey: config.apiKey }),
    kb,
    timeoutMs: config.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS,
  });
}
