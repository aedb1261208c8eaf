import bcrypt from 'bcrypt';
import type { Deployment } from './config/deployment';
import type { Store } from './storage';

/** Idempotent: upserts the site and agents of a deployment; existing conversations are kept. */
export async function seedDeployment(
  store: Store,
  deployment: Deployment,
  options: { resetPresence: boolean } = { resetPresence: true },
): Promise<void> {
  await store.upsertSite(deployment.site);
  for (const agent of deployment.agents) {
    const existing = await store.getAgent(agent.id);
    const keep = existing && (await bcrypt.compare(agent.password, existing.passwordHash));
    await store.upsertAgent({
      id: agent.id,
      email: agent.email,
      name: agent.name,
      passwordHash: keep ? existing.passwordHash : await bcrypt.hash(agent.password, 10),
      queues: agent.queues,
      capacity: agent.capacity,
      languages: agent.languages ?? null,
      skills: agent.skills ?? null,
    });
  }
  // Single node: sockets of a previous process are gone, so their presence must not count.
  if (options.resetPresence) await store.resetPresence();
}
