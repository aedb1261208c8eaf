import { customerContextSchema, type CustomerContext } from '@baton/shared';
import { z } from 'zod';

/**
 * One line of a `pnpm simulate` input file: a conversation with only the customer side given
 * (the assistant is simulated). Fields the simulator does not know, such as evaluation labels,
 * are allowed and ignored.
 */

/** A customer turn: words, or a press of the "talk to a person" button. */
export type SimulatedMessage = { kind: 'text'; text: string } | { kind: 'button' };

export interface ConversationInput {
  id: string;
  context: CustomerContext;
  /** Customer turns only, in order; other roles in the input are dropped. */
  messages: SimulatedMessage[];
}

/** An input line, with its 1-based line number in the file. */
export interface ParsedLine {
  line: number;
  conversation: ConversationInput;
}

/** A line that could not be simulated. */
export interface InputLineError {
  line: number;
  /** Dotted path of the failing field, e.g. `messages.2.text`; `(root)` or `(json)` otherwise. */
  path: string;
  message: string;
}

export interface ParsedInput {
  conversations: ParsedLine[];
  errors: InputLineError[];
}

const ROLES = ['customer', 'assistant', 'agent', 'system'] as const;

const messageSchema = z
  .object({
    // `{"action": "request_human"}` without a role is the customer's button press.
    role: z.enum(ROLES).default('customer'),
    text: z.string().max(4000, { error: 'must be at most 4000 characters' }).optional(),
    action: z.literal('request_human', { error: 'must be "request_human"' }).optional(),
  })
  .superRefine((message, ctx) => {
    if (message.role !== 'customer') return;
    const hasText = message.text !== undefined;
    if (hasText && message.action !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['action'],
        message: 'a customer message has either text or action, not both',
      });
    } else if (!hasText && message.action === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'a customer message needs text, or "action": "request_human" for the button',
      });
    } else if (hasText && message.text!.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'must not be empty' });
    }
  });

export const conversationInputSchema = z
  .object({
    id: z
      .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a string') })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(128, { error: 'must be at most 128 characters' }),
    context: customerContextSchema.optional(),
    messages: z.array(messageSchema, { error: 'must be an array of messages' }),
  })
  .superRefine((conversation, ctx) => {
    if (!conversation.messages.some((m) => m.role === 'customer')) {
      ctx.addIssue({
        code: 'custom',
        path: ['messages'],
        message: 'needs at least one customer message',
      });
    }
  })
  .transform((conversation): ConversationInput => ({
    id: conversation.id,
    context: (conversation.context ?? {}) as CustomerContext,
    messages: conversation.messages
      .filter((m) => m.role === 'customer')
      .map((m): SimulatedMessage =>
        m.text === undefined ? { kind: 'button' } : { kind: 'text', text: m.text },
      ),
  }));

function describe(issue: z.core.$ZodIssue): InputLineError[] {
  const at = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(root)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      line: 0,
      path: at([...issue.path, key]),
      message: 'unknown field',
    }));
  }
  const message =
    issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
      ? `required (expected ${issue.expected})`
      : issue.message.replace(/^Invalid (?:input|option): /, '');
  return [{ line: 0, path: at(issue.path), message }];
}

/** Validates one line's JSON text. Blank lines are the caller's business. */
export function parseInputLine(
  text: string,
  line: number,
): { ok: true; conversation: ConversationInput } | { ok: false; errors: InputLineError[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ line, path: '(json)', message: `not valid JSON: ${message}` }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      errors: [{ line, path: '(root)', message: 'must be a JSON object, one per line' }],
    };
  }
  const result = conversationInputSchema.safeParse(raw);
  if (result.success) return { ok: true, conversation: result.data };
  return {
    ok: false,
    errors: result.error.issues.flatMap(describe).map((e) => ({ ...e, line })),
  };
}

/**
 * Parses a JSON Lines file: one conversation per non-blank line. Lines that fail are reported
 * (every failing field, with its line number) and left out; the others are kept in file order.
 */
export function parseInput(fileText: string): ParsedInput {
  const conversations: ParsedLine[] = [];
  const errors: InputLineError[] = [];
  fileText
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((text, index) => {
      if (text.trim() === '') return;
      const line = index + 1;
      const parsed = parseInputLine(text, line);
      if (parsed.ok) conversations.push({ line, conversation: parsed.conversation });
      else errors.push(...parsed.errors);
    });
  return { conversations, errors };
}

/** `line 7: messages.2.text: must not be empty` */
export function formatInputError(error: InputLineError): string {
  return `line ${error.line}: ${error.path}: ${error.message}`;
}
