import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue 16 (every search within 20 ms at a million photos): "favourites" and "videos" were served by
 * (owner_id, favorite, taken_local) and (owner_id, media_kind, taken_local), which hold neither `left_out` (every
 * search filters on it) nor the id (the page's tie-break): each match cost a photo row read, 20,000 of them to
 * count a million-photo library's favourites. The replacements put left_out before the capture time and end with
 * the id, as the other owner-first indexes do, so the count, the span and the page come from the index alone and a
 * page of 50 is read in index order. Same number of indexes: ingest maintains no more than before.
 */
export const coveringFlagIndexesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('photos_owner_favorite_idx').execute();
    await db.schema.dropIndex('photos_owner_kind_idx').execute();
    await sql`create index photos_owner_favorite_left_out_idx on photos (owner_id, favorite, left_out, taken_local, id)`.execute(
      db,
    );
    await sql`create index photos_owner_kind_left_out_idx on photos (owner_id, media_kind, left_out, taken_local, id)`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('photos_owner_kind_left_out_idx').execute();
    await db.schema.dropIndex('photos_owner_favorite_left_out_idx').execute();
    await sql`create index photos_owner_favorite_idx on photos (owner_id, favorite, taken_local)`.execute(db);
    await sql`create index photos_owner_kind_idx on photos (owner_id, media_kind, taken_local)`.execute(db);
  },
};
