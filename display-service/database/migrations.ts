import type { DisplayDatabase } from './schema';
import type { Kysely, Migration } from 'kysely';
import { migrateToLatest } from '../../common/database';
import type { Logger } from '../../common/logger';

/**
 * Versioned schema changes, in code so the bundle needs no migration folder. Append only: never edit a migration
 * that has shipped. SQL stays portable between SQLite and PostgreSQL (text/integer columns, no engine extras).
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_slideshows': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('slideshows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('query_json', 'text', (c) => c.notNull())
        .addColumn('viewport_width', 'integer', (c) => c.notNull())
        .addColumn('viewport_height', 'integer', (c) => c.notNull())
        .addColumn('viewport_shape', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text')
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('span_first', 'text')
        .addColumn('span_last', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('slideshow_items')
        .addColumn('slideshow_id', 'text', (c) => c.notNull().references('slideshows.id').onDelete('cascade'))
        .addColumn('item_index', 'integer', (c) => c.notNull())
        .addColumn('photo_id', 'text', (c) => c.notNull())
        .addColumn('taken_local', 'text')
        .addPrimaryKeyConstraint('slideshow_items_pk', ['slideshow_id', 'item_index'])
        .execute();
      await db.schema.createIndex('slideshows_created_at').on('slideshows').column('created_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('slideshow_items').execute();
      await db.schema.dropTable('slideshows').execute();
    },
  },
};

/** Brings the schema up to date. */
export async function migrateDisplayDatabase(db: Kysely<DisplayDatabase>, logger: Logger): Promise<void> {
  await migrateToLatest(db, 'display', MIGRATIONS, logger);
}
