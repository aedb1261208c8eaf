export type { SqlDatabase, SqlExecutor } from './sql';
export type * from './types';
export { AttachmentRefError, ConversationNotFoundError, StateConflictError } from './types';
export { openEmbeddedDatabase } from './embedded';
export { openPostgresDatabase } from './postgres';
export { migrate, MIGRATIONS } from './migrations';
export { createSqlStore } from './sqlStore';
