import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue 16: an intersection's span and its pages by number read photos by (owner, number) for their capture time
 * and id only; on PostgreSQL each was a random photo row, most of a cold two-label search at a million photos
 * (bench/library-bench.ts). The unique (owner_id, photo_number) index now carries both (INCLUDE), so those reads are
 * index-only scans of neighbouring entries. Same number of indexes to maintain on ingest: it replaces migration
 * 0021's. SQLite has no INCLUDE, and its rows sit next to their rowid there: unchanged.
 */
export const photoNumberCoveringMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
    await sql`set constraints all immediate`.execute(db);
    await sql`set local statement_timeout = 0`.execute(db);
    await sql`create unique index photos_owner_number_covering on photos (owner_id, photo_number)
      include (taken_local, id)`.execute(db);
    await sql`drop index photos_owner_number_unique`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
    await sql`create unique index photos_owner_number_unique on photos (owner_id, photo_number)`.execute(db);
    await sql`drop index photos_owner_number_covering`.execute(db);
  },
};
