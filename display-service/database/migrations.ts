import type { DisplayDatabase } from './schema';
import { sql, type Kysely, type Migration } from 'kysely';
import { migrateToLatest } from '../../common/database';
import { frameLinkGuardMigration } from './migration-0004-frame-link-guard';
import { slideshowRetentionMigration } from './migration-0005-slideshow-retention';
import { frameProfilesMigration } from './migration-0006-frame-profiles';
import { ambientClipShareMigration } from './migration-0007-ambient-clip-share';
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
  /** Issue 4: pairs and captions per item; ambient (endless, per-device) slideshows with their shuffle bag. */
  '0002_pairs_captions_ambient': {
    async up(db: Kysely<unknown>) {
      const slideshowColumns: [string, 'text' | 'integer', string | number | null][] = [
        ['kind', 'text', 'playlist'],
        ['photo_count', 'integer', 0],
        ['position', 'integer', 0],
        ['memories', 'integer', null],
        ['time_zone', 'text', null],
      ];
      for (const [name, type, fallback] of slideshowColumns) {
        await db.schema
          .alterTable('slideshows')
          .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
          .execute();
      }
      // Slideshows made before pairs existed show one photo per item.
      await sql`update slideshows set photo_count = total`.execute(db);
      for (const [name, type] of [
        ['paired_photo_id', 'text'],
        ['caption_json', 'text'],
        ['bag_epoch', 'integer'],
        ['bag_state', 'text'],
      ] as const) {
        await db.schema.alterTable('slideshow_items').addColumn(name, type).execute();
      }
      // "Was this photo already shown in this epoch?" is asked for each photo the bag draws, on either side of a pair.
      await db.schema
        .createIndex('slideshow_items_bag_photo_idx')
        .on('slideshow_items')
        .columns(['slideshow_id', 'bag_epoch', 'photo_id'])
        .execute();
      await db.schema
        .createIndex('slideshow_items_bag_paired_idx')
        .on('slideshow_items')
        .columns(['slideshow_id', 'bag_epoch', 'paired_photo_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('slideshow_items_bag_paired_idx').execute();
      await db.schema.dropIndex('slideshow_items_bag_photo_idx').execute();
      for (const name of ['bag_state', 'bag_epoch', 'caption_json', 'paired_photo_id']) {
        await db.schema.alterTable('slideshow_items').dropColumn(name).execute();
      }
      for (const name of ['time_zone', 'memories', 'position', 'photo_count', 'kind']) {
        await db.schema.alterTable('slideshows').dropColumn(name).execute();
      }
    },
  },
  /**
   * Issue 7: web frames. A frame is known by the hash of the secret it keeps; until its owner links it, it shows a
   * short single-use code. Failed link attempts are kept (briefly) so guessing is rate-limited on every instance.
   */
  '0003_frame_pairings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('frame_pairings')
        .addColumn('frame_id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('owner_id', 'text')
        .addColumn('code', 'text')
        .addColumn('code_expires_at', 'bigint')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('linked_at', 'text')
        .execute();
      await db.schema.createIndex('frame_pairings_code_idx').on('frame_pairings').column('code').execute();
      await db.schema
        .createTable('frame_link_failures')
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('failed_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('frame_link_failures_at_idx')
        .on('frame_link_failures')
        .columns(['failed_at', 'owner_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('frame_link_failures').execute();
      await db.schema.dropTable('frame_pairings').execute();
    },
  },
  '0004_frame_link_guard': frameLinkGuardMigration,
  '0005_slideshow_retention': slideshowRetentionMigration,
  '0006_frame_profiles': frameProfilesMigration,
  '0007_ambient_clip_share': ambientClipShareMigration,
};

/** Brings the schema up to date. */
export async function migrateDisplayDatabase(db: Kysely<DisplayDatabase>, logger: Logger): Promise<void> {
  await migrateToLatest(db, 'display', MIGRATIONS, logger);
}
