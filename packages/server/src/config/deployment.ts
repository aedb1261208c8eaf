import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'expected HH:MM');
const day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const openingHoursSchema = z.object({
  timezone: z.string().min(1),
  days: z.array(day).min(1),
  open: hhmm,
  close: hhmm,
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const queueConfigSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  displayName: z.string().min(1),
  owner: z.string().min(1),
  hours: openingHoursSchema,
});
export type QueueConfig = z.infer<typeof queueConfigSchema>;

const siteSchema = z.object({
  id: z.string().min(1),
  siteKey: z.string().min(1),
  name: z.string().min(1),
  allowedOrigins: z.array(z.string()).default([]),
});
const agentSeedSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.email(),
  password: z.string().min(8),
  queues: z.array(z.string()).min(1),
  capacity: z.number().int().positive().default(3),
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
  return { site, queues, agents };
}
