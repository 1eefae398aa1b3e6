import assert from 'node:assert/strict';
import { ancestorsOf } from '../../../common/vocabulary';
import { answersFor } from '../../../metadata-service/people/face-decisions-repository';
import { PeopleRepository } from '../../../metadata-service/people/people-repository';
import { PeopleService } from '../../../metadata-service/people/people-service';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { createOriginalReader } from '../../../metadata-service/vision/original-reader';
import { VisionRepository } from '../../../metadata-service/vision/vision-repository';
import type { AnalysedFace } from '../../../metadata-service/vision/vision-types';
import { describeOnEachEngine, type TestLibraryDatabase } from '../repositories/library-engines';
import { photoRecord } from '../repositories/photo-records';

const A = 'owner-a';
const MODEL = 'test-model/1';
const box = { left: 0.2, top: 0.2, width: 0.2, height: 0.25 };

/** Anna's k-th face: cos 0.64 to her others. */
function annaFace(k: number): AnalysedFace {
  const v = new Float32Array(32);
  v[0] = 0.8;
  v[10 + k] = 0.6;
  return { box, score: 0.97, descriptor: v };
}

/** A face whose average link to Anna's faces is `link`: below the named threshold, a question. */
function faceAt(link: number, axis = 31): AnalysedFace {
  const c = link / 0.8;
  const v = new Float32Array(32);
  v[0] = c;
  v[axis] = Math.sqrt(1 - c * c);
  return { box, score: 0.97, descriptor: v };
}

describe('face answers matched to stored faces', () => {
  it('applies an answer to the same face, or to a face found again in that photo under a new id', () => {
    const decisions = [
      { personId: 'pe_a', faceId: 'fa_old', photoId: 'ph_1', box, decision: 'rejected' as const },
      { personId: 'pe_b', faceId: 'fa_2', photoId: 'ph_2', box, decision: 'confirmed' as const },
    ];
    const answers = answersFor(
      [
        { id: 'fa_new', photoId: 'ph_1', box: { ...box, left: 0.21 } },
        { id: 'fa_elsewhere', photoId: 'ph_1', box: { ...box, left: 0.7 } },
        { id: 'fa_2', photoId: 'ph_2', box },
      ],
      decisions,
    );
    assert.deepEqual([...answers.refused], [['fa_new', new Set(['pe_a'])]]);
    assert.deepEqual([...answers.confirmed], [['fa_2', 'pe_b']]);
  });

  it('lets a later answer about the same face and person overrule an earlier one', () => {
    const answers = answersFor(
      [{ id: 'fa_1', photoId: 'ph_1', box }],
      [
        { personId: 'pe_a', faceId: 'fa_1', photoId: 'ph_1', box, decision: 'rejected' },
        { personId: 'pe_a', faceId: 'fa_1', photoId: 'ph_1', box, decision: 'confirmed' },
      ],
    );
    assert.equal(answers.confirmed.get('fa_1'), 'pe_a');
    assert.equal(answers.refused.get('fa_1')?.has('pe_a'), false);
  });
});

describeOnEachEngine('"is this X?" answered and remembered', (engine) => {
  let database: TestLibraryDatabase;
  let vision: VisionRepository;
  let people: PeopleService;

  beforeEach(async () => {
    database = await engine.open();
    const photos = new PhotoRepository(database.db, { labelParents: ancestorsOf });
    vision = new VisionRepository(database.db, ancestorsOf);
    people = new PeopleService(new PeopleRepository(database.db), createOriginalReader(undefined));
    for (let i = 1; i <= 5; i++) {
      await photos.insertPhoto(photoRecord(A, `ph_${i}`, { takenLocal: `2026-06-0${i}T10:00:00` }), []);
    }
  });
  afterEach(() => database.cleanup());

  const analyse = (photoId: string, faces: AnalysedFace[], model = MODEL) =>
    vision.saveAnalysis(A, photoId, model, { labels: [], faces }, '2026-11-25T12:00:00.000Z');
  const personIn = async (photoId: string) => (await people.facesInPhoto(A, photoId))?.[0]?.person;
  const faceIn = async (photoId: string) => (await people.facesInPhoto(A, photoId))?.[0]?.id ?? '';

  /** Anna in ph_1..ph_3 (named), a doubtful face in ph_4, someone else in ph_5. */
  async function annaNamed(): Promise<string> {
    for (const k of [1, 2, 3]) await analyse(`ph_${k}`, [annaFace(k)]);
    await analyse('ph_4', [faceAt(0.5)]);
    await analyse('ph_5', [faceAt(0, 5)]);
    await people.cluster(A);
    const cluster = await personIn('ph_1');
    assert.ok(cluster && cluster.name === null);
    const anna = await people.update(A, cluster.id, { name: 'Anna' });
    assert.ok(anna);
    assert.equal((await people.get(A, anna))?.photoCount, 3);
    return anna;
  }

  it('asks about the doubtful face only, and a yes puts its photo in the person for good', async () => {
    const anna = await annaNamed();
    const asked = await people.suggestions(A, anna);
    assert.ok(asked.kind === 'suggestions');
    assert.deepEqual(
      asked.suggestions.map((s) => s.photoId),
      ['ph_4'],
    );
    const answered = await people.answer(A, anna, await faceIn('ph_4'), 'confirmed');
    assert.ok(answered.kind === 'answered');
    assert.equal(answered.person.photoCount, 4);
    assert.equal((await personIn('ph_4'))?.id, anna);
    const after = await people.suggestions(A, anna);
    assert.ok(after.kind === 'suggestions' && after.suggestions.length === 0);
    // A new model finds the face again under a new id: the yes still holds.
    await analyse('ph_4', [faceAt(0.5)], 'test-model/2');
    await people.cluster(A);
    assert.equal((await personIn('ph_4'))?.id, anna);
  });

  it('a no keeps the face out of the person and out of the questions, across re-analysis', async () => {
    const anna = await annaNamed();
    const doubtful = await faceIn('ph_4');
    const answered = await people.answer(A, anna, doubtful, 'rejected');
    assert.ok(answered.kind === 'answered' && answered.person.photoCount === 3);
    const asked = await people.suggestions(A, anna);
    assert.ok(asked.kind === 'suggestions' && asked.suggestions.length === 0);
    // Found again by a newer model, now close enough to join her on its own: the owner's no wins.
    await analyse('ph_4', [faceAt(0.7)], 'test-model/2');
    await people.cluster(A);
    assert.notEqual((await personIn('ph_4'))?.id, anna);
    const again = await people.suggestions(A, anna);
    assert.ok(again.kind === 'suggestions' && again.suggestions.length === 0);
  });

  it('a no on a face already in the person takes its photo away from them', async () => {
    const anna = await annaNamed();
    const answered = await people.answer(A, anna, await faceIn('ph_2'), 'rejected');
    assert.ok(answered.kind === 'answered');
    assert.equal(answered.person.photoCount, 2);
    assert.notEqual((await personIn('ph_2'))?.id, anna);
    await people.cluster(A);
    assert.equal((await people.get(A, anna))?.photoCount, 2);
  });

  it('says what is missing: an unknown person, an unnamed one, an unknown face', async () => {
    const anna = await annaNamed();
    const stranger = await personIn('ph_5');
    assert.ok(stranger && stranger.name === null);
    assert.deepEqual(await people.suggestions(A, 'pe_nobody'), { kind: 'no-person' });
    assert.deepEqual(await people.suggestions(A, stranger.id), { kind: 'not-named' });
    assert.deepEqual(await people.answer(A, stranger.id, await faceIn('ph_4'), 'confirmed'), {
      kind: 'not-named',
    });
    assert.deepEqual(await people.answer(A, anna, 'fa_nobody', 'confirmed'), { kind: 'no-face' });
    assert.deepEqual(await people.suggestions('owner-b', anna), { kind: 'no-person' });
  });
});
