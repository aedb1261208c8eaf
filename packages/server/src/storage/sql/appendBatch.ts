import { randomUUID } from 'node:crypto';
import { ConversationNotFoundError, type NewMessage, type Store } from '../types';
import { toMessage, type Row } from './rows';
import type { SqlContext } from './context';

type Appended = Awaited<ReturnType<Store['appendMessage']>>;

/**
 * Group commit for the plain message write (no guard, not the button, outside a transaction):
 * messages that arrive while earlier writes are in flight are stored together, one statement and
 * one commit for many conversations, instead of one each. Nothing waits for a batch to fill: a
 * message that finds no write in flight goes at once (or, with `defer`, after the messages read
 * in the same turn of the event loop), so a quiet server adds no delay, and under load the
 * batches grow by themselves. Each message is still acknowledged only after the
 * commit that stored it.
 *
 * One message per conversation in a batch, in arrival order, and never a conversation already
 * in flight: a conversation's messages are written one after another, so seq keeps their order.
 * A batch that fails as a whole (a retried client id committed concurrently, a deadlock with a
 * writer that locks in another order) is written again message by message, each with its own
 * outcome.
 */
export function createAppendBatcher(options: {
  /** Writes one message (the statement a batch of one uses). */
  single: (input: NewMessage) => Promise<Appended>;
  /** Writes many messages of distinct conversations in one statement. */
  many: (inputs: NewMessage[]) => Promise<(Appended | ConversationNotFoundError)[]>;
  /** Batches written at once (connections given to message writes). */
  maxInFlight: number;
  /** Most messages in one statement. */
  maxBatch: number;
  /**
   * Start a batch one turn of the event loop later rather than at once. For a database that
   * runs SQL on this thread (PGlite): it finishes a write before the next message is even read,
   * so nothing would ever be waiting to join a batch.
   */
  defer?: boolean;
}) {
  interface Waiting {
    input: NewMessage;
    resolve: (result: Appended) => void;
    reject: (error: unknown) => void;
  }
  const waiting: Waiting[] = [];
  const busy = new Set<string>();
  let inFlight = 0;
  const stats = { statements: 0, messages: 0 };

  function take(): Waiting[] {
    const batch: Waiting[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < waiting.length && batch.length < options.maxBatch;) {
      const id = waiting[i]!.input.conversationId;
      // Later messages of a conversation wait behind its earlier ones.
      if (busy.has(id) || seen.has(id)) {
        seen.add(id);
        i++;
        continue;
      }
      seen.add(id);
      batch.push(waiting.splice(i, 1)[0]!);
    }
    return batch;
  }

  async function write(batch: Waiting[]): Promise<void> {
    stats.statements++;
    stats.messages += batch.length;
    if (batch.length === 1) {
      const [one] = batch;
      await options.single(one!.input).then(one!.resolve, one!.reject);
      return;
    }
    let results: (Appended | ConversationNotFoundError)[];
    try {
      results = await options.many(batch.map((w) => w.input));
    } catch {
      // Written again one by one: each message gets its own result or error.
      await Promise.all(batch.map((w) => options.single(w.input).then(w.resolve, w.reject)));
      return;
    }
    batch.forEach((w, i) => {
      const result = results[i]!;
      if (result instanceof Error) w.reject(result);
      else w.resolve(result);
    });
  }

  let scheduled = false;
  function schedule(): void {
    if (!options.defer) return pump();
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  }

  function pump(): void {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const batch = take();
      if (batch.length === 0) return;
      inFlight++;
      for (const w of batch) busy.add(w.input.conversationId);
      void write(batch).finally(() => {
        inFlight--;
        for (const w of batch) busy.delete(w.input.conversationId);
        schedule();
      });
    }
  }

  return {
    append(input: NewMessage): Promise<Appended> {
      return new Promise<Appended>((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        schedule();
      });
    },
    /** Statements and messages written so far (for tests and benchmarks). */
    stats: () => ({ ...stats }),
  };
}

/**
 * The plain write of many messages, each to a different conversation, as one statement: the
 * same steps as the single write (row lock, retry check, next seq with a reopened episode, the
 * message and its turn) over arrays. Results come back in input order; a conversation that does
 * not exist gets a `ConversationNotFoundError` in its place.
 */
export function appendMany(
  { q }: SqlContext,
  reopening: (condition: string) => string,
): (inputs: NewMessage[]) => Promise<(Appended | ConversationNotFoundError)[]> {
  return async (inputs) => {
    const column = <T>(pick: (input: NewMessage) => T) => inputs.map(pick);
    const rows: Row[] = await q(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
           $6::text[], $7::timestamptz[], $8::text[], $9::boolean[], $10::boolean[], $11::text[],
           $12::boolean[], $13::boolean[], $14::int[])
         AS i(id, conversation_id, role, text, author_name, client_id, created_at, reply_to,
           reopen, unless_human, kind, priority, has_turn, ord)),
       locked AS (
         SELECT id, state, lane FROM conversations
         WHERE id IN (SELECT conversation_id FROM input) ORDER BY id FOR UPDATE),
       earlier AS (
         SELECT m.*, i.ord AS input_ord FROM input i
         JOIN locked l ON l.id = i.conversation_id
         JOIN messages m ON m.conversation_id = i.conversation_id AND m.role = i.role
           AND m.client_id = i.client_id
         WHERE i.client_id IS NOT NULL),
       flags AS (
         SELECT l.id, i.ord, (i.reopen AND l.state = 'resolved') AS reopened,
           (i.unless_human AND l.lane = 'human' AND l.state IN ('queued', 'assigned')) AS human
         FROM input i JOIN locked l ON l.id = i.conversation_id
         WHERE NOT EXISTS (SELECT 1 FROM earlier e WHERE e.input_ord = i.ord)),
       c AS (
         UPDATE conversations SET last_seq = last_seq + 1,
           ${reopening('f.reopened')}
         FROM flags f WHERE conversations.id = f.id
         RETURNING conversations.id, conversations.last_seq, f.reopened, f.human, f.ord),
       m AS (
         INSERT INTO messages (id, conversation_id, seq, role, text, author_name, client_id,
           created_at, reply_to)
         SELECT i.id, i.conversation_id, c.last_seq, i.role, i.text, i.author_name, i.client_id,
           i.created_at, i.reply_to
         FROM c JOIN input i ON i.ord = c.ord RETURNING *),
       t AS (
         INSERT INTO turns (message_id, conversation_id, seq, kind, priority, created_at,
           status, act, done_at)
         SELECT m.id, m.conversation_id, m.seq, i.kind, i.priority, clock_timestamp(),
           CASE WHEN c.human THEN 'done' ELSE 'pending' END,
           CASE WHEN c.human THEN 'silent' END,
           CASE WHEN c.human THEN clock_timestamp() END
         FROM m JOIN c ON c.id = m.conversation_id JOIN input i ON i.ord = c.ord
         WHERE i.has_turn)
       SELECT m.*, c.ord AS input_ord, false AS duplicate, c.reopened, c.human
       FROM m JOIN c ON c.id = m.conversation_id
       UNION ALL SELECT earlier.*, true, false, false FROM earlier`,
      [
        column(() => randomUUID()),
        column((i) => i.conversationId),
        column((i) => i.role),
        column((i) => i.text),
        column((i) => i.authorName ?? null),
        column((i) => i.clientId ?? null),
        column((i) => i.now),
        column((i) => i.replyTo ?? null),
        column((i) => i.reopenIfResolved === true),
        column((i) => i.turn?.unlessHuman === true),
        column((i) => i.turn?.kind ?? 'text'),
        column((i) => i.turn?.priority ?? false),
        column((i) => i.turn !== undefined),
        inputs.map((_, k) => k),
      ],
    );
    const byOrd = new Map(rows.map((row) => [Number(row.input_ord), row]));
    return inputs.map((input, k) => {
      const row = byOrd.get(k);
      return row ? appended(row, input) : new ConversationNotFoundError(input.conversationId);
    });
  };
}

/** What a message write returns, from the row the write statement gave back for it. */
export function appended(row: Row, input: NewMessage): Appended {
  if (row.duplicate === true) return { message: toMessage(row), duplicate: true };
  return {
    message: toMessage(row),
    duplicate: false,
    reopened: row.reopened === true,
    turn: input.turn !== undefined && row.human !== true,
  };
}
