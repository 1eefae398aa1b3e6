import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue 16 (ingest at 1000 photos/s): a full ingest run stores a still from its header segments with no perceptual
 * hash and decodes it afterwards in its hash stage (metadata-service/ingest/hash-stage/). A still without a hash is
 * one that stage has yet to decode; this partial index finds them for one owner and source (a stage resumed after
 * a crash, a run that found none) without reading the owner's other photos. It holds only the pending rows, so it
 * is empty between runs and ingest pays for it only until a photo's hash is stored.
 */
export const pendingPerceptualHashesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index photos_hash_pending_idx on photos (owner_id, source_root, id) where perceptual_hash is null and media_kind = 'photo'`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('photos_hash_pending_idx').execute();
  },
};
