import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { photoQuerySchema } from '../../../common/contracts';
import { ancestorsOf } from '../../../common/vocabulary';
import { fileStoredLabelsUnderAncestors } from '../../../metadata-service/repositories/label-ancestor-filing';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { rebuildSearchCounts } from '../../../metadata-service/repositories/search-count-rebuild';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { photoRecord } from './photo-records';
import { searchCountRows } from './search-count-rows';

const A = 'owner-a';
const B = 'owner-b';
const keyword = (label: string) => ({ label, source: 'keyword' as const, confidence: 1 });

/** The vocabulary before dogs and cats were pets: what a library stored before the change was filed under. */
const OLD_ANCESTORS = (label: string): string[] =>
  label === 'dog' || label === 'cat' ? ['animal'] : ancestorsOf(label);

describeOnEachEngine('stored photos filed under the parents their labels gained', (engine) => {
  let database: TestLibraryDatabase;
  let photos: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    photos = new PhotoRepository(database.db, { labelParents: OLD_ANCESTORS });
    await photos.insertPhoto(photoRecord(A, 'ph_dog', { takenLocal: '2026-07-14T10:00:00' }), [
      keyword('dog'),
    ]);
    await photos.insertPhoto(photoRecord(A, 'ph_cat', { takenLocal: '2025-03-02T10:00:00' }), [
      { label: 'cat', source: 'vision', confidence: 0.95 },
    ]);
    await photos.insertPhoto(photoRecord(A, 'ph_bird', { takenLocal: '2026-07-15T10:00:00' }), [
      keyword('bird'),
    ]);
    await photos.insertPhoto(photoRecord(A, 'ph_not_a_pet', { takenLocal: '2026-07-16T10:00:00' }), [
      keyword('dog'),
    ]);
    await photos.insertPhoto(photoRecord(B, 'ph_b_dog', { takenLocal: '2026-07-14T10:00:00' }), [
      keyword('dog'),
    ]);
    // The owner said this photo is no pet (a stray dog): that stays so.
    await sql`insert into label_suppressions (owner_id, photo_id, source_root, source_path, label, removed_at)
      values (${A}, 'ph_not_a_pet', '/photos', 'ph_not_a_pet.jpg', 'pet', '2026-11-01T00:00:00.000Z')`.execute(
      database.db,
    );
  });
  afterEach(() => database.cleanup());

  const found = async (ownerId: string, label: string) =>
    (await photos.search(ownerId, photoQuerySchema.parse({ labels: [label] }), { limit: 10, offset: 0 }))
      .total;

  it('"pets" finds the dogs and cats stored before, for each owner, and the counts equal a full rebuild', async () => {
    assert.equal(await found(A, 'pet'), 0, 'the old filing has no pets');

    assert.deepEqual(await fileStoredLabelsUnderAncestors(database.db, ancestorsOf), ['pet']);

    assert.equal(await found(A, 'pet'), 2);
    assert.equal(await found(B, 'pet'), 1);
    assert.equal(await found(A, 'animal'), 4, 'the old parents stay');
    const maintained = await searchCountRows(database.db);
    await database.db.transaction().execute((trx) => rebuildSearchCounts(trx));
    assert.deepEqual(maintained, await searchCountRows(database.db));
  });

  it("files nothing twice: a second run, or a library written with today's vocabulary, gains nothing", async () => {
    await fileStoredLabelsUnderAncestors(database.db, ancestorsOf);
    assert.deepEqual(await fileStoredLabelsUnderAncestors(database.db, ancestorsOf), []);
    const current = new PhotoRepository(database.db, { labelParents: ancestorsOf });
    await current.insertPhoto(photoRecord(A, 'ph_new_dog', { takenLocal: '2026-08-01T10:00:00' }), [
      keyword('dog'),
    ]);
    assert.deepEqual(await fileStoredLabelsUnderAncestors(database.db, ancestorsOf), []);
    assert.equal(await found(A, 'pet'), 3);
  });
});
