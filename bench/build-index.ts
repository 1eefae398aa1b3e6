import { sql, type Kysely } from 'kysely';
import type { LibraryDatabase } from '../metadata-service/database/schema';
import { rebuildSearchCounts } from '../metadata-service/repositories/search-count-rebuild';
import { peopleOf, syntheticBatch } from './synthetic-library';

/** Rows per multi-row INSERT: the photos table has 38 columns, so 500 rows stay under both engines' parameter caps. */
const PHOTO_ROWS_PER_INSERT = 500;
const JOIN_ROWS_PER_INSERT = 2000;
/** Photos per transaction. */
const PHOTOS_PER_TRANSACTION = 10_000;

export interface OwnerSize {
  ownerId: string;
  photos: number;
}

/** Loads the synthetic owners into an empty, migrated library database with multi-row inserts in transactions. */
export async function buildSyntheticIndex(
  db: Kysely<LibraryDatabase>,
  engine: 'sqlite' | 'postgres',
  owners: readonly OwnerSize[],
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  // A throwaway index: a big page cache (the default 2 MB thrashes on million-row indexes) and no fsync per commit.
  if (engine === 'sqlite') {
    await sql`pragma cache_size = -1048576`.execute(db);
    await sql`pragma synchronous = off`.execute(db);
  }
  const total = owners.reduce((sum, o) => sum + o.photos, 0);
  let done = 0;
  for (const { ownerId, photos } of owners) {
    await db.insertInto('people').values(peopleOf(ownerId)).execute();
    const albumIds = new Set<string>();
    for (let start = 0; start < photos; start += PHOTOS_PER_TRANSACTION) {
      const batch = syntheticBatch(ownerId, start, Math.min(PHOTOS_PER_TRANSACTION, photos - start));
      await db.transaction().execute(async (trx) => {
        if (engine === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
        const newAlbums = [...batch.albums.values()].filter((a) => !albumIds.has(a.id));
        for (const album of newAlbums) albumIds.add(album.id);
        for (const rows of chunks(newAlbums, JOIN_ROWS_PER_INSERT))
          await trx.insertInto('albums').values(rows).execute();
        for (const rows of chunks(batch.photos, PHOTO_ROWS_PER_INSERT))
          await trx.insertInto('photos').values(rows).execute();
        for (const rows of chunks(batch.labels, JOIN_ROWS_PER_INSERT))
          await trx.insertInto('photo_labels').values(rows).execute();
        for (const rows of chunks(batch.labelSources, JOIN_ROWS_PER_INSERT))
          await trx.insertInto('photo_label_sources').values(rows).execute();
        for (const rows of chunks(batch.photoPeople, JOIN_ROWS_PER_INSERT))
          await trx.insertInto('photo_people').values(rows).execute();
        for (const rows of chunks(batch.photoAlbums, JOIN_ROWS_PER_INSERT))
          await trx.insertInto('photo_albums').values(rows).execute();
      });
      done += batch.photos.length;
      onProgress(done, total);
    }
  }
  // Rows were written directly, not through the repository: number the photos and derive the per-month counts
  // and member lists in one pass.
  await db.transaction().execute(async (trx) => {
    // Each rebuild statement reads every row of a million-photo library: past the request statement timeout.
    if (engine === 'postgres') await sql`set local statement_timeout = 0`.execute(trx);
    await rebuildSearchCounts(trx);
  });
}

/** What the planner needs after a bulk load; PostgreSQL also needs the visibility map for index-only scans. */
export async function refreshPlannerStatistics(
  db: Kysely<LibraryDatabase>,
  engine: 'sqlite' | 'postgres',
): Promise<void> {
  await sql.raw(engine === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db);
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
