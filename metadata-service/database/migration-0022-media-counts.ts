import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { rebuildMembersOf } from '../repositories/key-member-fill';
import { rebuildMediaCounts } from '../repositories/key-month-counts';

/**
 * Issue 16: "videos of the dog" intersected the covering (owner, media kind) index with the label's, reading every
 * video and every photo of the label for its count (SQLite p95 60-143 ms, PostgreSQL 78-257 ms at a million). Photos
 * are now counted, with member lists, under their media kind too (kind 'media', keyed 'photo' or 'video'), so a
 * media kind takes part in intersections like a label.
 */
export const mediaCountsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`set constraints all immediate`.execute(db);
      await sql`set local statement_timeout = 0`.execute(db);
    }
    await rebuildMediaCounts(db);
    await rebuildMembersOf(db, 'media');
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`delete from search_key_months where kind = 'media'`.execute(db);
  },
};
