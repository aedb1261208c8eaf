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
];

export async function migrate(db: SqlDatabase): Promise<number[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
  );
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
