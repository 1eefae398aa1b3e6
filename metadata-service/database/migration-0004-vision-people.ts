import { sql, type Kysely, type Migration } from 'kysely';

/*
 * Issue 6 (vision): what the models saw in each photo, its faces, and the face clusters that become people.
 * - `photo_vision`: one row per analysed photo and the model version that analysed it, so a photo is analysed once
 *   per version (a new version re-analyses), and photos vision could not read are not retried every run.
 * - `faces`: boxes (fractions of the upright photo), scores and descriptors (base64 float32; Rekognition faces
 *   carry their collection FaceId and matches instead), and the person (cluster) each belongs to.
 * - `face_clusters`: per person built from faces, the face count at the last clustering (fewer now means faces
 *   were lost and an unnamed cluster is regrouped) and the face that pictures the person.
 * - `photo_people_by_face`: the photo_people rows that exist because of a face (not because the photo's own
 *   metadata named the person), so faces moving between clusters remove only their own rows.
 * Clusters are ordinary `people` rows; an unnamed one has name '' and a normalized name no spoken name can have.
 */
export const visionPeopleMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('photo_vision')
      .addColumn('photo_id', 'text', (c) => c.primaryKey().references('photos.id').onDelete('cascade'))
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('model_version', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('analysed_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('faces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id').onDelete('cascade'))
      .addColumn('box_left', 'double precision', (c) => c.notNull())
      .addColumn('box_top', 'double precision', (c) => c.notNull())
      .addColumn('box_width', 'double precision', (c) => c.notNull())
      .addColumn('box_height', 'double precision', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('descriptor', 'text')
      .addColumn('provider_face_id', 'text')
      .addColumn('matches', 'text')
      .addColumn('person_id', 'text')
      .execute();
    await sql`create index faces_photo_idx on faces (photo_id)`.execute(db);
    // A person's faces (cover, counts) and the owner's unclustered faces (person_id is null).
    await sql`create index faces_owner_person_idx on faces (owner_id, person_id)`.execute(db);

    await db.schema
      .createTable('face_clusters')
      .addColumn('person_id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('faces', 'integer', (c) => c.notNull())
      .addColumn('cover_face_id', 'text')
      .execute();
    await sql`create index face_clusters_owner_idx on face_clusters (owner_id)`.execute(db);

    await db.schema
      .createTable('photo_people_by_face')
      .addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('photo_people_by_face_pk', ['photo_id', 'person_id'])
      .execute();
    await sql`create index photo_people_by_face_person_idx on photo_people_by_face (person_id)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['photo_people_by_face', 'face_clusters', 'faces', 'photo_vision']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
