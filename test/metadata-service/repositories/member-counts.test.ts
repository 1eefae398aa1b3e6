import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import {
  decodeMembers,
  differenceOf,
  encodeMembers,
  intersectionOf,
  membersAggregate,
  unionOf,
} from '../../../metadata-service/repositories/key-members';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { rebuildSearchCounts } from '../../../metadata-service/repositories/search-count-rebuild';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { keywords, photoRecord } from './photo-records';

const A = 'owner-a';
const B = 'owner-b';

describe('member lists (pure)', () => {
  it('round-trips numbers as a segment of varint gaps, and reads appended segments as one ascending list', () => {
    const stored = encodeMembers([1, 70_000, 4_294_967_295]);
    // 0 starts the segment; 1; then 69,999 (ef a2 04) and 4,294,897,295 (8f dd fb ff 0f) as gaps.
    assert.equal(stored.toString('hex'), '0001efa2048fddfbff0f');
    assert.deepEqual([...decodeMembers(stored)], [1, 70_000, 4_294_967_295]);
    assert.deepEqual([...decodeMembers(encodeMembers([9, 3, 5, 3]))], [3, 5, 9]);
    assert.deepEqual([...decodeMembers(new Uint8Array())], []);
    assert.equal(encodeMembers([]).length, 0);
    // Appends (the counting upsert's `members || added`) keep the list valid, in order or not, repeats dropped.
    const appended = Buffer.concat([
      encodeMembers([2, 130, 131]),
      encodeMembers([128, 500]),
      encodeMembers([131]),
    ]);
    assert.deepEqual([...decodeMembers(appended)], [2, 128, 130, 131, 500]);
    // Dense numbers (a month shot and numbered together) take a byte each.
    assert.equal(encodeMembers(Array.from({ length: 1000 }, (_, i) => 5_000 + 2 * i)).length, 1 + 2 + 999);
  });

  it('reads a list cut short up to its last whole number', () => {
    const stored = encodeMembers([1, 300, 70_000]);
    assert.deepEqual([...decodeMembers(stored.subarray(0, stored.length - 1))], [1, 300]);
    assert.deepEqual([...decodeMembers(Uint8Array.from([0]))], []);
  });

  it('unites, intersects and subtracts ascending lists, each number once', () => {
    const a = Uint32Array.from([1, 3, 5, 7, 9]);
    const b = Uint32Array.from([2, 3, 4, 9, 11]);
    assert.deepEqual([...unionOf(a, b)], [1, 2, 3, 4, 5, 7, 9, 11]);
    assert.deepEqual([...intersectionOf(a, b)], [3, 9]);
    assert.deepEqual([...intersectionOf(a, new Uint32Array())], []);
    assert.deepEqual([...differenceOf(a, b)], [1, 5, 7]);
    assert.deepEqual([...differenceOf(a, new Uint32Array())], [...a]);
  });
});

describeOnEachEngine('Member lists built in SQL', (engine) => {
  let database: TestLibraryDatabase;
  beforeEach(async () => {
    database = await engine.open();
  });
  afterEach(() => database.cleanup());

  it('writes, for every gap length, the bytes encodeMembers writes', async () => {
    // Gaps of 1 to 5 bytes, a repeat, and numbers given out of order.
    const numbers = [2_147_483_647, 7, 1, 130, 16_514, 16_514, 2_113_664, 20_000_000, 288_435_456, 200];
    const values = sql.join(
      numbers.map((n) => sql`select ${sql.lit(n)} as number`),
      sql` union all `,
    );
    const { rows } = await sql<{ members: Uint8Array }>`select ${membersAggregate(
      database.db,
      sql<number>`number`,
      sql<number | null>`gap`,
    )} as members
      from (select number, number - lag(number) over (order by number) as gap from (${values}) as v) as g`.execute(
      database.db,
    );
    const built = Buffer.from(rows[0]?.members ?? []);
    assert.equal(built.toString('hex'), encodeMembers(numbers).toString('hex'));
    assert.deepEqual(
      [...decodeMembers(built)],
      [...new Set(numbers)].sort((a, b) => a - b),
    );
  });
});

interface Counted {
  total: number;
  span: unknown;
  ids: string[];
  pages: Record<string, string[]>;
}

describeOnEachEngine('Intersection counts from member lists', (engine) => {
  let database: TestLibraryDatabase;
  let repo: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    repo = new PhotoRepository(database.db, {
      labelParents: (label: string) => (label === 'dog' ? ['animal'] : []),
    });
  });
  afterEach(() => database.cleanup());

  const cities = ['Lisbon', 'Porto', 'Lisbon', null] as const;
  const labelSets = [['dog', 'beach'], ['beach'], ['dog'], ['beach', 'sunset'], ['dog', 'sunset', 'beach']];
  /** 40 photos over three years, some undated, screenshots among them, in two owners. */
  async function storeLibrary(): Promise<void> {
    for (let i = 0; i < 40; i += 1) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
      const city = cities[i % cities.length] ?? null;
      await repo.insertPhoto(
        photoRecord(i % 9 === 8 ? B : A, `ph_${String(i).padStart(2, '0')}`, {
          takenLocal: i % 11 === 10 ? null : `${2023 + (i % 3)}-${month}-${day}T1${i % 10}:00:00`,
          isScreenshot: i % 7 === 6,
          mediaKind: i % 5 === 3 ? 'video' : 'photo',
          people: i % 2 === 0 ? ['Mom'] : i % 3 === 0 ? ['Mom', 'Dad'] : ['Dad'],
          albums: i % 4 === 0 ? [{ name: 'Summer', source: 'folder' }] : [],
          place: city === null ? null : { city, region: 'Lisboa', country: 'Portugal', countryCode: 'PT' },
        }),
        keywords(...(labelSets[i % labelSets.length] ?? [])),
      );
    }
  }

  const personId = async (ownerId: string, name: string) =>
    (
      await database.db
        .selectFrom('people')
        .select('id')
        .where('owner_id', '=', ownerId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;

  async function queries(): Promise<PhotoQueryInput[]> {
    const mom = await personId(A, 'Mom');
    const dad = await personId(A, 'Dad');
    const summer = (
      await database.db
        .selectFrom('albums')
        .select('id')
        .where('owner_id', '=', A)
        .where('name', '=', 'Summer')
        .executeTakeFirstOrThrow()
    ).id;
    return [
      { labels: ['dog', 'beach'] },
      { labels: ['animal', 'sunset'] },
      { labels: ['beach', 'dog'], exclude: { screenshots: false } },
      { labels: ['beach'], people: [mom] },
      { people: [mom, dad] },
      { labels: ['beach'], places: [{ name: 'Lisbon', level: 'city' }] },
      { labels: ['dog'], people: [dad], places: [{ name: 'lisbon', level: 'city' }] },
      { labels: ['dog', 'beach'], takenFrom: '2024-01-01T00:00:00', takenTo: '2025-01-01T00:00:00' },
      // Bounds that cut months: their slices come from the index, the whole months between from the lists.
      { labels: ['dog', 'beach'], takenFrom: '2023-03-15T00:00:00', takenTo: '2025-05-10T12:00:00' },
      { labels: ['beach', 'sunset'], takenFrom: '2024-06-05T00:00:00', takenTo: '2024-06-20T00:00:00' },
      { labels: ['beach', 'sunset'], albums: [summer] },
      { labels: ['dog', 'nothing-at-all'] },
      { mediaKinds: ['video'], labels: ['beach'] },
      // Two places are alternatives: counted from the index (not lists), and never as an intersection.
      {
        labels: ['beach'],
        places: [
          { name: 'Lisbon', level: 'city' },
          { name: 'Porto', level: 'city' },
        ],
      },
      { labels: ['beach'], exclude: { labels: ['dog'] } },
      { labels: ['beach'], people: [mom], exclude: { people: [dad], albums: [summer] } },
      {
        labels: ['animal', 'beach'],
        places: [{ name: 'Lisbon', level: 'city' }],
        exclude: { labels: ['sunset'] },
      },
      { mediaKinds: ['photo'], people: [mom], places: [{ name: 'Lisbon', level: 'city' }] },
    ];
  }

  /** The SQL of every statement a search compiles. */
  function recorded(db: Kysely<LibraryDatabase>): { db: Kysely<LibraryDatabase>; statements: string[] } {
    const statements: string[] = [];
    const traced = db.withPlugin({
      transformQuery(args) {
        statements.push(db.getExecutor().compileQuery(args.node, args.queryId).sql);
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    return { db: traced, statements };
  }

  async function searchAll(db: Kysely<LibraryDatabase>, query: PhotoQueryInput): Promise<Counted> {
    const reader = new PhotoRepository(db);
    const parsed = (order: 'newest' | 'oldest') => photoQuerySchema.parse({ ...query, order });
    const found = await reader.search(A, parsed('newest'), { limit: 100, offset: 0 });
    // Pages in both orders, by cursor and by offset, must list the same photos in the same order either way.
    const pages: Record<string, string[]> = {};
    for (const order of ['newest', 'oldest'] as const) {
      const byCursor: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await reader.search(A, parsed(order), { limit: 4, offset: 0, cursor });
        byCursor.push(...page.photos.map((photo) => photo.id));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      const byOffset: string[] = [];
      for (let offset = 0; offset < found.total; offset += 3) {
        const page = await reader.search(A, parsed(order), { limit: 3, offset });
        byOffset.push(...page.photos.map((photo) => photo.id));
      }
      pages[`${order} by cursor`] = byCursor;
      pages[`${order} by offset`] = byOffset;
      // A first page takes one end of an intersection's span from its first row, a later page reads both by number:
      // the same span either way, in both orders.
      const first = await reader.search(A, parsed(order), { limit: 2, offset: 0 });
      const later = await reader.search(A, parsed(order), { limit: 2, offset: 1 });
      assert.deepEqual(
        [first.span, later.span],
        [found.span, found.span],
        `${order}: ${JSON.stringify(query)}`,
      );
    }
    return {
      total: found.total,
      span: found.span,
      ids: found.photos.map((photo) => photo.id).sort(),
      pages,
    };
  }

  /** The same search with every member list removed: counted from the index, as before migration 0021. */
  async function fromTheIndex(query: PhotoQueryInput): Promise<Counted> {
    await sql`update search_key_months set members = null`.execute(database.db);
    try {
      return await searchAll(database.db, query);
    } finally {
      await rebuildSearchCounts(database.db);
    }
  }

  async function assertCountsAgree(step: string): Promise<void> {
    for (const query of await queries()) {
      const { db, statements } = recorded(database.db);
      const counted = await searchAll(db, query);
      // Bounds inside one month leave no whole month to read lists for: that slice is counted from the index.
      const { takenFrom, takenTo } = query;
      const wholeMonths =
        takenFrom === undefined || takenTo === undefined || takenFrom.slice(0, 7) !== takenTo.slice(0, 7);
      const fromLists = wholeMonths && (query.places ?? []).length <= 1;
      assert.equal(
        statements.some((statement) => statement.includes('members from search_key_months')),
        fromLists,
        `${step}: ${JSON.stringify(query)} is counted from member lists`,
      );
      // Every match is on the page (limit 100), so the total is checked against the matches themselves too.
      assert.equal(counted.total, counted.ids.length, `${step}: ${JSON.stringify(query)}`);
      assert.deepEqual(counted, await fromTheIndex(query), `${step}: ${JSON.stringify(query)}`);
    }
  }

  it('counts every intersection as the index does, through inserts, hiding, relabelling, moves and deletes', async () => {
    await storeLibrary();
    await assertCountsAgree('after inserts');
    assert.ok((await searchAll(database.db, { labels: ['dog', 'beach'] })).total > 3);

    // A hidden label leaves its photos out of every search that does not name it: an exclusion, as a list.
    await repo.setLabelHidden(A, 'sunset', true);
    await assertCountsAgree('with a hidden label');
    await repo.setLabelHidden(A, 'sunset', false);
    await repo.setPhotoFlags(A, 'ph_00', { hidden: true });
    await repo.setPhotoFlags(A, 'ph_06', { hidden: true });
    await assertCountsAgree('after hiding');
    await repo.setPhotoFlags(A, 'ph_06', { hidden: false });
    await repo.updateSource(A, 'ph_04', {
      sourceRoot: '/photos',
      sourcePath: 'Holidays/ph_04.jpg',
      sourceUri: 'file:///photos/Holidays/ph_04.jpg',
      fileMtime: '2026-02-01T00:00:00.000Z',
      folderLabels: [{ label: 'sunset', source: 'folder', confidence: 0.8 }],
      folderAlbums: ['Holidays'],
    });
    await assertCountsAgree('after unhiding and a move that relabels');
    await repo.deletePhotos(A, ['ph_10', 'ph_20', 'ph_30']);
    await assertCountsAgree('after deletes');
    // Photos stored after the deletes take new numbers, past the deleted ones'.
    await repo.insertPhoto(
      photoRecord(A, 'ph_late', { takenLocal: '2024-06-10T09:00:00' }),
      keywords('beach', 'sunset'),
    );
    await assertCountsAgree('after a late insert');
  });

  it("never counts another owner's photos, and counts nothing for another owner's person", async () => {
    await storeLibrary();
    const theirs = await personId(B, 'Mom');
    const found = await searchAll(database.db, { labels: ['beach'], people: [theirs] });
    assert.deepEqual({ ...found, pages: undefined }, { total: 0, span: null, ids: [], pages: undefined });
  });

  it('keeps member lists for labels, people, albums and places only, and numbers photos past every number an owner had', async () => {
    await storeLibrary();
    const rows = await database.db
      .selectFrom('search_key_months')
      .select(['kind', 'members'])
      .where('owner_id', '=', A)
      .execute();
    for (const row of rows) {
      const listed = ['media', 'label', 'person', 'album', 'place_city', 'place_region', 'place_country'];
      assert.equal(row.members !== null, listed.includes(row.kind), row.kind);
    }
    const before = await database.db
      .selectFrom('photo_numbers')
      .select('last_number')
      .where('owner_id', '=', A)
      .executeTakeFirstOrThrow();
    await repo.deletePhotos(A, ['ph_00']);
    await repo.insertPhoto(photoRecord(A, 'ph_new'), keywords('beach'));
    const stored = await database.db
      .selectFrom('photos')
      .select('photo_number')
      .where('id', '=', 'ph_new')
      .executeTakeFirstOrThrow();
    assert.equal(stored.photo_number, Number(before.last_number) + 1);
  });
});
