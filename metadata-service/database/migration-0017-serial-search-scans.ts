import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

const SEARCH_TABLES = ['photos', 'photo_labels', 'photo_people', 'photo_albums'] as const;

/**
 * Issue 16 (every search within 20 ms at a million photos): PostgreSQL planned a combination's page of 50 (videos
 * with a label) as a parallel merge of two index-only scans, and starting the two workers cost 100 ms on a busy
 * 2-core server for a page the same plan without workers returns in 1.1 ms (EXPLAIN ANALYZE side by side); a
 * count over 140,000 label rows was no faster with workers either (183-260 ms vs 68-103 ms). A search is many small
 * reads from many clients on a few cores, so the search tables are read without parallel workers
 * (`parallel_workers = 0`, a per-table storage parameter; the server's settings stay as they are). SQLite has no
 * parallel query: nothing to do there.
 */
export const serialSearchScansMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
    for (const table of SEARCH_TABLES) {
      await sql`alter table ${sql.table(table)} set (parallel_workers = 0)`.execute(db);
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
    for (const table of SEARCH_TABLES) {
      await sql`alter table ${sql.table(table)} reset (parallel_workers)`.execute(db);
    }
  },
};
