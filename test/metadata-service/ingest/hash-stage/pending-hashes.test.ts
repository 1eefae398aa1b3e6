import assert from 'node:assert/strict';
import { PhotoRepository } from '../../../../metadata-service/repositories/photo-repository';
import { describeOnEachEngine, type TestLibraryDatabase } from '../../repositories/library-engines';
import { photoRecord } from '../../repositories/photo-records';

const A = 'owner-a';
const B = 'owner-b';
const ROOT = '/photos';

describeOnEachEngine('pending perceptual hashes', (engine) => {
  let database: TestLibraryDatabase;
  let repo: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    repo = new PhotoRepository(database.db);
  });
  afterEach(() => database.cleanup());

  const store = (owner: string, id: string, overrides: Parameters<typeof photoRecord>[2] = {}) =>
    repo.insertPhoto(
      photoRecord(owner, id, {
        sourceRoot: ROOT,
        sourcePath: `${id}.jpg`,
        perceptualHash: null,
        ...overrides,
      }),
      [],
    );

  it("lists one owner's and one source's stills without a hash, in id order from a cursor", async () => {
    await store(A, 'ph_3');
    await store(A, 'ph_1');
    await store(A, 'ph_2', { perceptualHash: '00000000000000ff' });
    await store(A, 'ph_4', { mediaKind: 'video', mediaType: 'video/mp4' });
    await store(A, 'ph_5', { sourceRoot: '/elsewhere' });
    await store(B, 'ph_6');
    const page = await repo.listPendingHashes(A, ROOT, undefined, 10);
    assert.deepEqual(
      page.map((p) => [p.id, p.sourcePath]),
      [
        ['ph_1', 'ph_1.jpg'],
        ['ph_3', 'ph_3.jpg'],
      ],
    );
    assert.deepEqual(
      (await repo.listPendingHashes(A, ROOT, 'ph_1', 10)).map((p) => p.id),
      ['ph_3'],
    );
    assert.deepEqual(
      (await repo.listPendingHashes(A, ROOT, undefined, 1)).map((p) => p.id),
      ['ph_1'],
    );
  });

  it('stores hashes once, joins near-duplicates, and passes over a photo gone or hashed meanwhile', async () => {
    const at = '2024-05-01T10:00:00';
    await store(A, 'ph_1', { takenLocal: at, perceptualHash: '00000000000000ff' });
    await store(A, 'ph_2', { takenLocal: '2024-05-01T10:03:00' });
    await store(A, 'ph_3', { takenLocal: '2024-05-01T10:04:00' });
    const stored = await repo.storePerceptualHashes(A, [
      { photoId: 'ph_2', perceptualHash: '00000000000000fe' },
      { photoId: 'ph_3', perceptualHash: 'ffffffff00000000' },
      { photoId: 'ph_1', perceptualHash: 'ffffffffffffffff' },
      { photoId: 'ph_gone', perceptualHash: '0000000000000000' },
    ]);
    assert.equal(stored, 2, 'ph_1 had its hash, ph_gone is not there');
    assert.equal((await repo.getPhoto(A, 'ph_2'))?.duplicateGroupId, 'ph_1');
    assert.equal((await repo.getPhoto(A, 'ph_1'))?.duplicateGroupId, 'ph_1');
    assert.equal((await repo.getPhoto(A, 'ph_3'))?.duplicateGroupId, null);
    assert.deepEqual(await repo.listPendingHashes(A, ROOT, undefined, 10), []);
    assert.equal(
      await repo.storePerceptualHashes(B, [{ photoId: 'ph_2', perceptualHash: '0000000000000000' }]),
      0,
    );
  });
});
