/**
 * What `pnpm simulate` and `pnpm eval` share at the command line: paths, file reading, policy and
 * knowledge-base loading, and the choice of assistant. Kept apart from cli.ts, which runs on import.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy, PolicyError, type Policy } from '@baton/escalation';
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
