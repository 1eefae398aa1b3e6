import type { Kysely, Migration } from 'kysely';

/**
 * Issue 12: frame-link guessing is counted in one row per scope (`owner:<id>`, `code:<digits>`), incremented by a
 * single upsert so concurrent guesses can never all see a count under the limit (frame_link_failures was read,
 * then written: on PostgreSQL 10,000 concurrent guesses passed a limit of 30). Linking and unlinking are audited.
 */
export const frameLinkGuardMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('frame_link_attempts')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('frame_link_audit')
      .addColumn('frame_id', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('frame_link_audit_owner_idx')
      .on('frame_link_audit')
      .columns(['owner_id', 'at'])
      .execute();
    await db.schema.dropTable('frame_link_failures').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('frame_link_failures')
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('failed_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.dropTable('frame_link_audit').execute();
    await db.schema.dropTable('frame_link_attempts').execute();
  },
};
