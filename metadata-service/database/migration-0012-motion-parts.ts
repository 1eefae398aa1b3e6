import type { Kysely, Migration } from 'kysely';

/**
 * Issue 15: a live photo is one photo that moves briefly. Its motion part is either a companion video next to it
 * (an Apple Live Photo's IMG_1.HEIC + IMG_1.MOV: `motion_uri` names the video) or an MP4 appended to the JPEG itself
 * (a Google/Samsung motion photo: `motion_uri` is null, the bytes are the photo's own from `motion_offset`). All
 * null for photos without one; a clip (media_kind 'video') never has one.
 */
export const motionPartsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const columns: [string, 'text' | 'bigint' | 'integer'][] = [
      ['motion_kind', 'text'],
      ['motion_uri', 'text'],
      ['motion_path', 'text'],
      ['motion_offset', 'bigint'],
      ['motion_bytes', 'bigint'],
      ['motion_duration_ms', 'integer'],
    ];
    for (const [name, type] of columns) {
      await db.schema.alterTable('photos').addColumn(name, type).execute();
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const name of [
      'motion_duration_ms',
      'motion_bytes',
      'motion_offset',
      'motion_path',
      'motion_uri',
      'motion_kind',
    ]) {
      await db.schema.alterTable('photos').dropColumn(name).execute();
    }
  },
};
