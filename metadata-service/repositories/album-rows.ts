import type { Kysely } from 'kysely';
import type { LibraryDatabase } from '../database/schema';

export interface StoredAlbum {
  id: string;
  name: string;
}

/** Every album of the owner, hidden ones included: what ingest checks against today's album rule. */
export async function listAlbums(db: Kysely<LibraryDatabase>, ownerId: string): Promise<StoredAlbum[]> {
  return db
    .selectFrom('albums')
    .select(['id', 'name'])
    .where('owner_id', '=', ownerId)
    .orderBy('id')
    .execute();
}

/**
 * Removes albums (with their photo links and per-month match counts; no other key's counts change) that should never have been made, and returns the ids
 * of the photos that were in them, so ingest can refile those photos by today's rule. One transaction.
 */
export async function dropAlbums(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  albumIds: readonly string[],
): Promise<string[]> {
  if (albumIds.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const owned = (
      await trx
        .selectFrom('albums')
        .select('id')
        .where('owner_id', '=', ownerId)
        .where('id', 'in', albumIds)
        .execute()
    ).map((a) => a.id);
    if (owned.length === 0) return [];
    const photoIds = [
      ...new Set(
        (
          await trx.selectFrom('photo_albums').select('photo_id').where('album_id', 'in', owned).execute()
        ).map((row) => row.photo_id),
      ),
    ];
    await trx.deleteFrom('photo_albums').where('album_id', 'in', owned).execute();
    await trx.deleteFrom('albums').where('owner_id', '=', ownerId).where('id', 'in', owned).execute();
    await trx
      .deleteFrom('search_key_months')
      .where('owner_id', '=', ownerId)
      .where('kind', '=', 'album')
      .where('key', 'in', owned)
      .execute();
    return photoIds;
  });
}
