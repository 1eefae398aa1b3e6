import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseLocation } from '../../../common/database';
import {
  photoFactsSchema,
  photoQuerySchema,
  searchResponseSchema,
  type PhotoQuery,
} from '../../../common/contracts';
import { migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import {
  PhotoRepository,
  type LabelRecord,
  type PhotoRecord,
} from '../../../metadata-service/repositories/photo-repository';
import { makeTempDir, silentLogger, type TempDir } from '../support/fixtures';

const A = 'owner-a';
const B = 'owner-b';

function record(ownerId: string, id: string, takenLocal: string | null): PhotoRecord {
  return {
    id,
    ownerId,
    contentHash: `${id}-hash`,
    bytes: 1234,
    sourceRoot: '/photos',
    sourcePath: `${id}.jpg`,
    sourceUri: `file:///photos/${id}.jpg`,
    mediaType: 'image/jpeg',
    width: 3000,
    height: 2000,
    orientation: 1,
    takenLocal,
    takenUtc: null,
    takenTimeSource: takenLocal === null ? 'file-modified' : 'exif-local-only',
    latitude: null,
    longitude: null,
    cameraMake: null,
    cameraModel: null,
    fileMtime: '2026-01-01T00:00:00.000Z',
    ingestedAt: '2026-11-25T12:00:00.000Z',
  };
}

const keywords = (...names: string[]): LabelRecord[] =>
  names.map((label) => ({ label, source: 'keyword', confidence: 1 }));

/** SQLite always; PostgreSQL too when LIBRARY_TEST_DATABASE_URL names a scratch database (its tables are dropped). */
const ENGINES: { name: string; location: (dir: string) => DatabaseLocation }[] = [
  { name: 'SQLite', location: (dir) => ({ kind: 'sqlite', file: join(dir, 'library.sqlite') }) },
  ...(process.env.LIBRARY_TEST_DATABASE_URL
    ? [
        {
          name: 'PostgreSQL',
          location: () => ({ kind: 'postgres' as const, url: process.env.LIBRARY_TEST_DATABASE_URL ?? '' }),
        },
      ]
    : []),
];

async function dropLibraryTables(db: Kysely<LibraryDatabase>): Promise<void> {
  for (const table of [
    'photo_labels',
    'photos',
    'ingest_skips',
    'library_migrations',
    'library_migrations_lock',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

for (const engine of ENGINES)
  describe(`PhotoRepository on ${engine.name}`, () => {
    let tmp: TempDir;
    let db: Kysely<LibraryDatabase>;
    let repo: PhotoRepository;

    beforeEach(async () => {
      tmp = await makeTempDir();
      db = openDatabase<LibraryDatabase>(engine.location(tmp.path));
      await dropLibraryTables(db);
      await migrateLibraryDatabase(db, silentLogger);
      repo = new PhotoRepository(db);
      const photos: [PhotoRecord, LabelRecord[]][] = [
        [record(A, 'ph_beach_jul01', '2026-07-01T00:00:00'), keywords('beach')],
        [record(A, 'ph_beach_dog_jul14', '2026-07-14T10:00:00'), keywords('beach', 'dog')],
        [
          record(A, 'ph_beach_dog_aug31', '2026-08-31T23:59:59'),
          [...keywords('dog'), { label: 'beach', source: 'folder', confidence: 0.8 }],
        ],
        [record(A, 'ph_beach_sep01', '2026-09-01T00:00:00'), keywords('beach')],
        [record(A, 'ph_beach_jun30', '2026-06-30T23:59:59'), keywords('beach')],
        [record(A, 'ph_beach_undated', null), keywords('beach', 'dog')],
        [record(A, 'ph_a_same_time', '2026-07-14T10:00:00'), keywords('beach')],
        [record(B, 'ph_other_owner', '2026-07-20T10:00:00'), keywords('beach', 'dog')],
      ];
      for (const [photo, labels] of photos) assert.equal(await repo.insertPhoto(photo, labels), true);
    });
    afterEach(async () => {
      await dropLibraryTables(db);
      await db.destroy();
      await tmp.cleanup();
    });

    const query = (q: Partial<PhotoQuery>): PhotoQuery => photoQuerySchema.parse(q);
    const ids = (response: { photos: { id: string }[] }) => response.photos.map((p) => p.id);

    it('orders by capture time then id, undated photos last, with total and span over all matches', async () => {
      const response = await repo.search(A, query({ labels: ['beach'] }), 100, 0);
      assert.deepEqual(ids(response), [
        'ph_beach_jun30',
        'ph_beach_jul01',
        'ph_a_same_time',
        'ph_beach_dog_jul14',
        'ph_beach_dog_aug31',
        'ph_beach_sep01',
        'ph_beach_undated',
      ]);
      assert.equal(response.total, 7);
      assert.deepEqual(response.span, { first: '2026-06-30T23:59:59', last: '2026-09-01T00:00:00' });
      assert.ok(searchResponseSchema.safeParse(response).success);
    });

    it('pages without changing total or span', async () => {
      const page = await repo.search(A, query({ labels: ['beach'] }), 2, 2);
      assert.deepEqual(ids(page), ['ph_a_same_time', 'ph_beach_dog_jul14']);
      assert.equal(page.total, 7);
      assert.deepEqual(page.span, { first: '2026-06-30T23:59:59', last: '2026-09-01T00:00:00' });
      const beyond = await repo.search(A, query({ labels: ['beach'] }), 10, 50);
      assert.deepEqual(ids(beyond), []);
      assert.equal(beyond.total, 7);
    });

    it('requires every requested label (AND), from any source', async () => {
      const response = await repo.search(A, query({ labels: ['beach', 'dog'] }), 100, 0);
      assert.deepEqual(ids(response), ['ph_beach_dog_jul14', 'ph_beach_dog_aug31', 'ph_beach_undated']);
      assert.equal((await repo.search(A, query({ labels: ['beach', 'cat'] }), 100, 0)).total, 0);
    });

    it('matches dates in [takenFrom, takenTo): start inclusive, end exclusive, undated never', async () => {
      const summer = await repo.search(
        A,
        query({ labels: ['beach'], takenFrom: '2026-07-01T00:00:00', takenTo: '2026-09-01T00:00:00' }),
        100,
        0,
      );
      assert.deepEqual(ids(summer), [
        'ph_beach_jul01',
        'ph_a_same_time',
        'ph_beach_dog_jul14',
        'ph_beach_dog_aug31',
      ]);
      assert.deepEqual(summer.span, { first: '2026-07-01T00:00:00', last: '2026-08-31T23:59:59' });

      const fromOnly = await repo.search(A, query({ takenFrom: '2026-08-31T23:59:59' }), 100, 0);
      assert.deepEqual(ids(fromOnly), ['ph_beach_dog_aug31', 'ph_beach_sep01']);
      const toOnly = await repo.search(A, query({ takenTo: '2026-07-01T00:00:00' }), 100, 0);
      assert.deepEqual(ids(toOnly), ['ph_beach_jun30']);
    });

    it('answers an empty span when nothing matches', async () => {
      const response = await repo.search(A, query({ labels: ['snow'] }), 100, 0);
      assert.deepEqual(response, { total: 0, span: null, photos: [] });
    });

    it('never shows one owner the photos of another', async () => {
      assert.equal(ids(await repo.search(A, query({}), 100, 0)).includes('ph_other_owner'), false);
      assert.deepEqual(ids(await repo.search(B, query({ labels: ['dog'] }), 100, 0)), ['ph_other_owner']);
      assert.equal(await repo.getPhoto(A, 'ph_other_owner'), undefined);
      assert.equal(await repo.getPhoto(B, 'ph_beach_jul01'), undefined);
      assert.equal(await repo.findByContentHash(B, 'ph_beach_jul01-hash'), undefined);
    });

    it('returns facts that satisfy the contract, labels from every source', async () => {
      const facts = await repo.getPhoto(A, 'ph_beach_dog_aug31');
      assert.ok(facts);
      assert.ok(photoFactsSchema.safeParse(facts).success);
      assert.deepEqual(facts.labels, [
        { name: 'beach', source: 'folder', confidence: 0.8 },
        { name: 'dog', source: 'keyword', confidence: 1 },
      ]);
      assert.equal(facts.gps, null);
      assert.equal(facts.camera, null);
    });

    it('refuses a second row for the same owner and bytes', async () => {
      const copy = { ...record(A, 'ph_copy', '2026-01-01T00:00:00'), contentHash: 'ph_beach_jul01-hash' };
      assert.equal(await repo.insertPhoto(copy, keywords('cat')), false);
      assert.equal(await repo.getPhoto(A, 'ph_copy'), undefined);
    });
  });
