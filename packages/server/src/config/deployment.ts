import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ROUTING_MODES } from '@baton/shared';

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'expected HH:MM');
const day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const openingHoursSchema = z
  .object({
    timezone: z.string().min(1).refine(validTimeZone, 'unknown IANA time zone'),
    days: z.array(day).min(1),
    open: hhmm,
    close: hhmm,
  })
  // Overnight hours are not modelled: they would read as "closed" all the time.
  .refine((h) => h.open < h.close && h.open !== '24:00' && h.close <= '24:00', {
    message: 'open must be before close, within one day (00:00–24:00)',
    path: ['close'],
  });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const queueConfigSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  displayName: z.string().min(1),
  /** The accountable person: an agent's name, email or id (alerted when an SLA lapses). */
  owner: z.string().min(1),
  hours: openingHoursSchema,
  /** Share of the SLA after which a still-unclaimed conversation alerts the queue's agents. */
  slaAlertAt: z.number().gt(0).lt(1).default(0.5),
  /** Where a conversation goes when its SLA lapses unclaimed (another queue's name). */
  fallback: z.string().optional(),
  /**
   * `pull`: agents claim from the queue. `round_robin` / `least_busy`: each waiting conversation
   * is offered to one online agent with room (the one offered work longest ago / the one with
   * the fewest open conversations and offers), who accepts or lets it time out.
   */
  routing: z.enum(ROUTING_MODES).default('pull'),
  /** How long an offer waits for the agent's answer before it moves on (and the agent is away). */
  offerTimeoutSeconds: z.number().int().min(5).max(600).default(30),
});
export type QueueConfig = z.infer<typeof queueConfigSchema>;

/** How the widget looks and speaks on this site (`Baton('boot', {...})` overrides it per page). */
const widgetSchema = z
  .object({
    /** `#rgb` or `#rrggbb`; the text on it is chosen (white or near-black) to contrast ≥ 4.5:1. */
    brandColor: z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'expected #rgb or #rrggbb'),
    position: z.enum(['left', 'right']),
    title: z.string().min(1).max(60),
    greeting: z.string().min(1).max(300),
    launcherLabel: z.string().min(1).max(40),
    /** An https URL or a path on this server: shown beside agents' messages instead of initials. */
    avatarUrl: z
      .string()
      .max(2000)
      .regex(/^(https:\/\/|\/)/, 'expected an https URL or a path'),
    /** The default language (BCP 47, e.g. `es`); the page's `lang` and the browser's follow. */
    locale: z.string().min(2).max(35),
  })
  .partial()
  .strict();
export type WidgetSettings = z.infer<typeof widgetSchema>;

const siteSchema = z.object({
  id: z.string().min(1),
  siteKey: z.string().min(1),
  name: z.string().min(1),
  allowedOrigins: z.array(z.string()).default([]),
  /** The storefront's address, linked from emails so the customer can go back to the chat. */
  url: z.url().optional(),
  /** The sender of emails to customers (BATON_MAIL_FROM overrides it). */
  mailFrom: z.string().min(3).optional(),
  /** Secret for identity verification: the storefront sends HMAC-SHA256(secret, customer id). */
  identitySecret: z.string().min(16).optional(),
  widget: widgetSchema.default({}),
});
const agentSeedSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.email(),
  password: z.string().min(8),
  queues: z.array(z.string()).min(1),
  capacity: z.number().int().positive().default(3),
  /**
   * Languages the agent answers in (ISO 639-1, e.g. [en, es]). When set, offers of conversations
   * written in another (detected) language skip them. Absent: any language.
   */
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, 'expected a two-letter ISO 639-1 code'))
    .min(1)
    .optional(),
  /**
   * Business domains the agent handles (the knowledge base's intent domains, e.g. billing,
   * fraud, legal). When set, offers of conversations about another domain skip them. Absent: any.
   */
  skills: z.array(z.string().min(1)).min(1).optional(),
});
export type AgentSeed = z.infer<typeof agentSeedSchema>;

export interface Deployment {
  site: z.infer<typeof siteSchema>;
  queues: QueueConfig[];
  agents: AgentSeed[];
}

function load<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const result = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file}: ${detail}`);
  }
  return result.data;
}

/** Reads site.yaml, queues.yaml and agents.yaml from a directory (the demo ships one). */
export function loadDeployment(dir: string): Deployment {
  const site = load(join(dir, 'site.yaml'), siteSchema);
  const { queues } = load(
    join(dir, 'queues.yaml'),
    z.object({ queues: z.array(queueConfigSchema).min(1) }),
  );
  const { agents } = load(join(dir, 'agents.yaml'), z.object({ agents: z.array(agentSeedSchema) }));
  const names = new Set(queues.map((q) => q.name));
  for (const agent of agents) {
    for (const queue of agent.queues) {
      if (!names.has(queue))
        throw new Error(`agents.yaml: agent ${agent.id} names unknown queue "${queue}"`);
    }
  }
  for (const queue of queues) {
    if (
      queue.fallback !== undefined &&
      (!names.has(queue.fallback) || queue.fallback === queue.name)
    )
      throw new Error(
        `queues.yaml: queue ${queue.name} falls back to "${queue.fallback}", which is not another configured queue`,
      );
  }
  return { site, queues, agents };
}

/** The agent a queue's `owner` names (by id, email or name), if the owner is one of them. */
export function ownerAgent(
  owner: string,
  agents: Pick<AgentSeed, 'id' | 'email' | 'name'>[],
): string | null {
  const key = owner.trim().toLowerCase();
  const found = agents.find(
    (a) => a.id === owner || a.email.toLowerCase() === key || a.name.toLowerCase() === key,
  );
  return found?.id ?? null;
}
