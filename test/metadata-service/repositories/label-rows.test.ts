import assert from 'node:assert/strict';
import { photoQuerySchema } from '../../../common/contracts';
import { ancestorsOf } from '../../../common/vocabulary';
import type { LabelSource } from '../../../metadata-service/database/schema';
import { rebuildSearchCounts } from '../../../metadata-service/repositories/search-count-rebuild';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { VisionRepository } from '../../../metadata-service/vision/vision-repository';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { photoRecord } from './photo-records';

const A = 'owner-a';
const evidence = (label: string, source: LabelSource, confidence: number) => ({ label, source, confidence });

describeOnEachEngine('searchable label rows and thresholds', (engine) => {
  let database: TestLibraryDatabase;
  let photos: PhotoRepository;
  let vision: VisionRepository;

  beforeEach(async () => {
    database = await engine.open();
    photos = new PhotoRepository(database.db, { labelParents: ancestorsOf });
    vision = new VisionRepository(database.db, ancestorsOf);
  });
  afterEach(() => database.cleanup());

  const sources = async (photoId: string) =>
    (
      await database.db
        .selectFrom('photo_label_sources')
        .select(['label', 'source', 'confidence'])
        .where('photo_id', '=', photoId)
        .orderBy('label')
        .orderBy('source')
        .execute()
    ).map((row) => [row.label, row.source, Number(row.confidence)]);
  const searchable = async (photoId: string) =>
    (
      await database.db
        .selectFrom('photo_labels')
        .select('label')
        .where('photo_id', '=', photoId)
        .orderBy('label')
        .execute()
    ).map((row) => row.label);
  const found = async (label: string) =>
    (await photos.search(A, photoQuerySchema.parse({ labels: [label] }), { limit: 10, offset: 0 })).total;
  const labelCounts = async () =>
    (
      await database.db
        .selectFrom('search_key_months')
        .select(['key', 'month', 'photos'])
        .where('kind', '=', 'label')
        .orderBy('key')
        .orderBy('month')
        .execute()
    ).map((row) => `${row.key} ${row.month} ${Number(row.photos)}`);
  /** The maintained counts must equal a full recount from the searchable rows. */
  const assertCountsConsistent = async (step: string) => {
    const maintained = await labelCounts();
    await database.db.transaction().execute((trx) => rebuildSearchCounts(trx));
    assert.deepEqual(maintained, await labelCounts(), step);
  };

  it('keeps a 0.4 derived scene tag as evidence but does not file it; a keyword always answers', async () => {
    await photos.insertPhoto(photoRecord(A, 'ph_1'), [
      evidence('street', 'vision', 0.4),
      evidence('dog', 'vision', 0.9),
      evidence('lake', 'keyword', 1),
    ]);
    assert.deepEqual(await sources('ph_1'), [
      ['dog', 'vision', 0.9],
      ['lake', 'keyword', 1],
      ['street', 'vision', 0.4],
    ]);
    assert.deepEqual(await searchable('ph_1'), ['animal', 'dog', 'lake', 'nature', 'pet', 'water']);
    assert.equal(await found('street'), 0);
    assert.equal(await found('dog'), 1);
    assert.equal(await found('lake'), 1);
    assert.equal(await found('animal'), 1);
    assert.ok(!(await labelCounts()).some((row) => row.startsWith('street ')));
    await assertCountsConsistent('after insert');
  });

  it('files nothing, parents included, for a vision label under its threshold', async () => {
    await photos.insertPhoto(photoRecord(A, 'ph_1'), [evidence('dog', 'vision', 0.3)]);
    assert.deepEqual(await searchable('ph_1'), []);
    assert.equal(await found('animal'), 0);
    assert.deepEqual(await sources('ph_1'), [['dog', 'vision', 0.3]]);
    await assertCountsConsistent('after insert');
  });

  it("answers for the owner's own words whatever their confidence: folders, sidecars, keywords", async () => {
    await photos.insertPhoto(photoRecord(A, 'ph_1'), [
      evidence('beach', 'folder', 0.8),
      evidence('sunrise', 'sidecar', 0.3),
      evidence('sunset', 'vision', 0.59),
    ]);
    assert.deepEqual(await searchable('ph_1'), ['beach', 'nature', 'sunrise']);
  });

  it('refiles when a new vision pass raises or lowers a label past its threshold, counts following', async () => {
    await photos.insertPhoto(photoRecord(A, 'ph_1'), [evidence('lake', 'keyword', 1)]);
    await photos.insertPhoto(photoRecord(A, 'ph_2', { takenLocal: '2025-03-01T10:00:00' }), []);
    const analyse = (photoId: string, labels: ReturnType<typeof evidence>[]) =>
      vision.saveAnalysis(A, photoId, 'test-model', { labels, faces: [] }, '2026-11-25T12:00:00.000Z');

    assert.equal(await analyse('ph_2', [evidence('street', 'vision', 0.9)]), true);
    assert.deepEqual(await searchable('ph_2'), ['street']);
    assert.equal(await found('street'), 1);
    await assertCountsConsistent('raised');

    assert.equal(await analyse('ph_2', [evidence('street', 'vision', 0.3)]), true);
    assert.deepEqual(await searchable('ph_2'), []);
    assert.deepEqual(await sources('ph_2'), [['street', 'vision', 0.3]]);
    assert.equal(await found('street'), 0);
    assert.ok(!(await labelCounts()).some((row) => row.startsWith('street ')));
    await assertCountsConsistent('lowered');

    // A photo with a keyword keeps answering for it whatever vision says about the same label.
    assert.equal(await analyse('ph_1', [evidence('lake', 'vision', 0.2)]), true);
    assert.deepEqual(await searchable('ph_1'), ['lake', 'nature', 'water']);
    await assertCountsConsistent('keyword and weak vision');
  });
});
