import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { rebuildSearchCounts } from '../repositories/search-count-rebuild';

/**
 * Issue 16 (every search within 20 ms at a million photos): an exact count of photos under two keys read every
 * index entry of both. Photos now get per-owner numbers (photos.photo_number, photo_numbers holding each owner's
 * last), and the search_key_months rows of labels, people, albums and places the numbers of the photos they count
 * (members, see repositories/key-members.ts), built here for the library already stored.
 */
export const keyMembersMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    // Migrations run in one transaction: earlier ones' writes left migration 0018's deferred triggers pending, and
    // PostgreSQL alters no table with pending trigger events. Fire them now.
    if (postgres) await sql`set constraints all immediate`.execute(db);
    // Numbering and listing a large library's photos takes minutes (a million: every photo row rewritten, every
    // label row read): longer than the statement timeout that guards requests. Only for this transaction.
    if (postgres) await sql`set local statement_timeout = 0`.execute(db);
    const bytes = postgres ? sql`bytea` : sql`blob`;
    await db.schema.alterTable('photos').addColumn('photo_number', 'integer').execute();
    await db.schema
      .createTable('photo_numbers')
      .addColumn('owner_id', 'text', (c) => c.primaryKey())
      .addColumn('last_number', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('search_key_months').addColumn('members', bytes).execute();
    await rebuildSearchCounts(db);
    // An intersection's span reads its first and last months' photos by number (member-counts.ts).
    await db.schema
      .createIndex('photos_owner_number_unique')
      .on('photos')
      .columns(['owner_id', 'photo_number'])
      .unique()
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('photos_owner_number_unique').execute();
    await db.schema.alterTable('search_key_months').dropColumn('members').execute();
    await db.schema.dropTable('photo_numbers').execute();
    await db.schema.alterTable('photos').dropColumn('photo_number').execute();
  },
};
