import type { SqlDatabase } from './sql';

/** Append-only list; each entry runs once, in order, inside a transaction. */
export const MIGRATIONS: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'initial',
    sql: `
CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  site_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  allowed_origins TEXT[] NOT NULL DEFAULT '{}'
);
CREATE TABLE visitors (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  token_hash TEXT NOT NULL UNIQUE,
  external_id TEXT,
  verified_id TEXT,
  name TEXT,
  email TEXT,
  context JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  queues TEXT[] NOT NULL DEFAULT '{}',
  capacity INTEGER NOT NULL DEFAULT 3
);
CREATE TABLE agent_sessions (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id),
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE agent_presence (
  agent_id TEXT PRIMARY KEY REFERENCES agents(id),
  status TEXT NOT NULL DEFAULT 'online',
  connections INTEGER NOT NULL DEFAULT 0,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  state TEXT NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0,
  lane TEXT NOT NULL DEFAULT 'autonomous',
  unit TEXT,
  tier INTEGER NOT NULL DEFAULT 1,
  queue TEXT,
  assigned_agent_id TEXT REFERENCES agents(id),
  enqueued_at TIMESTAMPTZ,
  sla_deadline TIMESTAMPTZ,
  claimed_at TIMESTAMPTZ,
  resolved_at TIMESTAMPTZ,
  email_left TEXT,
  packet JSONB,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX conversations_visitor ON conversations (visitor_id, created_at);
CREATE INDEX conversations_queue ON conversations (queue, state, sla_deadline);
CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  text TEXT NOT NULL,
  author_name TEXT,
  client_id TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (conversation_id, seq),
  UNIQUE (conversation_id, role, client_id)
);
CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  message_id TEXT,
  turn INTEGER NOT NULL,
  lane TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  mode TEXT NOT NULL,
  decision JSONB NOT NULL,
  shadow JSONB,
  facts JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX decisions_conversation ON decisions (conversation_id, turn);
CREATE TABLE claims (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  queue TEXT NOT NULL,
  agent_id TEXT NOT NULL REFERENCES agents(id),
  enqueued_at TIMESTAMPTZ NOT NULL,
  claimed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX claims_queue ON claims (queue, claimed_at);
CREATE TABLE held_drafts (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  message_id TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  reviewed_by TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  reviewed_at TIMESTAMPTZ
);
CREATE INDEX held_drafts_conversation ON held_drafts (conversation_id, created_at);
CREATE TABLE pending_actions (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  action TEXT NOT NULL,
  intent TEXT,
  amount NUMERIC,
  currency TEXT,
  reasons JSONB NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  decided_by TEXT,
  note TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  decided_at TIMESTAMPTZ
);
CREATE INDEX pending_actions_conversation ON pending_actions (conversation_id, created_at);
CREATE TABLE policy_versions (
  id TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  mode TEXT NOT NULL,
  source TEXT NOT NULL,
  yaml TEXT NOT NULL,
  loaded_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE outcomes (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  agent_id TEXT NOT NULL REFERENCES agents(id),
  escalation TEXT NOT NULL,
  root_cause TEXT NOT NULL,
  packet_usefulness INTEGER NOT NULL,
  note TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
`,
  },
  {
    id: 2,
    name: 'durable_turns',
    sql: `
-- A customer turn is a durable job stored with its message; any node may run it.
ALTER TABLE conversations ADD COLUMN episode INTEGER NOT NULL DEFAULT 1;
ALTER TABLE conversations ADD COLUMN turn_owner TEXT;
ALTER TABLE conversations ADD COLUMN turn_lease_until TIMESTAMPTZ;
ALTER TABLE messages ADD COLUMN reply_to TEXT;
CREATE UNIQUE INDEX messages_reply_to ON messages (reply_to) WHERE reply_to IS NOT NULL;
ALTER TABLE decisions ADD COLUMN episode INTEGER NOT NULL DEFAULT 1;
-- Two nodes could decide one message twice before; keep the first decision of each.
DELETE FROM decisions d USING decisions e
  WHERE d.message_id = e.message_id AND (d.created_at, d.id) > (e.created_at, e.id);
CREATE UNIQUE INDEX decisions_message ON decisions (message_id) WHERE message_id IS NOT NULL;
CREATE TABLE turns (
  message_id TEXT PRIMARY KEY REFERENCES messages(id),
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  priority BOOLEAN NOT NULL DEFAULT false,
  status TEXT NOT NULL DEFAULT 'pending',
  act TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL,
  done_at TIMESTAMPTZ
);
CREATE INDEX turns_pending ON turns (conversation_id, seq) WHERE status = 'pending';
CREATE TABLE outbox (
  id BIGSERIAL PRIMARY KEY,
  event JSONB NOT NULL,
  taken_until TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX outcomes_conversation ON outcomes (conversation_id);
`,
  },
  {
    id: 3,
    name: 'agent_connections',
    sql: `
-- Presence is the set of live agent connections, each kept alive by its node's heartbeat:
-- a crashed node's connections expire on their own.
CREATE TABLE agent_connections (
  socket_id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id),
  node_id TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX agent_connections_agent ON agent_connections (agent_id, expires_at);
CREATE INDEX agent_connections_node ON agent_connections (node_id);
-- The old per-node connection counter: a crashed node's count never came down.
ALTER TABLE agent_presence DROP COLUMN connections;
`,
  },
  {
    id: 4,
    name: 'policy_state',
    sql: `
-- The one policy state every node follows. It names policy_versions rows (never changed once
-- written): the enforce history oldest first (the last acts, the others are rollback targets),
-- the shadow policy acting while no enforce one was ever loaded, the candidate. Every change
-- locks this row and bumps epoch, which nodes poll. epoch 0: no node has initialised it.
CREATE TABLE policy_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  epoch BIGINT NOT NULL DEFAULT 0,
  enforced TEXT[] NOT NULL DEFAULT '{}',
  provisional TEXT REFERENCES policy_versions(id),
  candidate TEXT REFERENCES policy_versions(id),
  file_sha256 TEXT,
  updated_at TIMESTAMPTZ
);
INSERT INTO policy_state (id) VALUES (1);
`,
  },
  {
    id: 5,
    name: 'agent_load_index',
    sql: `
-- An agent's open conversations: counted on every claim (capacity) and listed on connect.
CREATE INDEX conversations_agent ON conversations (assigned_agent_id, state)
  WHERE assigned_agent_id IS NOT NULL;
`,
  },
  {
    id: 6,
    name: 'visitor_customer_index',
    sql: `
-- An identified customer's visitors (every browser they chatted from): read on every turn for
-- repeat_contact, which must not scan all visitors as the table grows.
CREATE INDEX visitors_customer ON visitors (site_id, external_id) WHERE external_id IS NOT NULL;
`,
  },
  {
    id: 7,
    name: 'sla_timers',
    sql: `
-- SLA timers live on the waiting conversation: every node's sweep marks a warning or a breach
-- once (a conditional update), so each alert fires once whichever node sees it first.
ALTER TABLE conversations ADD COLUMN sla_warned_at TIMESTAMPTZ;
ALTER TABLE conversations ADD COLUMN sla_breached_at TIMESTAMPTZ;
CREATE INDEX conversations_sla_waiting ON conversations (sla_deadline) WHERE state = 'queued';
-- Every SLA miss, kept for the scorecard (SLA attainment) whatever happens to the conversation.
CREATE TABLE sla_breaches (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  episode INTEGER NOT NULL,
  queue TEXT NOT NULL,
  fallback_queue TEXT,
  tier INTEGER NOT NULL,
  enqueued_at TIMESTAMPTZ,
  sla_deadline TIMESTAMPTZ NOT NULL,
  breached_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (conversation_id, episode, sla_deadline)
);
CREATE INDEX sla_breaches_at ON sla_breaches (breached_at);
`,
  },
  {
    id: 8,
    name: 'emails',
    sql: `
-- Emails to customers, sent by any node's worker: kept until sent, retried with backoff while
-- SMTP is down, marked failed after the last attempt. One per chat message emailed.
CREATE TABLE emails (
  id BIGSERIAL PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  message_id TEXT UNIQUE,
  kind TEXT NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  last_error TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  sent_at TIMESTAMPTZ
);
CREATE INDEX emails_due ON emails (next_attempt_at) WHERE status = 'pending';
CREATE INDEX emails_conversation ON emails (conversation_id, id);
`,
  },
  {
    id: 9,
    name: 'routing_offers',
    sql: `
-- Push routing: what an agent speaks and handles, and the offers made to them. At most one offer
-- per conversation is pending; an agent's pending offers count against their capacity.
ALTER TABLE agents ADD COLUMN languages TEXT[];
ALTER TABLE agents ADD COLUMN skills TEXT[];
CREATE TABLE offers (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  episode INTEGER NOT NULL,
  queue TEXT NOT NULL,
  agent_id TEXT NOT NULL REFERENCES agents(id),
  status TEXT NOT NULL DEFAULT 'pending',
  -- The customer's language as detected when the offer was made (shown to the agent).
  language TEXT,
  offered_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  answered_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX offers_one_pending ON offers (conversation_id) WHERE status = 'pending';
CREATE INDEX offers_pending_due ON offers (expires_at) WHERE status = 'pending';
CREATE INDEX offers_agent ON offers (agent_id, offered_at);
CREATE INDEX offers_conversation ON offers (conversation_id, episode);
`,
  },
  {
    id: 10,
    name: 'scorecard',
    sql: `
-- The first wait estimate a waiting customer was shown, once per queued stay (a conversation's
-- episode and the time it was queued); the first node to show one records it, the rest find it
-- stored (ON CONFLICT DO NOTHING). The scorecard compares it with the measured wait (claims).
CREATE TABLE wait_estimates (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  episode INTEGER NOT NULL,
  enqueued_at TIMESTAMPTZ NOT NULL,
  queue TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  basis TEXT NOT NULL,
  shown_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (conversation_id, episode, enqueued_at)
);
-- The customer's rating of an episode (csat:submit): one per episode, a later one replaces it.
CREATE TABLE csat_ratings (
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  episode INTEGER NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (conversation_id, episode)
);
-- Conversations the assistant handled alone, drawn for an agent to audit (high-risk miss
-- review). One row per conversation: drawing again (any node, any time) adds nothing twice.
CREATE TABLE audit_samples (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
  queue TEXT NOT NULL,
  share DOUBLE PRECISION NOT NULL,
  drawn_at TIMESTAMPTZ NOT NULL,
  verdict TEXT CHECK (verdict IN ('ok', 'missed')),
  note TEXT,
  audited_by TEXT,
  audited_at TIMESTAMPTZ
);
CREATE INDEX audit_samples_pending ON audit_samples (queue, drawn_at) WHERE verdict IS NULL;
-- A claimed conversation handed to another queue or agent. Nothing writes it yet (the transfer
-- feature will); the scorecard's specialist bounce rate reads it.
CREATE TABLE transfers (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  from_queue TEXT NOT NULL,
  to_queue TEXT NOT NULL,
  from_agent_id TEXT REFERENCES agents(id),
  to_agent_id TEXT REFERENCES agents(id),
  note TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX transfers_conversation ON transfers (conversation_id, created_at);
-- The scorecard reads conversations by when they started, and claims by conversation.
CREATE INDEX conversations_created ON conversations (created_at);
CREATE INDEX claims_conversation ON claims (conversation_id, claimed_at);
`,
  },
  {
    id: 11,
    name: 'resume_links',
    sql: `
-- A reply emailed to a customer carries a link that carries the chat on in any browser while it
-- is valid. Only the hash of its token is kept.
CREATE TABLE resume_links (
  token_hash TEXT PRIMARY KEY,
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
-- Further browsers of one visitor (a resume link opened elsewhere): each has its own token.
CREATE TABLE visitor_tokens (
  token_hash TEXT PRIMARY KEY,
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  created_at TIMESTAMPTZ NOT NULL
);
`,
  },
  {
    id: 12,
    name: 'attachments',
    sql: `
-- Files customers and agents attach (images, PDFs): who uploaded what to which conversation, and
-- the message that sent it (NULL until sent; a message sends an attachment once). The bytes are
-- in attachment_blobs (storage 'db') or in the configured directory as <id> (storage 'disk').
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  uploader_role TEXT NOT NULL CHECK (uploader_role IN ('customer', 'agent')),
  uploader_id TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  storage TEXT NOT NULL CHECK (storage IN ('db', 'disk')),
  message_id TEXT REFERENCES messages(id),
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX attachments_conversation ON attachments (conversation_id, created_at);
CREATE TABLE attachment_blobs (
  attachment_id TEXT PRIMARY KEY REFERENCES attachments(id),
  data BYTEA NOT NULL
);
-- What a message carries ([{id, name, mime, size}]), read with the message itself.
ALTER TABLE messages ADD COLUMN attachments JSONB;
`,
  },
  {
    id: 13,
    name: 'message_notices',
    sql: `
-- A system message's meaning as a code plus parameters ({"code": ..., "params": {...}}), so each
-- client words it in its reader's language; \`text\` keeps the English.
ALTER TABLE messages ADD COLUMN notice JSONB;
`,
  },
];

export async function migrate(db: SqlDatabase): Promise<number[]> {
  // IF NOT EXISTS is not safe against a concurrent CREATE (duplicate pg_type row): nodes
  // starting together take the migration lock for it too.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727274)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
  });
  const ran: number[] = [];
  for (const m of MIGRATIONS) {
    await db.transaction(async (tx) => {
      // Several nodes may start at once against one PostgreSQL: serialise and re-check.
      await tx.query('SELECT pg_advisory_xact_lock(727274)');
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [m.id]);
      if (done.length > 0) return;
      for (const statement of m.sql
        .split(/;\s*\n/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      ran.push(m.id);
    });
  }
  return ran;
}
