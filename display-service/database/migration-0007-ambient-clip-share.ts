import type { Kysely, Migration } from 'kysely';

/**
 * Issue 15: ambient slideshows mix clips in at a share (0–100 %) set per frame profile or by AMBIENT_CLIP_SHARE.
 * The share an ambient slideshow was started with is part of its id, and kept here so every batch drawn for it
 * (on any instance) spaces clips the same way. Null: made before clips were mixed in (no clips).
 */
export const ambientClipShareMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('slideshows').addColumn('clip_share', 'integer').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('slideshows').dropColumn('clip_share').execute();
  },
};
