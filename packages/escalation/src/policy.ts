import { TRIGGERS } from '@baton/shared';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';

/**
 * The escalation policy: versioned data, validated on load. Objects are strict so that a
 * misspelt key ("repeatContacts") fails the load instead of silently leaving a default in force.
 */

const threshold = z.number().min(0).max(1);
const tierMap = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    1: value.optional(),
    2: value.optional(),
    3: value.optional(),
    4: value.optional(),
  });
const name = z.string().trim().min(1);
const key = z.string().min(1);
const names = z.array(name);
const currency = z.string().regex(/^[A-Z]{3}$/, 'Expected a 3-letter currency code, e.g. USD');
const severity = z.enum(['low', 'medium', 'high']);

/** Triggers whose severity a policy may set; the request for a person is not among them. */
const TUNABLE_TRIGGERS = TRIGGERS.filter((t) => t !== 'explicit_human_request');

export const policySchema = z.strictObject({
  version: name,
  /** `shadow`: compute and record decisions but act as before (observe-only rollout). */
  mode: z.enum(['enforce', 'shadow']).default('enforce'),
  confidence: z.strictObject({
    /** Used when neither the tier nor the action has a threshold. */
    default: threshold,
    tiers: tierMap(threshold).prefault({}),
    /** Per proposed action; the effective threshold is the higher of tier and action. */
    actions: z.record(key, threshold).prefault({}),
    /**
     * The autonomous lane may ask ONE clarifying question when a calm tier-1/2 message is not
     * understood and nothing else is at stake; a second miss in a row on the same guess (or with
     * none) escalates, and conversation_loop takes a third unclear turn in a row.
     */
    clarifyOnce: z.boolean().default(true),
  }),
  /** The assistant's authority per action, e.g. `refund: { maxAmount: 100, currency: USD }`. */
  limits: z.record(key, z.strictObject({ maxAmount: z.number().nonnegative(), currency })),
  routing: z.strictObject({
    default: name,
    /** Intent domain → queue. */
    domains: z.record(key, name).prefault({}),
    /** Risk tier → queue; beats domain routing. */
    tiers: tierMap(name).prefault({}),
  }),
  /** First-response SLA in minutes per risk tier. */
  sla: z.strictObject({
    1: z.number().int().positive(),
    2: z.number().int().positive(),
    3: z.number().int().positive(),
    4: z.number().int().positive(),
  }),
  autonomy: z
    .strictObject({
      /** Autonomous handling for domains not listed. */
      default: z.boolean().default(true),
      /** Domain → whether the assistant may answer on its own; false → assisted at least. */
      domains: z.record(key, z.boolean()).prefault({}),
    })
    .prefault({}),
  repeatContact: z
    .strictObject({
      /** Contacts (this one included) within the window that make a repeat contact. */
      count: z.number().int().min(2).default(3),
      windowDays: z.number().positive().default(7),
    })
    .prefault({}),
  sentiment: z
    .strictObject({
      /** A turn at or below this score is clearly negative. */
      negativeScore: z.number().min(-1).max(1).default(-0.25),
      /** How many recent customer turns the trend looks at. */
      window: z.number().int().min(2).default(3),
      /** Clearly negative turns within the window that make a sustained negative sentiment. */
      minNegativeTurns: z.number().int().min(2).default(2),
      /** Or: the window's average at or below this (needs a full window). */
      averageBelow: z.number().min(-1).max(1).default(-0.4),
    })
    .prefault({}),
  loop: z
    .strictObject({
      /** Consecutive customer turns on the same unresolved need that make a loop. */
      turns: z.number().int().min(2).default(3),
    })
    .prefault({}),
  pressure: z
    .strictObject({
      customerTiers: z
        .array(z.enum(['standard', 'vip', 'enterprise']))
        .default(['vip', 'enterprise']),
      /** A renewal this many days away or closer puts the account under pressure. */
      renewalWithinDays: z.number().nonnegative().default(30),
    })
    .prefault({}),
  /** Intent domain → the system of record it needs (`context.systems[…]`). */
  systems: z.record(key, name).default({
    orders: 'orders',
    shipping: 'orders',
    returns: 'orders',
    billing: 'billing',
    payments: 'billing',
    subscriptions: 'billing',
    account: 'account',
    security: 'account',
  }),
  actions: z
    .strictObject({
      /** Actions that only inform; everything else changes state. */
      informational: names.default(['answer', 'lookup']),
      /** Actions whose mistakes cannot be undone cleanly. */
      irreversible: names.default(['data_deletion', 'close_account', 'delete_account']),
      /** Actions touching access, ownership or identity. */
      security: names.default(['account_change', 'account_recovery', 'report_fraud']),
    })
    .prefault({}),
  /** Domains where identity and access are at stake. */
  securityDomains: names.default(['security', 'fraud', 'identity']),
  matrix: z
    .strictObject({
      /** This many medium signals together move ownership to a person (human lane). */
      mediumsForHuman: z.number().int().min(2).default(2),
    })
    .prefault({}),
  /**
   * Severity overrides per trigger (`low` records the trigger without acting on it). The
   * request for a person cannot be listed: it always escalates.
   */
  severity: z.partialRecord(z.enum(TUNABLE_TRIGGERS), severity).default({}),
});

export type Policy = z.infer<typeof policySchema>;
/** The policy as written in YAML, before defaults are applied. */
export type PolicyInput = z.input<typeof policySchema>;

export interface PolicyIssue {
  /** Dotted path of the failing field, e.g. `confidence.tiers.2`; `(root)` for the document. */
  path: string;
  message: string;
}

/** A policy failed to load; `issues` and the message name every failing field. */
export class PolicyError extends Error {
  readonly issues: PolicyIssue[];
  constructor(issues: PolicyIssue[]) {
    super(`Invalid policy: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'PolicyError';
    this.issues = issues;
  }
}

/** Validates a policy object (e.g. already parsed YAML or JSON). Throws PolicyError. */
export function validatePolicy(input: unknown): Policy {
  const result = policySchema.safeParse(input);
  if (result.success) return result.data;
  throw new PolicyError(result.error.issues.flatMap(toPolicyIssues));
}

function toPolicyIssues(issue: z.core.$ZodIssue): PolicyIssue[] {
  const at = (path: PropertyKey[]) => path.map(String).join('.') || '(root)';
  if (issue.code === 'unrecognized_keys') {
    // Name the misspelt field itself, not its parent.
    return issue.keys.map((key) => ({ path: at([...issue.path, key]), message: 'Unknown field' }));
  }
  const message =
    issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
      ? `Required (expected ${issue.expected})`
      : issue.message.replace(/^Invalid input: e/, 'E');
  return [{ path: at(issue.path), message }];
}

/** Parses and validates a policy YAML document. Throws PolicyError. */
export function parsePolicy(yamlText: string): Policy {
  let document: unknown;
  try {
    document = parseYaml(yamlText);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      const where = at ? `(yaml line ${at.line}, column ${at.col})` : '(yaml)';
      throw new PolicyError([{ path: where, message: error.message.split('\n')[0] ?? '' }]);
    }
    throw error;
  }
  if (document === null || document === undefined) {
    throw new PolicyError([{ path: '(root)', message: 'The policy document is empty' }]);
  }
  return validatePolicy(document);
}
