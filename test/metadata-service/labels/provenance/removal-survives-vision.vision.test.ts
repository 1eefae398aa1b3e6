import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../../../common/database';
import { photoFactsSchema } from '../../../../common/contracts';
import type { LibraryDatabase } from '../../../../metadata-service/database/schema';
import { createLibrary, type Library } from '../../../../metadata-service/library';
import { LOCAL_MODEL_VERSION } from '../../../../metadata-service/vision/local-provider';
import { makeTempDir, silentLogger, type TempDir } from '../../support/fixtures';
import { visionTestPhotos } from '../../vision/vision-test-photos';

const OWNER = 'vision-removal-owner';

/*
 * The real vision stage (local models, two workers) on real photos: what it says carries its model and confidence,
 * and a label or face the owner removed is not brought back when the photos are analysed again (as a new model
 * version would: the photos' vision records are dropped and the ingest's vision phase runs its ordinary path).
 */
describe('removals survive re-analysis by the real vision stage (darknet, dlib johns)', function () {
  this.timeout(240_000);
  let tmp: TempDir;
  let folder: string;
  let databaseFile: string;
  let library: Library;
  const idOf = new Map<string, string>();

  before(async function () {
    const photos = visionTestPhotos(this);
    tmp = await makeTempDir('pf-vision-removal-');
    folder = join(tmp.path, 'photos');
    await mkdir(join(folder, 'darknet'), { recursive: true });
    await copyFile(photos.darknet('dog.jpg'), join(folder, 'darknet', 'dog.jpg'));
    // Three chips of one person, so the faces make a person whose photos can be searched.
    const john = join(photos.johns, 'John_Salley');
    await mkdir(join(folder, 'john'), { recursive: true });
    for (const file of (await readdir(john)).sort().slice(0, 3)) {
      await copyFile(join(john, file), join(folder, 'john', file));
    }
    databaseFile = join(tmp.path, 'library.sqlite');
    library = await createLibrary({
      database: { kind: 'sqlite', file: databaseFile },
      logger: silentLogger,
      vision: { provider: 'local', workers: 2 },
    });
    const first = await library.ingest(folder, { ownerId: OWNER, vision: 'wait' });
    assert.equal(first.vision?.state, 'done');
    for (const photo of (await library.api.search(OWNER, { query: {}, limit: 100 })).photos)
      idOf.set(photo.source.path, photo.id);
  });
  after(async () => {
    await library?.close();
    await tmp?.cleanup();
  });

  const id = (path: string) => idOf.get(path) ?? assert.fail(`no photo ${path}`);
  const johnPaths = () => [...idOf.keys()].filter((p) => p.startsWith('john/')).sort();
  const reanalyse = async () => {
    const db = openDatabase<LibraryDatabase>({ kind: 'sqlite', file: databaseFile });
    try {
      await db.deleteFrom('photo_vision').where('owner_id', '=', OWNER).execute();
    } finally {
      await db.destroy();
    }
    const again = await library.ingest(folder, { ownerId: OWNER, vision: 'wait' });
    assert.ok(again.vision?.state === 'done');
    assert.equal(again.vision.analysed, idOf.size, 'every photo analysed again');
  };

  it('gives vision labels and faces their provider, model version and confidence', async () => {
    const facts = photoFactsSchema.parse(await library.api.getPhoto(OWNER, id('darknet/dog.jpg')));
    const dog = facts.provenance?.labels.find((l) => l.name === 'dog');
    assert.ok(dog, 'dog.jpg has a dog');
    const vision = dog.sources.find((s) => s.kind === 'vision');
    assert.ok(vision?.kind === 'vision');
    assert.equal(vision.provider, 'local');
    assert.equal(vision.modelVersion, LOCAL_MODEL_VERSION);
    const stored = facts.labels.find((l) => l.name === 'dog' && l.source === 'vision');
    assert.equal(vision.confidence, stored?.confidence);

    const chip = photoFactsSchema.parse(await library.api.getPhoto(OWNER, id(johnPaths()[0] ?? '')));
    const faces = chip.provenance?.people.flatMap((p) => p.sources) ?? [];
    assert.ok(faces.length > 0, 'the chip shows its person by a face');
    for (const face of faces) {
      assert.ok(face.kind === 'face');
      assert.equal(face.modelVersion, LOCAL_MODEL_VERSION);
      assert.ok(face.score > 0 && face.score <= 1);
    }
  });

  it('keeps a removed vision label and a removed face away after the photos are analysed again', async () => {
    const dogPhoto = id('darknet/dog.jpg');
    const before = await library.api.getPhoto(OWNER, dogPhoto);
    const otherVisionLabels = before.labels
      .filter((l) => l.source === 'vision' && l.name !== 'dog')
      .map((l) => l.name);
    assert.ok(otherVisionLabels.includes('bicycle'));
    await library.api.removePhotoLabel(OWNER, dogPhoto, 'dog');

    const chipPath = johnPaths()[0] ?? '';
    const chip = id(chipPath);
    const [face] = (await library.api.facesInPhoto(OWNER, chip)).faces;
    assert.ok(face?.id && face.person, 'the chip has a clustered face');
    const person = face.person.id;
    const personPhotos = async () =>
      (await library.api.search(OWNER, { query: { people: [person] }, limit: 100 })).photos
        .map((p) => p.source.path)
        .sort();
    assert.ok((await personPhotos()).includes(chipPath));
    await library.api.removePhotoFace(OWNER, chip, face.id);
    assert.ok(!(await personPhotos()).includes(chipPath), 'the face no longer puts the person on the chip');

    await reanalyse();

    const after = await library.api.getPhoto(OWNER, dogPhoto);
    assert.ok(!after.labels.some((l) => l.name === 'dog'), 'dog stays removed');
    assert.ok(!after.provenance?.labels.some((l) => l.name === 'dog'));
    // The analysis did run: the labels not removed came back from it.
    for (const label of otherVisionLabels)
      assert.ok(
        after.labels.some((l) => l.name === label && l.source === 'vision'),
        label,
      );
    const dogs = await library.api.search(OWNER, { query: { labels: ['dog'] }, limit: 100 });
    assert.ok(!dogs.photos.some((p) => p.id === dogPhoto));

    const facesAfter = (await library.api.facesInPhoto(OWNER, chip)).faces;
    assert.deepEqual(facesAfter, [], 'the removed face is not found again');
    const chipFacts = await library.api.getPhoto(OWNER, chip);
    assert.deepEqual(chipFacts.provenance?.people, []);
    // The other chips still have their faces.
    for (const other of johnPaths().slice(1))
      assert.ok((await library.api.facesInPhoto(OWNER, id(other))).faces.length > 0, other);
  });
});
