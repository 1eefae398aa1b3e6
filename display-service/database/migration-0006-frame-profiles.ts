import type { Kysely, Migration } from 'kysely';

/**
 * Issue 15.4: per-frame profiles. One row per owner and device id (a web frame's `web-frame:…`, an Echo Show's
 * Alexa device id): what the frame shows and how, kept on the server so it follows the frame across browsers and
 * restarts. `version` changes on every save, so a playing frame can tell its profile changed.
 */
export const frameProfilesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('frame_profiles')
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('profile_json', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('frame_profiles_pk', ['owner_id', 'device_id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('frame_profiles').execute();
  },
};
