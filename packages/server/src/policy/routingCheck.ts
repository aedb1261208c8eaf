import type { Policy, PolicyIssue } from '@baton/escalation';

/**
 * A policy that routes to a queue nobody staffs would drop escalations. Returns one issue per
 * routing field naming an unknown queue (empty when every queue exists).
 */
export function unknownQueueIssues(policy: Policy, queueNames: Iterable<string>): PolicyIssue[] {
  const known = new Set(queueNames);
  const routes: [string, string | undefined][] = [
    ['routing.default', policy.routing.default],
    ...Object.entries(policy.routing.domains ?? {}).map(([domain, queue]): [string, string] => [
      `routing.domains.${domain}`,
      queue,
    ]),
    ...Object.entries(policy.routing.tiers ?? {}).map(
      ([tier, queue]): [string, string | undefined] => [`routing.tiers.${tier}`, queue],
    ),
  ];
  return routes
    .filter((r): r is [string, string] => typeof r[1] === 'string' && !known.has(r[1]))
    .map(([path, queue]) => ({
      path,
      message: `queue "${queue}" is not in queues.yaml (known: ${[...known].join(', ')})`,
    }));
}
