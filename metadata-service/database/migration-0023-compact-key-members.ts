import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { rebuildKeyMembers } from '../repositories/key-member-fill';

/**
 * Issue 16: member lists move from 4 bytes a photo number to varint gaps in segments (repositories/key-members.ts
 * says why): every list is rewritten from the stored photos. Undone by rewriting them the old way is not possible
 * from here (that writer is gone), so `down` removes them and searches count from the index until the lists are
 * rebuilt.
 */
export const compactKeyMembersMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      // As in migration 0021: fire migration 0018's pending deferred triggers, and rewrite a large library's lists
      // (minutes at a million photos) without the statement timeout that guards requests.
      await sql`set constraints all immediate`.execute(db);
      await sql`set local statement_timeout = 0`.execute(db);
    }
    // Every old list goes, even one whose row no photo fills (none should exist): an old list read as the new
    // format would be wrong numbers, an empty one is no numbers.
    await sql`update search_key_months set members = ${Buffer.alloc(0)} where members is not null`.execute(
      db,
    );
    await rebuildKeyMembers(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`update search_key_months set members = null`.execute(db);
  },
};
