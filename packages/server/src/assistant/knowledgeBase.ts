import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** One thing a customer may want, with the risk facts the escalation engine needs about it. */
export interface KnowledgeIntent {
  name: string;
  examples: string[];
  answer: string;
  tier: 1 | 2 | 3 | 4;
  domain: string;
  action: string;
  /** Context the intent cannot be answered without, e.g. 'orders' or 'customer.email'. */
  requires?: string[];
  /** Policy / knowledge references shown to the agent, e.g. 'policy:returns#30-day-window'. */
  references?: string[];
}

export interface KnowledgeBase {
  version: string;
  store: { name: string };
  intents: KnowledgeIntent[];
}

export interface KnowledgeBaseIssue {
  /** Dotted path of the failing field, e.g. 'intents.3.tier'. */
  path: string;
  message: string;
}

/** Thrown by {@link parseKnowledgeBase}; the message names every failing field. */
export class KnowledgeBaseError extends Error {
  override readonly name = 'KnowledgeBaseError';

  constructor(
    message: string,
    readonly issues: KnowledgeBaseIssue[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// snake_case also keeps out 'None', NLP.js's "no match" intent.
const intentName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'must be snake_case, e.g. order_status' });

const text = z.string().trim().min(1, { error: 'must not be empty' });

const intentSchema = z.strictObject({
  name: intentName,
  examples: z.array(text).min(1, { error: 'needs at least one example' }),
  answer: text,
  tier: z.literal([1, 2, 3, 4], { error: 'must be 1, 2, 3 or 4' }),
  domain: text,
  action: text,
  requires: z.array(text).optional(),
  references: z.array(text).optional(),
});

/** Examples that differ only in case, spacing or trailing punctuation count as the same. */
function normaliseExample(example: string): string {
  return example
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.]+$/, '')
    .trim();
}

const knowledgeBaseSchema = z
  .strictObject({
    // A bare 2025.10 would load as the number 2025.1, so versions must be quoted strings.
    version: z
      .string({ error: "must be a quoted string, e.g. '2025.1'" })
      .trim()
      .min(1, { error: 'must not be empty' }),
    store: z.strictObject({ name: text }),
    intents: z.array(intentSchema).min(1, { error: 'needs at least one intent' }),
  })
  .superRefine((kb, ctx) => {
    const intentIndex = new Map<string, number>();
    const exampleOwner = new Map<string, string>();
    kb.intents.forEach((intent, i) => {
      const first = intentIndex.get(intent.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['intents', i, 'name'],
          message: `duplicate intent name "${intent.name}" (also intents.${first}.name)`,
        });
      } else {
        intentIndex.set(intent.name, i);
      }
      intent.examples.forEach((example, j) => {
        const key = normaliseExample(example);
        const owner = exampleOwner.get(key);
        if (owner !== undefined && owner !== intent.name) {
          // The same phrase under two intents trains the classifier to be unsure on purpose.
          ctx.addIssue({
            code: 'custom',
            path: ['intents', i, 'examples', j],
            message: `"${example}" is also an example of intent "${owner}"`,
          });
        } else {
          exampleOwner.set(key, intent.name);
        }
      });
    });
  });

function describeIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): KnowledgeBaseIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    return { path, message: withIntentName(issue.path, raw, issue.message) };
  });
}

/** "intents.7.tier" is hard to find in a long file; say which intent it is. */
function withIntentName(path: readonly PropertyKey[], raw: unknown, message: string): string {
  if (path[0] !== 'intents' || typeof path[1] !== 'number') return message;
  const intents = (raw as { intents?: unknown } | null)?.intents;
  const intent: unknown = Array.isArray(intents) ? intents[path[1]] : undefined;
  const name = (intent as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? `${message} (intent "${name}")` : message;
}

/** Parses and validates a knowledge base YAML document. Throws {@link KnowledgeBaseError}. */
export function parseKnowledgeBase(yamlText: string): KnowledgeBase {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KnowledgeBaseError(
      `Invalid knowledge base: not valid YAML: ${message}`,
      [{ path: '(yaml)', message }],
      { cause: error },
    );
  }
  const result = knowledgeBaseSchema.safeParse(raw);
  if (!result.success) {
    const issues = describeIssues(result.error.issues, raw);
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new KnowledgeBaseError(`Invalid knowledge base: ${summary}`, issues);
  }
  return result.data;
}
