import assert from 'node:assert/strict';
import { photoQuerySchema } from '../../../common/contracts';
import { ancestorsOf } from '../../../common/vocabulary';
import { PeopleRepository } from '../../../metadata-service/people/people-repository';
import { PeopleService } from '../../../metadata-service/people/people-service';
import { rebuildSearchCounts } from '../../../metadata-service/repositories/search-count-rebuild';
import { searchCountRows } from '../repositories/search-count-rows';
import { personIdFor } from '../../../metadata-service/repositories/names';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { createOriginalReader } from '../../../metadata-service/vision/original-reader';
import { VisionRepository } from '../../../metadata-service/vision/vision-repository';
import type { AnalysedFace } from '../../../metadata-service/vision/vision-types';
import { describeOnEachEngine, type TestLibraryDatabase } from '../repositories/library-engines';
import { photoRecord } from '../repositories/photo-records';

const A = 'owner-a';
const B = 'owner-b';
const MODEL = 'test-model/1';

/** A unit descriptor of one identity (cos 0.64 to the same identity's other faces, ~0 to others). */
function faceOf(identity: number, variant: number, left = 0.2): AnalysedFace {
  const v = new Float32Array(32);
  v[identity] = 0.8;
  v[16 + ((identity * 5 + variant) % 16)] = 0.6;
  return { box: { left, top: 0.2, width: 0.2, height: 0.25 }, score: 0.97, descriptor: v };
}

describeOnEachEngine('people from faces', (engine) => {
  let database: TestLibraryDatabase;
  let photos: PhotoRepository;
  let vision: VisionRepository;
  let people: PeopleService;

  beforeEach(async () => {
    database = await engine.open();
    photos = new PhotoRepository(database.db, { labelParents: ancestorsOf });
    vision = new VisionRepository(database.db, ancestorsOf);
    people = new PeopleService(new PeopleRepository(database.db), createOriginalReader(undefined));
  });
  afterEach(() => database.cleanup());

  const snapshot = () => searchCountRows(database.db);
  /** The maintained per-month counts must equal a full recount from the join tables. */
  const assertCountsConsistent = async (step: string) => {
    const maintained = await snapshot();
    await database.db.transaction().execute((trx) => rebuildSearchCounts(trx));
    assert.deepEqual(maintained, await snapshot(), step);
  };
  const search = async (owner: string, query: object) =>
    (await photos.search(owner, photoQuerySchema.parse(query), { limit: 100, offset: 0 })).photos
      .map((p) => p.id)
      .sort();
  const analyse = (photoId: string, faces: AnalysedFace[], labels = [{ label: 'dog', confidence: 0.6 }]) =>
    vision.saveAnalysis(
      A,
      photoId,
      MODEL,
      { labels: labels.map((l) => ({ ...l, source: 'vision' as const })), faces },
      '2026-11-25T12:00:00.000Z',
    );

  /** ph_1 (metadata names Mom) and ph_2, ph_3 show person 1; ph_4 shows person 2; two months. */
  async function libraryWithFaces(): Promise<{ mom: string; cluster1: string; cluster2: string }> {
    const months = [
      '2026-06-01T10:00:00',
      '2026-06-15T10:00:00',
      '2026-07-01T10:00:00',
      '2026-07-02T10:00:00',
    ];
    for (const [i, takenLocal] of months.entries()) {
      await photos.insertPhoto(
        photoRecord(A, `ph_${i + 1}`, { takenLocal, people: i === 0 ? ['Mom'] : [] }),
        [],
      );
    }
    assert.equal(await analyse('ph_1', [faceOf(1, 1)]), true);
    await analyse('ph_2', [faceOf(1, 2)]);
    await analyse('ph_3', [faceOf(1, 3)]);
    await analyse('ph_4', [faceOf(2, 4)], [{ label: 'cake', confidence: 0.7 }]);
    const summary = await people.cluster(A);
    assert.equal(summary.people, 2);
    const faces1 = await people.facesInPhoto(A, 'ph_2');
    const faces4 = await people.facesInPhoto(A, 'ph_4');
    const cluster1 = faces1?.[0]?.person?.id;
    const cluster2 = faces4?.[0]?.person?.id;
    assert.ok(cluster1 && cluster2 && cluster1 !== cluster2);
    return { mom: personIdFor(A, 'mom'), cluster1, cluster2 };
  }

  it('stores vision labels and faces, clusters faces into unnamed people that speech never hears of', async () => {
    const { mom, cluster1, cluster2 } = await libraryWithFaces();
    assert.deepEqual(await search(A, { labels: ['dog'] }), ['ph_1', 'ph_2', 'ph_3']);
    assert.deepEqual(await search(A, { labels: ['food'] }), ['ph_4'], 'cake is filed under food');
    assert.deepEqual(await search(A, { people: [cluster1] }), ['ph_1', 'ph_2', 'ph_3']);
    assert.deepEqual(await search(A, { people: [cluster2] }), ['ph_4']);

    const vocabulary = await photos.vocabulary(A);
    assert.deepEqual(
      vocabulary.people.map((p) => [p.id, p.name]),
      [[mom, 'Mom']],
      'unnamed clusters are not words',
    );
    const facts = await photos.getPhoto(A, 'ph_1');
    assert.deepEqual(facts?.people, [{ id: mom, name: 'Mom' }]);
    assert.deepEqual(
      facts?.labels.filter((l) => l.source === 'vision'),
      [{ name: 'dog', source: 'vision', confidence: 0.6 }],
    );
    assert.deepEqual((await photos.describePhotos(A, ['ph_2']))[0]?.people, []);

    const listed = await people.list(A);
    assert.deepEqual(
      listed.map((p) => [p.name, p.faceCount, p.photoCount]),
      [
        [null, 3, 3],
        [null, 1, 1],
        ['Mom', 0, 1],
      ],
    );
    await assertCountsConsistent('after clustering');
  });

  it('naming a cluster "mom" merges it into Mom from the metadata; her photos are found, captioned and spoken', async () => {
    const { mom, cluster1 } = await libraryWithFaces();
    assert.equal(await people.update(A, cluster1, { name: 'mom' }), mom);
    assert.equal(await people.get(A, cluster1), undefined, 'the cluster became Mom');
    assert.deepEqual(await search(A, { people: [mom] }), ['ph_1', 'ph_2', 'ph_3']);
    assert.deepEqual((await photos.describePhotos(A, ['ph_2']))[0]?.people, ['Mom']);
    const vocabulary = await photos.vocabulary(A);
    assert.deepEqual(
      vocabulary.people.map((p) => [p.name, p.photoCount]),
      [['Mom', 3]],
    );
    assert.deepEqual((await people.facesInPhoto(A, 'ph_3'))?.[0]?.person, {
      id: mom,
      name: 'Mom',
      hidden: false,
    });
    await assertCountsConsistent('after the merge');

    // Re-analysed without faces, ph_1 keeps Mom: its metadata named her, the face only agreed.
    await analyse('ph_1', []);
    await analyse('ph_2', []);
    await people.cluster(A);
    assert.deepEqual(await search(A, { people: [mom] }), ['ph_1', 'ph_3']);
    await assertCountsConsistent('after re-analysis');
  });

  it('naming a new name moves the cluster to that name; new faces of that person join the named person', async () => {
    const { cluster2 } = await libraryWithFaces();
    const grandpa = await people.update(A, cluster2, { name: 'Grandpa Joe' });
    assert.equal(grandpa, personIdFor(A, 'grandpa joe'));
    assert.deepEqual(await people.get(A, grandpa ?? ''), {
      id: grandpa,
      name: 'Grandpa Joe',
      hidden: false,
      photoCount: 1,
      faceCount: 1,
    });
    await photos.insertPhoto(photoRecord(A, 'ph_5', { takenLocal: '2026-08-01T10:00:00' }), []);
    await analyse('ph_5', [faceOf(2, 5)]);
    await people.cluster(A);
    assert.deepEqual(await search(A, { people: [grandpa] }), ['ph_4', 'ph_5']);
    await assertCountsConsistent('after a new face joined');
  });

  it('a hidden person (named or not) keeps their photos out of searches that do not name them', async () => {
    const { cluster2 } = await libraryWithFaces();
    assert.equal(await people.update(A, cluster2, { hidden: true }), cluster2);
    assert.deepEqual(await search(A, {}), ['ph_1', 'ph_2', 'ph_3']);
    assert.deepEqual(await search(A, { labels: ['food'] }), []);
    assert.deepEqual(await search(A, { people: [cluster2] }), ['ph_4'], 'asked for by id');
    // Named later, the person stays hidden.
    const named = await people.update(A, cluster2, { name: 'Ex' });
    assert.deepEqual(await search(A, {}), ['ph_1', 'ph_2', 'ph_3']);
    assert.equal((await people.get(A, named ?? ''))?.hidden, true);
    assert.deepEqual(
      (await photos.vocabulary(A)).people.map((p) => p.name),
      ['Mom'],
    );
    await assertCountsConsistent('after hiding');
  });

  it('a cluster that loses a photo is regrouped and keeps its id; one that loses all of them goes', async () => {
    const { cluster1, cluster2 } = await libraryWithFaces();
    await photos.deletePhotos(A, ['ph_2', 'ph_4']);
    await people.cluster(A);
    assert.deepEqual(await search(A, { people: [cluster1] }), ['ph_1', 'ph_3']);
    assert.equal(await people.get(A, cluster2), undefined);
    assert.deepEqual(
      (await people.list(A)).map((p) => [p.id, p.faceCount]),
      [
        [cluster1, 2],
        [personIdFor(A, 'mom'), 0],
      ],
    );
    await assertCountsConsistent('after deletes');
  });

  it('lists the photos a model version has not seen yet, biggest first; analysed and skipped ones are seen', async () => {
    for (const [i, bytes] of [100, 300, 200].entries()) {
      await photos.insertPhoto(photoRecord(A, `ph_${i + 1}`, { bytes }), []);
    }
    await photos.insertPhoto(photoRecord(A, 'ph_video', { mediaKind: 'video', mediaType: 'video/mp4' }), []);
    await photos.insertPhoto(photoRecord(B, 'ph_b'), []);
    const pending = async (model = MODEL) =>
      (await vision.pendingPhotos(A, '/photos', model)).map((p) => [p.photoId, p.sourcePath, p.uri]);
    assert.deepEqual(await pending(), [
      ['ph_2', 'ph_2.jpg', 'file:///photos/ph_2.jpg'],
      ['ph_3', 'ph_3.jpg', 'file:///photos/ph_3.jpg'],
      ['ph_1', 'ph_1.jpg', 'file:///photos/ph_1.jpg'],
    ]);
    await analyse('ph_2', []);
    await vision.recordSkip(A, 'ph_3', MODEL, 'could not be decoded', '2026-11-25T12:00:00.000Z');
    assert.deepEqual(await pending(), [['ph_1', 'ph_1.jpg', 'file:///photos/ph_1.jpg']]);
    assert.equal((await pending('test-model/2')).length, 3, 'a new model version sees everything again');
  });

  it("keeps owners apart: another owner can neither name nor see one's people and faces", async () => {
    const { cluster1 } = await libraryWithFaces();
    assert.equal(await people.update(B, cluster1, { name: 'Mallory' }), undefined);
    assert.equal(await people.facesInPhoto(B, 'ph_1'), undefined);
    assert.deepEqual(await people.list(B), []);
    assert.equal(await people.get(A, cluster1).then((p) => p?.name), null);
  });
});
