import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue 13 item 3: the owner's answers to "is this X?" suggestions (face-decisions-schema.ts). One answer per face
 * and person; no foreign keys, since an answer outlives the face row it was given on (a re-analysis replaces the
 * photo's faces, and the answer is then matched by photo and box).
 */
export const faceDecisionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('face_decisions')
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('face_id', 'text', (c) => c.notNull())
      .addColumn('photo_id', 'text', (c) => c.notNull())
      .addColumn('box_left', 'double precision', (c) => c.notNull())
      .addColumn('box_top', 'double precision', (c) => c.notNull())
      .addColumn('box_width', 'double precision', (c) => c.notNull())
      .addColumn('box_height', 'double precision', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('face_decisions_pk', ['owner_id', 'face_id', 'person_id'])
      .execute();
    await sql`create index face_decisions_photo_idx on face_decisions (owner_id, photo_id)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('face_decisions').execute();
  },
};
