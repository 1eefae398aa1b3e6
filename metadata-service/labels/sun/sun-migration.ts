import type { Kysely, Migration } from 'kysely';

/**
 * Issue 13: labels from the sun's position and the picture's light. `photo_sun` remembers, per photo, which labeller
 * version looked at it with which capture facts (so a new version, or a photo that gained a place or a time, is
 * looked at again), what came of it, and the evidence behind its labels (JSON: sun altitude and azimuth, the rule
 * that fired, the light statistics, where the time and position came from). The labels themselves are ordinary
 * photo_label_sources rows with source 'sun'.
 */
export const sunLabelsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('photo_sun')
      .addColumn('photo_id', 'text', (c) => c.primaryKey().references('photos.id').onDelete('cascade'))
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('labeller_version', 'text', (c) => c.notNull())
      .addColumn('inputs', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text')
      .addColumn('labelled_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('photo_sun').execute();
  },
};
