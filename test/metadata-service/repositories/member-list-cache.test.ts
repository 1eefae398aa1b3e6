import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../../common/database';
import { photoQuerySchema, type PhotoQueryInput, type SearchResponse } from '../../../common/contracts';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { MemberListCache } from '../../../metadata-service/repositories/member-list-cache';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { keywords, photoRecord } from './photo-records';

const A = 'owner-a';
const B = 'owner-b';
const rows = (...numbers: number[]) => [{ month: '2024-06', numbers: Uint32Array.from(numbers) }];

describe('member list cache (pure)', () => {
  it('answers only at the generation a list was read at, and never lets an older read replace a newer one', () => {
    const cache = new MemberListCache();
    cache.set(A, 5, 'beach', rows(1, 2, 3));
    assert.deepEqual([...(cache.get(A, 5, 'beach')?.[0]?.numbers ?? [])], [1, 2, 3]);
    assert.equal(cache.get(A, 6, 'beach'), undefined, 'a write since: read again');
    assert.equal(cache.get(B, 5, 'beach'), undefined, "another owner's entry is its own");
    cache.set(A, 4, 'beach', rows(1));
    assert.deepEqual([...(cache.get(A, 5, 'beach')?.[0]?.numbers ?? [])], [1, 2, 3]);
    cache.set(A, 6, 'beach', rows(1, 2, 3, 4));
    assert.equal(cache.get(A, 5, 'beach'), undefined);
    assert.equal(cache.get(A, 6, 'beach')?.[0]?.numbers.length, 4);
  });

  it('keeps at most its byte budget, dropping the least recently used lists', () => {
    const cache = new MemberListCache({ maxBytes: 10_000 });
    const big = () => [{ month: '2024-06', numbers: new Uint32Array(1_000) }];
    cache.set(A, 1, 'beach', big());
    cache.set(A, 1, 'dog', big());
    assert.ok(cache.get(A, 1, 'beach'));
    cache.set(A, 1, 'sunset', big());
    assert.ok(cache.keptBytes <= 10_000, `${cache.keptBytes} bytes kept`);
    assert.ok(cache.get(A, 1, 'beach'), 'used last: kept');
    assert.equal(cache.get(A, 1, 'dog'), undefined, 'least recently used: dropped');
    cache.set(A, 1, 'everything', [{ month: '2024-06', numbers: new Uint32Array(10_000) }]);
    assert.equal(cache.get(A, 1, 'everything'), undefined, 'larger than the budget: not kept');
  });
});

describeOnEachEngine('Member lists kept between searches', (engine) => {
  let database: TestLibraryDatabase;
  let other: Kysely<LibraryDatabase>;

  beforeEach(async () => {
    database = await engine.open();
    // A second connection pool over the same database: another library process writing.
    other = openDatabase<LibraryDatabase>(database.location);
  });
  afterEach(async () => {
    await other.destroy();
    await database.cleanup();
  });

  /** A repository whose statements are recorded, so a test can tell whether a search read member lists. */
  function tracedRepository(): { repo: PhotoRepository; statements: string[] } {
    const statements: string[] = [];
    const db = database.db.withPlugin({
      transformQuery(args) {
        statements.push(database.db.getExecutor().compileQuery(args.node, args.queryId).sql);
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    return { repo: new PhotoRepository(db), statements };
  }

  const readsLists = (statements: string[]) =>
    statements.some((statement) => statement.includes('members from search_key_months'));

  async function store(ownerId: string, id: string, takenLocal: string, ...labels: string[]): Promise<void> {
    await new PhotoRepository(other).insertPhoto(
      photoRecord(ownerId, id, { takenLocal }),
      keywords(...labels),
    );
  }

  const search = (repo: PhotoRepository, ownerId: string, query: PhotoQueryInput, limit = 100) =>
    repo.search(ownerId, photoQuerySchema.parse(query), { limit, offset: 0 });
  const ids = (found: SearchResponse) => found.photos.map((photo) => photo.id).sort();

  it('reads the lists once while nothing changes, and again after any write by another process', async () => {
    for (let i = 0; i < 12; i += 1) {
      const labels = i % 3 === 0 ? ['dog', 'beach'] : i % 3 === 1 ? ['beach'] : ['dog'];
      await store(A, `ph_${i}`, `2024-0${1 + (i % 6)}-1${i % 9}T10:00:00`, ...labels);
    }
    await store(B, 'theirs', '2024-03-10T10:00:00', 'dog', 'beach');
    const { repo, statements } = tracedRepository();
    const query = { labels: ['dog', 'beach'] };

    const first = await search(repo, A, query);
    assert.deepEqual(ids(first), ['ph_0', 'ph_3', 'ph_6', 'ph_9']);
    assert.ok(readsLists(statements), 'the first search reads the lists');

    statements.length = 0;
    const again = await search(repo, A, query);
    const nextPage = await search(repo, A, { ...query, order: 'oldest' }, 2);
    assert.deepEqual(again, first);
    assert.deepEqual(
      nextPage.photos.map((photo) => photo.id),
      ['ph_0', 'ph_6'],
    );
    assert.equal(readsLists(statements), false, 'unchanged library: the kept lists answer');

    // Another owner's write leaves owner A's lists alone.
    await store(B, 'theirs-2', '2024-03-11T10:00:00', 'dog', 'beach');
    statements.length = 0;
    assert.deepEqual(await search(repo, A, query), first);
    assert.equal(readsLists(statements), false, "another owner's write");

    // A photo stored by another process is counted on the next search.
    await store(A, 'ph_late', '2024-05-20T10:00:00', 'beach', 'dog');
    statements.length = 0;
    const afterInsert = await search(repo, A, query);
    assert.equal(afterInsert.total, 5);
    assert.deepEqual(ids(afterInsert), ['ph_0', 'ph_3', 'ph_6', 'ph_9', 'ph_late']);
    assert.ok(readsLists(statements), 'read again after the write');

    // Hiding one (another process again) leaves it out at once.
    await new PhotoRepository(other).setPhotoFlags(A, 'ph_3', { hidden: true });
    const afterHide = await search(repo, A, query);
    assert.deepEqual(ids(afterHide), ['ph_0', 'ph_6', 'ph_9', 'ph_late']);

    // A delete is a recount of its rows: seen on the next search.
    await new PhotoRepository(other).deletePhotos(A, ['ph_9']);
    const afterDelete = await search(repo, A, query);
    assert.deepEqual(ids(afterDelete), ['ph_0', 'ph_6', 'ph_late']);
    assert.equal(afterDelete.total, 3);

    // What the kept lists answered is what a repository without them answers.
    const uncached = new PhotoRepository(database.db, { memberLists: false });
    assert.deepEqual(await search(uncached, A, query), afterDelete);
    assert.deepEqual(await search(uncached, B, query), await search(repo, B, query));
  });
});
