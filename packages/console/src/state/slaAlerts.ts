import type { QueueSnapshot, SlaAlert } from '@baton/shared';

/** Most alerts kept on screen; older ones drop off. */
const MAX_ALERTS = 10;

/**
 * Adds an alert, once per id (the server delivers at least once), newest first. A breach
 * replaces the same conversation's warning.
 */
export function addAlert(alerts: SlaAlert[], alert: SlaAlert): SlaAlert[] {
  if (alerts.some((a) => a.id === alert.id)) return alerts;
  const kept = alerts.filter(
    (a) => !(alert.kind === 'breach' && a.conversationId === alert.conversationId),
  );
  return [alert, ...kept].slice(0, MAX_ALERTS);
}

/** Alerts of conversations still waiting in a queue the agent sees; a claimed one is handled. */
export function stillWaiting(alerts: SlaAlert[], queues: QueueSnapshot[]): SlaAlert[] {
  const waiting = new Set(queues.flatMap((q) => q.waiting.map((w) => w.conversationId)));
  const seen = new Set(queues.map((q) => q.name));
  // An alert of a queue this agent does not see (the owner's) stays until dismissed.
  return alerts.filter((a) => !seen.has(a.queue) || waiting.has(a.conversationId));
}

/** The alert in words, for the banner and the desktop notification. */
export function describeAlert(alert: SlaAlert, nowMs: number): { title: string; body: string } {
  const left = Math.round((Date.parse(alert.slaDeadline) - nowMs) / 60_000);
  if (alert.kind === 'warning') {
    return {
      title: `${alert.queueName}: a customer is still waiting`,
      body:
        left > 0
          ? `Unclaimed, ${left} min before the reply target.`
          : 'Unclaimed, at the reply target.',
    };
  }
  const moved = alert.fromQueue !== alert.queue ? ` It moved to ${alert.queueName}.` : '';
  return {
    title: `${alert.fromQueueName}: reply target missed`,
    body: `A customer waited past the target unclaimed; the customer was told.${moved}`,
  };
}
