import { sql, type Kysely } from 'kysely';

/**
 * Rejects unless the database accepts a write right now: a read-only file or mount (SQLITE_READONLY), a write lock
 * held elsewhere (SQLITE_BUSY after the busy timeout), a PostgreSQL standby or read-only transaction. The update
 * matches no row, so it changes nothing, yet both engines refuse it before looking for rows: SQLite takes the write
 * lock, PostgreSQL checks the transaction's read-only state at executor start. Nothing is cached, so a repaired
 * fault reads as ready on the next probe.
 */
export async function assertDatabaseTakesWrites<Schema>(
  db: Kysely<Schema>,
  migrationTable: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`update ${sql.table(migrationTable)} set name = name where 1 = 0`.execute(trx);
  });
}
