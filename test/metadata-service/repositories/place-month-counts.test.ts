import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import type { Place } from '../../../metadata-service/places/place';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { placeLevelsFound } from '../../../metadata-service/repositories/place-levels-found';
import { rebuildPlaceMonthCounts } from '../../../metadata-service/repositories/place-month-counts';
import { matchSource } from '../../../metadata-service/repositories/search-driver';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { keywords, photoRecord } from './photo-records';

/**
 * Place names in search_key_months (migration 0019): a one-place search is counted from them, so they must always
 * equal what the place filter itself matches — after inserts with names spelled in several cases, a hide, a delete,
 * and concurrent writers — and equal a rebuild from the photos table.
 */
const A = 'owner-a';
const B = 'owner-b';
const place = (city: string | null, region: string | null, country = 'France'): Place => ({
  city,
  region,
  country,
  countryCode: 'FR',
});

describeOnEachEngine('Place month counts', (engine) => {
  let database: TestLibraryDatabase;
  let repo: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    repo = new PhotoRepository(database.db);
  });
  afterEach(() => database.cleanup());

  async function store(
    ownerId: string,
    id: string,
    where: Place | null,
    extra: { takenLocal?: string | null; isScreenshot?: boolean } = {},
  ) {
    await repo.insertPhotos([
      { photo: photoRecord(ownerId, id, { place: where, ...extra }), labels: keywords('dog') },
    ]);
  }

  /** The search's total and the count of the same filter read from the photos table directly. */
  async function totals(query: PhotoQueryInput): Promise<{ searched: number; filtered: number }> {
    const parsed = photoQuerySchema.parse({ order: 'newest', ...query });
    const page = await repo.search(A, parsed, { limit: 2, offset: 0 });
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const next = await repo.search(A, parsed, { limit: 2, offset: 0, cursor });
      for (const photo of next.photos) ids.add(photo.id);
      cursor = next.nextCursor;
    } while (cursor !== undefined);
    return { searched: page.total, filtered: ids.size };
  }

  /** The maintained place rows, and what a rebuild from the photos table makes of them. */
  async function maintainedAndRebuilt(): Promise<{ maintained: unknown[]; rebuilt: unknown[] }> {
    const read = async () =>
      (
        await sql<
          Record<string, unknown>
        >`select owner_id, kind, key, month, left_out, photos, first_taken, last_taken
          from search_key_months where kind like 'place_%' order by owner_id, kind, key, month, left_out`.execute(
          database.db,
        )
      ).rows.map((row) => ({ ...row, left_out: Number(row.left_out), photos: Number(row.photos) }));
    const maintained = await read();
    await rebuildPlaceMonthCounts(database.db);
    return { maintained, rebuilt: await read() };
  }

  it('counts one place at one level from its month rows, whatever case it was stored and asked in', async () => {
    await store(A, 'p1', place('Paris', 'Île-de-France'), { takenLocal: '2024-05-03T10:00:00' });
    await store(A, 'p2', place('PARIS', 'Île-de-France'), { takenLocal: '2024-05-20T10:00:00' });
    await store(A, 'p3', place('paris', null), { takenLocal: '2024-06-01T10:00:00' });
    await store(A, 'p4', place('Paris', null), { takenLocal: null });
    await store(A, 'p5', place('Paris', null), { takenLocal: '2024-05-04T10:00:00', isScreenshot: true });
    await store(A, 'p6', place('Lyon', null), { takenLocal: '2024-05-05T10:00:00' });
    await store(B, 'b1', place('Paris', null), { takenLocal: '2024-05-05T10:00:00' });
    // Folded by each engine's lower(): SQLite leaves Ü as it is, PostgreSQL folds it; counts follow the filter.
    await store(A, 'z1', place('Zürich', null), { takenLocal: '2024-05-05T10:00:00' });
    await store(A, 'z2', place('ZÜRICH', null), { takenLocal: '2024-05-05T10:00:00' });

    for (const query of [
      { places: [{ name: 'paris', level: 'city' as const }] },
      { places: [{ name: 'PARIS' }] },
      // A bound inside May: that month's slice is read from the index, June from its row.
      { places: [{ name: 'Paris' }], takenFrom: '2024-05-10T00:00:00', takenTo: '2024-07-01T00:00:00' },
      { places: [{ name: 'Paris' }], exclude: { screenshots: false } },
      { places: [{ name: 'zürich', level: 'city' as const }] },
      { places: [{ name: 'ZÜRICH', level: 'city' as const }] },
    ]) {
      const { searched, filtered } = await totals(query);
      assert.equal(searched, filtered, JSON.stringify(query));
    }
    assert.deepEqual(await totals({ places: [{ name: 'paris' }] }), { searched: 4, filtered: 4 });

    const scope = {
      ownerId: A,
      query: photoQuerySchema.parse({ places: [{ name: 'Paris' }] }),
      hiddenPeople: [],
      hiddenAlbums: [],
    };
    const placeLevels = await placeLevelsFound(database.db, A, scope.query);
    assert.deepEqual(matchSource(database.db, { ...scope, placeLevels }).countedKey, {
      kind: 'place_city',
      key: 'Paris',
    });
    const { maintained, rebuilt } = await maintainedAndRebuilt();
    assert.deepEqual(maintained, rebuilt);
  });

  it('counts a name stored at two levels once per photo, from the index (the levels overlap)', async () => {
    await store(A, 'p1', place('Luxembourg', 'Luxembourg', 'Luxembourg'));
    await store(A, 'p2', place('Esch', 'Luxembourg', 'Luxembourg'));
    await store(A, 'p3', place('Metz', 'Grand Est'));
    const query = photoQuerySchema.parse({ places: [{ name: 'luxembourg' }] });
    const placeLevels = await placeLevelsFound(database.db, A, query);
    assert.equal(
      matchSource(database.db, { ownerId: A, query, hiddenPeople: [], hiddenAlbums: [], placeLevels })
        .countedKey,
      undefined,
    );
    assert.deepEqual(await totals({ places: [{ name: 'luxembourg' }] }), { searched: 2, filtered: 2 });
  });

  it('keeps the counts exact through a hide, a delete and concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        repo.insertPhotos(
          Array.from({ length: 5 }, (_, m) => ({
            photo: photoRecord(A, `p${n}_${m}`, {
              place: place(m % 2 === 0 ? 'Nice' : 'NICE', 'Provence'),
              takenLocal: `2023-0${1 + (m % 3)}-1${n}T10:00:00`,
            }),
            labels: keywords('beach'),
          })),
        ),
      ),
    );
    await Promise.all([
      repo.setPhotoFlags(A, 'p0_0', { hidden: true }),
      repo.deletePhotos(A, ['p1_1', 'p2_2']),
      store(A, 'late', place('nice', null), { takenLocal: '2023-01-30T10:00:00' }),
    ]);
    assert.deepEqual(await totals({ places: [{ name: 'Nice', level: 'city' }] }), {
      searched: 28,
      filtered: 28,
    });
    assert.deepEqual(await totals({ places: [{ name: 'provence', level: 'region' }] }), {
      searched: 27,
      filtered: 27,
    });
    const { maintained, rebuilt } = await maintainedAndRebuilt();
    assert.deepEqual(maintained, rebuilt);
  });

  it('finds nothing for a place no photo is at, and never counts another owner', async () => {
    await store(B, 'b1', place('Atlantis', null));
    assert.deepEqual(await totals({ places: [{ name: 'Atlantis' }] }), { searched: 0, filtered: 0 });
  });
});
