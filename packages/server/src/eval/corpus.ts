import { TRIGGERS, type TriggerName } from '@baton/shared';
import { z } from 'zod';
import {
  parseInputLine,
  type ConversationInput,
  type InputLineError,
} from '../simulate/parseInput';

/**
 * An evaluation file is a `pnpm simulate` input file whose lines also carry labels (language,
 * style, `expect`). The conversation part is parsed by the simulator's own parser, so that what
 * is evaluated is exactly what `pnpm simulate` would replay.
 */

/** What a conversation should do, as labelled by the corpus author. */
export interface EvalLabels {
  /** The customer's language; null when the line does not say (e.g. demo sample files). */
  language: string | null;
  style: string | null;
  /** 1-based customer turn of the first explicit request for a person; null if none. */
  explicitTurn: number | null;
  mustReachHuman: boolean;
  /** With mustReachHuman: the turn by which it must have left the autonomous lane. */
  needTurn: number | null;
  informational: boolean;
  /**
   * Triggers that should fire at some turn; null when the line has no trigger labels, so that
   * unlabelled conversations do not count as "no trigger expected" in precision.
   */
  triggers: TriggerName[] | null;
  falseFriend: boolean;
}

export interface EvalCase {
  line: number;
  conversation: ConversationInput;
  labels: EvalLabels;
}

export interface ParsedCorpus {
  cases: EvalCase[];
  errors: InputLineError[];
}

const turnNumber = z.number().int().min(1, { error: 'must be a 1-based turn number' });

const labelsSchema = z
  .object({
    language: z.string().trim().min(1).nullish(),
    style: z.string().trim().min(1).nullish(),
    expect: z
      .object({
        explicitTurn: turnNumber.nullish(),
        // The demo sample's older spelling: the turns of every explicit request; the first counts.
        explicitTurns: z.array(turnNumber).nullish(),
        mustReachHuman: z.boolean().default(false),
        needTurn: turnNumber.nullish(),
        informational: z.boolean().default(false),
        triggers: z.array(z.enum(TRIGGERS)).nullish(),
        falseFriend: z.boolean().default(false),
      })
      .superRefine((expect, ctx) => {
        if (expect.mustReachHuman && expect.informational) {
          ctx.addIssue({
            code: 'custom',
            path: ['informational'],
            message: 'a conversation cannot be both mustReachHuman and informational',
          });
        }
      }),
  })
  .transform(({ language, style, expect }): EvalLabels => ({
    language: language ?? null,
    style: style ?? null,
    explicitTurn: expect.explicitTurn ?? expect.explicitTurns?.[0] ?? null,
    mustReachHuman: expect.mustReachHuman,
    needTurn: expect.needTurn ?? null,
    informational: expect.informational,
    triggers: expect.triggers ? [...new Set(expect.triggers)] : null,
    falseFriend: expect.falseFriend,
  }));

function labelErrors(error: z.ZodError, line: number): InputLineError[] {
  return error.issues.map((issue) => ({
    line,
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message.replace(/^Invalid (?:input|option): /, ''),
  }));
}

/** Labels that point past the conversation are the author's mistake, not a miss of Baton's. */
function turnErrors(labels: EvalLabels, turns: number, line: number): InputLineError[] {
  const errors: InputLineError[] = [];
  const check = (turn: number | null, path: string) => {
    if (turn !== null && turn > turns) {
      errors.push({ line, path, message: `turn ${turn} but the conversation has ${turns}` });
    }
  };
  check(labels.explicitTurn, 'expect.explicitTurn');
  check(labels.needTurn, 'expect.needTurn');
  return errors;
}

/**
 * Parses an evaluation file: every non-blank line must be a valid simulate input with valid
 * labels. Failing lines are reported with every failing field and left out of the figures.
 */
export function parseCorpus(fileText: string): ParsedCorpus {
  const cases: EvalCase[] = [];
  const errors: InputLineError[] = [];
  // Misses are reported by id, so an id must name one conversation.
  const seen = new Map<string, number>();
  fileText
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((text, index) => {
      if (text.trim() === '') return;
      const line = index + 1;
      const parsed = parseInputLine(text, line);
      if (!parsed.ok) {
        errors.push(...parsed.errors);
        return;
      }
      // parseInputLine has proven this is a JSON object.
      const labels = labelsSchema.safeParse(JSON.parse(text));
      if (!labels.success) {
        errors.push(...labelErrors(labels.error, line));
        return;
      }
      const bad = turnErrors(labels.data, parsed.conversation.messages.length, line);
      const first = seen.get(parsed.conversation.id);
      if (first !== undefined) {
        bad.push({ line, path: 'id', message: `duplicate of line ${first}` });
      } else {
        seen.set(parsed.conversation.id, line);
      }
      if (bad.length > 0) errors.push(...bad);
      else cases.push({ line, conversation: parsed.conversation, labels: labels.data });
    });
  return { cases, errors };
}
