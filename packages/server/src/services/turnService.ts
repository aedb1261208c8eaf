import type { ContactFact } from '@baton/escalation';
import {
  assistantFailureReason,
  type Assistant,
  type AssistantInput,
  type AssistantProposal,
} from '../assistant';
import type { EarlierContact, Store, TurnJob, Visitor } from '../storage';
import type { Clock } from './clock';
import type { Metrics } from './metrics';
import type { PolicyHolder } from './policyHolder';
import type { QueueService } from './queueService';
import { withAttachmentNames } from './attachmentService';
import { buildContacts, contactsInWindow } from './contactTopics';
import { createTurnCommit, type Committed, type Prepared } from './turnCommit';

export { TurnRetryError } from './turnCommit';

export interface TurnServiceDeps {
  store: Store;
  assistant: Assistant;
  policy: PolicyHolder;
  queues: QueueService;
  clock: Clock;
  /** Policy / knowledge references per intent, shown to the agent in the packet. */
  referencesFor: (intent: string | null) => string[];
  log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  /** How long a turn waits for the assistant before going on without it. */
  assistantTimeoutMs?: number;
  metrics?: Pick<Metrics, 'turn' | 'escalation' | 'turnTook'>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How many earlier messages an assistant is shown. */
const ASSISTANT_HISTORY = 20;

/** A request for a person asks the assistant only for the topic, and not for long. */
const PRIORITY_ASSISTANT_MS = 300;

/** After this many starts (crashes included) the assistant is skipped: a person takes the turn. */
export const MAX_ASSISTANT_ATTEMPTS = 3;

/**
 * One customer turn as a durable job: signals → assistant proposal → engine decision → act.
 * The slow part (assistant, contact history) runs here without locks; then `turnCommit` applies
 * the rest in ONE transaction under the conversation's row lock. Events are published after commit
 * from the outbox, so what clients see is what was stored. The server, not the wording,
 * enforces the lane: assisted replies are held, a pending action waits for a person, and in the
 * human lane nothing the assistant produces reaches the customer.
 */
export function createTurnService(deps: TurnServiceDeps) {
  const { store, assistant, clock } = deps;
  const { commit, giveUp } = createTurnCommit(deps);

  /**
   * The assistant may fail or hang (a remote LLM); the turn goes on without it. `onFailure`
   * hears why, so the packet can tell the agent.
   */
  async function proposeSafely(
    input: AssistantInput,
    timeoutMs = deps.assistantTimeoutMs ?? 5_000,
    onFailure?: (reason: string) => void,
  ): Promise<AssistantProposal | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    try {
      const result = await Promise.race([assistant.propose(input), timeout]);
      if (result === null) {
        deps.log.warn({ assistant: assistant.name, timeoutMs }, 'assistant timed out');
        onFailure?.(`no answer within ${timeoutMs} ms`);
      }
      return result;
    } catch (err) {
      deps.log.error({ err, assistant: assistant.name }, 'assistant failed');
      onFailure?.(assistantFailureReason(err));
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  async function prepare(job: TurnJob): Promise<Prepared | null> {
    // A recent window, not the whole transcript: a turn's cost must not grow with the
    // conversation (the LLM prompt keeps the last 10 messages; the NLU reads none).
    // A request for a person goes to a person whatever came before: its earlier contacts are not
    // read, nor classified (the assistant may be slow) for repeat_contact.
    const now = clock();
    const windowDays = deps.policy.current().repeatContact.windowDays;
    const found = await store.getMessageInContext(
      job.messageId,
      ASSISTANT_HISTORY,
      job.priority ? undefined : new Date(now.getTime() - windowDays * DAY_MS),
    );
    if (!found) return null;
    const { conversation, message, visitor } = found;
    const text = job.kind === 'text' ? message.text : null;
    const ask = text !== null && conversation.lane !== 'human';
    const history = ask ? found.recent : [];
    let assistantFailure: string | undefined;
    const proposal =
      !ask || job.attempts > MAX_ASSISTANT_ATTEMPTS
        ? null
        : await proposeSafely(
            {
              text,
              context: visitor?.context ?? {},
              history: history.map((m) => ({ role: m.role, text: withAttachmentNames(m) })),
            },
            // A request for a person never waits long on the assistant: it only names the topic.
            // Missing that short deadline is by design, not a failure worth reporting to agents.
            job.priority ? PRIORITY_ASSISTANT_MS : undefined,
            (reason) => {
              if (!job.priority) assistantFailure = reason;
            },
          );
    const contacts =
      conversation.lane === 'human' || !found.contacts
        ? undefined
        : await contactsOf(visitor, found.contacts, now, windowDays);
    return {
      message,
      visitor,
      laneSeen: conversation.lane,
      proposal,
      contacts,
      ...(assistantFailure !== undefined && { assistantFailure }),
    };
  }

  /**
   * Runs one pending turn; null when there was nothing to do (already done by another worker, or
   * the conversation is gone). `leaseOwner` holds the conversation's turn lease: the commit lets
   * go of it when no other turn is pending, saving the runner a round of lease queries.
   */
  async function run(job: TurnJob, leaseOwner?: string): Promise<Committed | null> {
    const started = Date.now();
    const prepared = await prepare(job);
    if (!prepared) return null;
    const committed = await store.transaction((tx) => commit(tx, job, prepared, leaseOwner));
    if (committed) deps.metrics?.turnTook(Date.now() - started);
    return committed;
  }

  /**
   * Earlier contacts of this customer for repeat_contact: those the storefront passed (topic
   * read by the assistant) and Baton's own earlier conversations with the same visitor or the
   * same identified customer (`history`, read with the turn's message).
   */
  async function contactsOf(
    visitor: Visitor | null,
    history: EarlierContact[],
    now: Date,
    windowDays: number,
  ): Promise<ContactFact[]> {
    return buildContacts({
      storefront: contactsInWindow(visitor?.context.recentContacts ?? [], windowDays),
      history,
      now,
      classify: async (text) => {
        const proposal = await proposeSafely({ text, context: {}, history: [] });
        return { intent: proposal?.intent?.name ?? null, domain: proposal?.intent?.domain ?? null };
      },
    });
  }

  /** Closes a turn that keeps failing and hands its conversation to a person. */
  async function abandon(
    job: TurnJob,
    reason: string,
    leaseOwner?: string,
  ): Promise<Committed | null> {
    return store.transaction((tx) => giveUp(tx, job, reason, leaseOwner));
  }

  return { run, abandon };
}
export type TurnService = ReturnType<typeof createTurnService>;
