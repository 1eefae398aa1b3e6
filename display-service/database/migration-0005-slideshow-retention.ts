import type { Kysely, Migration } from 'kysely';

/**
 * Issue 12: slideshows are no longer kept forever. `last_used_at` (ISO-8601 UTC, null until a device first pages
 * it) decides which expire and which an owner's cap drops first; the indexes keep both sweeps to index range scans.
 */
export const slideshowRetentionMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('slideshows').addColumn('last_used_at', 'text').execute();
    await db.schema
      .createIndex('slideshows_owner_kind_idx')
      .on('slideshows')
      .columns(['owner_id', 'kind', 'created_at'])
      .execute();
    await db.schema.createIndex('slideshows_last_used_idx').on('slideshows').column('last_used_at').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('slideshows_last_used_idx').execute();
    await db.schema.dropIndex('slideshows_owner_kind_idx').execute();
    await db.schema.alterTable('slideshows').dropColumn('last_used_at').execute();
  },
};
