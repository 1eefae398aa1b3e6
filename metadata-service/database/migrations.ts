import { sql, type Kysely, type Migration } from 'kysely';
import { migrateToLatest } from '../../common/database';
import { shuffleKeyFor } from '../repositories/shuffle-order';
import { searchableRowsMigration } from './migration-0003-searchable-rows';
import { visionPeopleMigration } from './migration-0004-vision-people';
import { hiddenLabelsMigration } from './migration-0005-hidden-labels';
import { placeLevelsMigration } from './migration-0006-place-levels';
import { credentialsMigration } from './migration-0008-credentials';
import { sunLabelsMigration } from '../labels/sun/sun-migration';
import { provenanceMigration } from '../labels/provenance/provenance-migration';
import { faceDecisionsMigration } from '../people/face-decisions-migration';
import { motionPartsMigration } from './migration-0012-motion-parts';
import { coveringFlagIndexesMigration } from './migration-0013-covering-flag-indexes';
import { coveringPlaceIndexesMigration } from './migration-0014-covering-place-indexes';
import { pendingPerceptualHashesMigration } from './migration-0016-pending-perceptual-hashes';
import { serialSearchScansMigration } from './migration-0017-serial-search-scans';
import { placeMonthCountsMigration } from './migration-0019-place-month-counts';
import { dayCountsMigration } from './migration-0020-day-counts';
import { keyMembersMigration } from './migration-0021-key-members';
import { mediaCountsMigration } from './migration-0022-media-counts';
import { compactKeyMembersMigration } from './migration-0023-compact-key-members';
import { photoNumberCoveringMigration } from './migration-0024-photo-number-covering';
import { labelAncestorsMigration } from './migration-0025-label-ancestors';
import { captureLabelsMigration } from './migration-0026-capture-labels';
import { libraryGenerationsMigration } from './migration-0018-library-generations';
import type { Logger } from '../../common/logger';

/*
 * Versioned, append-only schema changes. Never edit a migration that has shipped: add the next one.
 * Column types are the portable subset SQLite and PostgreSQL share (text, integer, double precision).
 */
export const LIBRARY_MIGRATIONS: Record<string, Migration> = {
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
  /*
   * Issue 3: everything a search by people, places, albums, on-this-day, favourites, media kind and shuffle needs.
   * Each index names the query shape it serves; every one leads with the owner (or an owner-scoped key), so a
   * tenant's search never reads another tenant's index entries.
   */
  '0002_people_albums_places_search': {
    async up(db: Kysely<unknown>): Promise<void> {
      const photoColumns: [string, 'text' | 'integer' | 'bigint', string | number | null][] = [
        ['media_kind', 'text', 'photo'],
        ['duration_ms', 'integer', null],
        ['time_zone', 'text', null],
        ['time_zone_source', 'text', null],
        ['title', 'text', null],
        ['description', 'text', null],
        ['favorite', 'integer', 0],
        ['rating', 'integer', null],
        ['is_screenshot', 'integer', 0],
        ['perceptual_hash', 'text', null],
        ['duplicate_group_id', 'text', null],
        ['place_city', 'text', null],
        ['place_region', 'text', null],
        ['place_country', 'text', null],
        ['place_country_code', 'text', null],
        ['taken_month_day', 'text', null],
        ['shuffle_key', 'bigint', 0],
      ];
      for (const [name, type, fallback] of photoColumns) {
        await db.schema
          .alterTable('photos')
          .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
          .execute();
      }
      // Rows from 0001: derive what can be derived. substr is spelled the same on both engines.
      await sql`update photos set taken_month_day = substr(taken_local, 6, 5) where taken_local is not null`.execute(
        db,
      );
      const existing = await sql<{ id: string }>`select id from photos`.execute(db);
      for (const { id } of existing.rows) {
        await sql`update photos set shuffle_key = ${shuffleKeyFor(id)} where id = ${id}`.execute(db);
      }

      // Date range, newest/oldest pages and the ±10 min near-duplicate candidates: the 0001 index
      // (owner_id, taken_local) serves those. This one also answers "screenshots excluded" from the index alone.
      await sql`create index photos_owner_shot_taken_idx on photos (owner_id, is_screenshot, taken_local, id)`.execute(
        db,
      );
      // On this day: taken_month_day IN ('07-12', …, '07-18'); count, span and page order from the index alone.
      await sql`create index photos_owner_month_day_idx on photos (owner_id, taken_month_day, is_screenshot, taken_local, id)`.execute(
        db,
      );
      // Places, case-insensitive at a given level (or each level OR-ed), narrowed by date; covering.
      for (const level of ['city', 'region', 'country'] as const) {
        await sql`create index ${sql.raw(`photos_owner_${level}_idx`)} on photos (owner_id, lower(${sql.ref(
          `place_${level}`,
        )}), taken_local, is_screenshot, id)`.execute(db);
      }
      // Favourites and media kind, newest/oldest.
      await sql`create index photos_owner_favorite_idx on photos (owner_id, favorite, taken_local)`.execute(
        db,
      );
      await sql`create index photos_owner_kind_idx on photos (owner_id, media_kind, taken_local)`.execute(db);
      // One photo per near-duplicate group.
      await sql`create index photos_owner_group_idx on photos (owner_id, duplicate_group_id)`.execute(db);

      // Labels: owner, capture time and screenshot flag copied from the photo (see schema.ts).
      await db.schema.alterTable('photo_labels').addColumn('owner_id', 'text').execute();
      await db.schema.alterTable('photo_labels').addColumn('taken_local', 'text').execute();
      await db.schema
        .alterTable('photo_labels')
        .addColumn('is_screenshot', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('photo_labels')
        .addColumn('shuffle_key', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`update photo_labels set
          owner_id = (select p.owner_id from photos p where p.id = photo_labels.photo_id),
          taken_local = (select p.taken_local from photos p where p.id = photo_labels.photo_id),
          shuffle_key = (select p.shuffle_key from photos p where p.id = photo_labels.photo_id)`.execute(db);
      // Label (+ date, newest/oldest/shuffle): a one-label search is answered from this index alone, photos rows
      // are read only for the page; with other filters it is photo_id IN (this owner's photos with the label).
      await sql`create index photo_labels_owner_label_idx on photo_labels (owner_id, label, is_screenshot, taken_local, photo_id, shuffle_key)`.execute(
        db,
      );

      await db.schema
        .createTable('people')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('normalized_name', 'text', (c) => c.notNull())
        .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('people_owner_name_unique', ['owner_id', 'normalized_name'])
        .execute();
      await db.schema
        .createTable('photo_people')
        .addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('taken_local', 'text')
        .addColumn('is_screenshot', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('shuffle_key', 'bigint', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('photo_people_pk', ['photo_id', 'person_id'])
        .execute();
      // Person (+ date, any order), as for labels; and the vocabulary's photo counts per person.
      await sql`create index photo_people_person_idx on photo_people (person_id, is_screenshot, taken_local, photo_id, shuffle_key)`.execute(
        db,
      );

      await db.schema
        .createTable('albums')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('normalized_name', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('albums_owner_name_unique', ['owner_id', 'normalized_name'])
        .execute();
      await db.schema
        .createTable('photo_albums')
        .addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id').onDelete('cascade'))
        .addColumn('album_id', 'text', (c) => c.notNull().references('albums.id').onDelete('cascade'))
        .addColumn('taken_local', 'text')
        .addColumn('is_screenshot', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('shuffle_key', 'bigint', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('photo_albums_pk', ['photo_id', 'album_id'])
        .execute();
      // Album (+ date, any order), as for labels; and the vocabulary's photo counts per album.
      await sql`create index photo_albums_album_idx on photo_albums (album_id, is_screenshot, taken_local, photo_id, shuffle_key)`.execute(
        db,
      );
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('photo_albums').execute();
      await db.schema.dropTable('albums').execute();
      await db.schema.dropTable('photo_people').execute();
      await db.schema.dropTable('people').execute();
      await db.schema.dropIndex('photo_labels_owner_label_idx').execute();
      for (const column of ['shuffle_key', 'is_screenshot', 'taken_local', 'owner_id']) {
        await db.schema.alterTable('photo_labels').dropColumn(column).execute();
      }
      for (const index of [
        'photos_owner_group_idx',
        'photos_owner_kind_idx',
        'photos_owner_favorite_idx',
        'photos_owner_country_idx',
        'photos_owner_region_idx',
        'photos_owner_city_idx',
        'photos_owner_month_day_idx',
        'photos_owner_shot_taken_idx',
      ]) {
        await db.schema.dropIndex(index).execute();
      }
    },
  },
  '0003_searchable_rows': searchableRowsMigration,
  '0004_vision_people': visionPeopleMigration,
  '0005_hidden_labels': hiddenLabelsMigration,
  '0006_place_levels': placeLevelsMigration,
  '0008_credentials': credentialsMigration,
  '0009_sun_labels': sunLabelsMigration,
  '0010_provenance': provenanceMigration,
  '0011_face_decisions': faceDecisionsMigration,
  '0012_motion_parts': motionPartsMigration,
  '0013_covering_flag_indexes': coveringFlagIndexesMigration,
  '0014_covering_place_indexes': coveringPlaceIndexesMigration,
  '0016_pending_perceptual_hashes': pendingPerceptualHashesMigration,
  // 0017, not the 0015 set aside for it: 0016 was already applied to kept databases, and Kysely refuses a new
  // migration that sorts before an applied one.
  '0017_serial_search_scans': serialSearchScansMigration,
  '0019_place_month_counts': placeMonthCountsMigration,
  '0018_library_generations': libraryGenerationsMigration,
  '0020_day_counts': dayCountsMigration,
  '0021_key_members': keyMembersMigration,
  '0022_media_counts': mediaCountsMigration,
  '0023_compact_key_members': compactKeyMembersMigration,
  '0024_photo_number_covering': photoNumberCoveringMigration,
  '0025_label_ancestors': labelAncestorsMigration,
  '0026_capture_labels': captureLabelsMigration,
};

/** Brings the schema to the latest version. */
export async function migrateLibraryDatabase<Schema>(db: Kysely<Schema>, logger: Logger): Promise<void> {
  await migrateToLatest(db, 'library', LIBRARY_MIGRATIONS, logger);
}
