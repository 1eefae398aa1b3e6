import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue 13 item 5 (provenance): where each label came from, and the owner's removals.
 * - `photo_label_sources.detail`: what the source said in its own words (the keyword as written, the folder name,
 *   the sidecar text a label was read from); vision and sun details live with their passes (photo_vision,
 *   photo_sun) and are joined when asked.
 * - `label_suppressions`: labels the owner removed from one photo. Every relabelling (ingest, sidecar edits,
 *   vision, sun) skips them, so a removal stays removed. Matched by photo id or by the photo's place in its
 *   library (root + path): a changed file is a new photo id at the same path, and the owner removed the label from
 *   that photo, not from those bytes. No foreign key, for the same reason.
 * - `face_suppressions`: faces the owner removed from one photo, by box (fractions of the upright photo): a
 *   re-analysis (new model version, changed file) finds the face again under a new id, and drops it by overlap.
 */
export const provenanceMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('photo_label_sources').addColumn('detail', 'text').execute();
    await db.schema
      .createTable('label_suppressions')
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('photo_id', 'text', (c) => c.notNull())
      .addColumn('source_root', 'text', (c) => c.notNull())
      .addColumn('source_path', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('removed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('label_suppressions_pk', ['owner_id', 'photo_id', 'label'])
      .execute();
    await sql`create index label_suppressions_path_idx on label_suppressions (owner_id, source_root, source_path)`.execute(
      db,
    );
    await db.schema
      .createTable('face_suppressions')
      .addColumn('face_id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('photo_id', 'text', (c) => c.notNull())
      .addColumn('source_root', 'text', (c) => c.notNull())
      .addColumn('source_path', 'text', (c) => c.notNull())
      .addColumn('box_left', 'double precision', (c) => c.notNull())
      .addColumn('box_top', 'double precision', (c) => c.notNull())
      .addColumn('box_width', 'double precision', (c) => c.notNull())
      .addColumn('box_height', 'double precision', (c) => c.notNull())
      .addColumn('removed_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create index face_suppressions_photo_idx on face_suppressions (owner_id, photo_id)`.execute(db);
    await sql`create index face_suppressions_path_idx on face_suppressions (owner_id, source_root, source_path)`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('face_suppressions').execute();
    await db.schema.dropTable('label_suppressions').execute();
    await db.schema.alterTable('photo_label_sources').dropColumn('detail').execute();
  },
};
