/**
 * True when a write lost a race with another instance and may simply be retried after reading again:
 * a duplicate key (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_PRIMARYKEY/UNIQUE), a serialization failure
 * (PostgreSQL 40001), or SQLite's write lock staying taken past busy_timeout (SQLITE_BUSY*).
 */
export function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    code === '23505' ||
    code === '40001' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code.startsWith('SQLITE_BUSY')
  );
}
