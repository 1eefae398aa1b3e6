import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Logger } from './logger';

/**
 * Opens `count` connections of a PostgreSQL pool now, all at once (a server's kept ones: DatabaseOptions
 * .keptConnections), and has each read the catalog entries of every table in its schema (a `limit 0` select plans
 * against the table and its indexes), so the first searches after a start meet open connections that know the tables
 * instead of paying for both while a person waits (figures in database.ts). SQLite has no connections to open:
 * nothing happens. A connection that fails is the caller's error; the others are released either way.
 */
export async function openKeptConnections<Schema>(db: Kysely<Schema>, count: number): Promise<void> {
  if (count < 1 || !(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(
    db,
  );
  // Each connection is held until every one has been taken (or failed to be): released early, the pool would hand
  // the same connection to the next warm-up and leave the rest unopened.
  let accounted = 0;
  let releaseAll = (): void => undefined;
  const allTaken = new Promise<void>((resolve) => (releaseAll = resolve));
  const account = (): void => {
    accounted += 1;
    if (accounted === count) releaseAll();
  };
  const warmed = Array.from({ length: count }, async () => {
    let taken = false;
    try {
      await db.connection().execute(async (connection) => {
        taken = true;
        account();
        try {
          for (const { name } of rows)
            await sql`select * from ${sql.table(name)} limit 0`.execute(connection);
        } finally {
          await allTaken;
        }
      });
    } catch (error) {
      if (!taken) account();
      throw error;
    }
  });
  const settled = await Promise.allSettled(warmed);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Opens a server's kept database connections without waiting (common/database-warm-up.ts); a failure is only
 * logged: the first search then opens its connections itself.
 */
export function warmUpConnectionsInBackground(warmUp: () => Promise<void>, logger: Logger): void {
  const started = performance.now();
  warmUp().then(
    () => logger.info('database connections open', { ms: Math.round(performance.now() - started) }),
    (error: unknown) =>
      logger.warn('could not open the database connections ahead; the first search opens them', { error }),
  );
}
