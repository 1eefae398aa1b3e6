import type { Kysely, Migration } from 'kysely';
import { migrateToLatest } from '../../common/database';
import type { Logger } from '../../common/logger';

/*
 * Versioned, append-only schema changes. Never edit a migration that has shipped: add the next one.
 * Column types are the portable subset SQLite and PostgreSQL share (text, integer, double precision).
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_photos_labels_skips': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('photos')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('source_root', 'text', (c) => c.notNull())
        .addColumn('source_path', 'text', (c) => c.notNull())
        .addColumn('source_uri', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('orientation', 'integer', (c) => c.notNull())
        .addColumn('taken_local', 'text')
        .addColumn('taken_utc', 'text')
        .addColumn('taken_time_source', 'text', (c) => c.notNull())
        .addColumn('latitude', 'double precision')
        .addColumn('longitude', 'double precision')
        .addColumn('camera_make', 'text')
        .addColumn('camera_model', 'text')
        .addColumn('file_mtime', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('photos_owner_content_unique', ['owner_id', 'content_hash'])
        .execute();
      await db.schema
        .createIndex('photos_owner_taken_idx')
        .on('photos')
        .columns(['owner_id', 'taken_local'])
        .execute();
      await db.schema
        .createIndex('photos_owner_source_idx')
        .on('photos')
        .columns(['owner_id', 'source_root', 'source_path'])
        .execute();

      await db.schema
        .createTable('photo_labels')
        .addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id').onDelete('cascade'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('photo_labels_pk', ['photo_id', 'label', 'source'])
        .execute();
      await db.schema
        .createIndex('photo_labels_label_idx')
        .on('photo_labels')
        .columns(['label', 'photo_id'])
        .execute();

      await db.schema
        .createTable('ingest_skips')
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('source_root', 'text', (c) => c.notNull())
        .addColumn('source_path', 'text', (c) => c.notNull())
        .addColumn('reason_code', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ingest_skips_pk', ['owner_id', 'source_root', 'source_path'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ingest_skips').execute();
      await db.schema.dropTable('photo_labels').execute();
      await db.schema.dropTable('photos').execute();
    },
  },
};

/** Brings the schema to the latest version. */
export async function migrateLibraryDatabase<Schema>(db: Kysely<Schema>, logger: Logger): Promise<void> {
  await migrateToLatest(db, 'library', MIGRATIONS, logger);
}
