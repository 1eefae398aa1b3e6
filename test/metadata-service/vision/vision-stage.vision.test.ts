import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import sharp from 'sharp';
import { peopleResponseSchema, personSchema, photoFacesSchema } from '../../../common/contracts';
import { createLibrary, type IngestReport, type Library } from '../../../metadata-service/library';
import { makeTempDir, silentLogger, type TempDir } from '../support/fixtures';
import { SERVICE_AUTH, authenticateV1 } from '../../support/test-credentials';
import { visionTestPhotos, type VisionTestPhotos } from './vision-test-photos';

const OWNER = 'vision-owner';

describe('vision on real photos (darknet, dlib)', function () {
  // One analysed library for every test here: ~60 photos on 2 workers.
  this.timeout(180_000);
  let photos: VisionTestPhotos;
  let tmp: TempDir;
  let folder: string;
  let library: Library;
  let first: IngestReport;
  let server: Server;
  let base: string;
  const idOf = new Map<string, string>();

  before(async function () {
    photos = visionTestPhotos(this);
    tmp = await makeTempDir('pf-vision-');
    folder = join(tmp.path, 'photos');
    await mkdir(join(folder, 'darknet'), { recursive: true });
    await mkdir(join(folder, 'dlib'), { recursive: true });
    for (const name of ['dog.jpg', 'person.jpg', 'horses.jpg'])
      await copyFile(photos.darknet(name), join(folder, 'darknet', name));
    await copyFile(photos.dlibFaces('dogs.jpg'), join(folder, 'dlib', 'dogs.jpg'));
    for (const name of await readdir(photos.johns)) {
      await mkdir(join(folder, 'johns', name), { recursive: true });
      for (const file of await readdir(join(photos.johns, name))) {
        await copyFile(join(photos.johns, name, file), join(folder, 'johns', name, file));
      }
    }
    library = await createLibrary({
      database: { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') },
      logger: silentLogger,
      vision: { provider: 'local', workers: 2 },
    });
    first = await library.ingest(folder, { ownerId: OWNER, vision: 'wait' });
    const all = await library.api.search(OWNER, { query: {}, limit: 1000 });
    for (const photo of all.photos) idOf.set(photo.source.path, photo.id);
    const app = express();
    authenticateV1(app);
    app.use('/v1/library', library.router);
    server = app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/library`;
  });
  after(async () => {
    server?.close();
    await library?.close();
    await tmp?.cleanup();
  });

  const visionLabels = async (path: string) => {
    const facts = await library.api.getPhoto(OWNER, idOf.get(path) ?? '');
    return new Map(facts.labels.filter((l) => l.source === 'vision').map((l) => [l.name, l.confidence]));
  };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...SERVICE_AUTH,
        'x-photo-owner': OWNER,
        ...(init.headers ?? {}),
      },
    });

  it('analyses every photo once and reports the vision phase', () => {
    assert.equal(first.vision?.state, 'done');
    assert.ok(first.vision?.state === 'done');
    // 59 files; one johns chip is a byte-identical copy of another (a DUPLICATE_CONTENT skip).
    assert.equal(first.added, 58);
    assert.equal(first.vision.analysed, 58);
    assert.deepEqual(first.vision.skipped, []);
    assert.equal(first.vision.people, 5);
  });

  it('finds dog, car and bicycle in dog.jpg; person, dog and horse in person.jpg; horses in horses.jpg', async () => {
    const dog = await visionLabels('darknet/dog.jpg');
    for (const label of ['dog', 'car', 'bicycle'])
      assert.ok((dog.get(label) ?? 0) >= 0.25, `${label} in dog.jpg`);
    // Cars suggest a street: a derived tag, with a low confidence that never answers; a car is no city.
    assert.ok((dog.get('street') ?? 1) <= 0.5);
    assert.ok(!dog.has('city'));
    const person = await visionLabels('darknet/person.jpg');
    for (const label of ['person', 'dog', 'horse']) assert.ok(person.has(label), `${label} in person.jpg`);
    const horses = await visionLabels('darknet/horses.jpg');
    assert.ok(horses.has('horse'));
    assert.ok(!horses.has('dog'));
    // Searchable like any label, parents included.
    const animals = await library.api.search(OWNER, { query: { labels: ['dog'] }, limit: 100 });
    const paths = animals.photos.map((p) => p.source.path).sort();
    assert.deepEqual(paths, ['darknet/dog.jpg', 'darknet/person.jpg', 'dlib/dogs.jpg']);
  });

  it('never makes a person of a dog: no face kept in dlib dogs.jpg', async () => {
    const faces = await library.api.facesInPhoto(OWNER, idOf.get('dlib/dogs.jpg') ?? '');
    assert.deepEqual(faces.faces, []);
    assert.ok((await visionLabels('dlib/dogs.jpg')).has('dog'));
  });

  it('clusters the five johns into five pure people, each with its own face picture', async () => {
    const listed = peopleResponseSchema.parse(await (await call('/people')).json()).people;
    const clusters = listed.filter((p) => p.faceCount > 0);
    assert.equal(clusters.length, 5);
    const identities = new Set<string>();
    for (const person of clusters) {
      assert.equal(person.name, null, 'not named yet');
      const found = await library.api.search(OWNER, { query: { people: [person.id] }, limit: 100 });
      const folders = new Set(found.photos.map((p) => p.source.path.split('/')[1]));
      assert.equal(folders.size, 1, `cluster ${person.id} is one identity: ${[...folders].join(', ')}`);
      assert.ok(person.faceCount >= 10, `${person.faceCount} faces`);
      identities.add([...folders][0] ?? '');
      const face = await call(`/people/${person.id}/face`);
      assert.equal(face.status, 200);
      assert.equal(face.headers.get('content-type'), 'image/jpeg');
      const meta = await sharp(Buffer.from(await face.arrayBuffer())).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 160, 160]);
    }
    assert.equal(identities.size, 5);
  });

  it('names a cluster "Mom" over HTTP: her photos are found by free text, and "who is this?" knows her', async () => {
    const path = 'johns/John_Salley/000179_02159509.jpg';
    const before = photoFacesSchema.parse(await (await call(`/photos/${idOf.get(path)}/faces`)).json());
    assert.equal(before.faces.length, 1);
    const clusterId = before.faces[0]?.person?.id ?? '';
    assert.equal(before.faces[0]?.person?.name, null);
    const renamed = await call(`/people/${clusterId}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Mom' }),
    });
    assert.equal(renamed.status, 200);
    const mom = personSchema.parse(await renamed.json());
    assert.equal(mom.name, 'Mom');
    assert.equal(mom.photoCount, 11);

    const found = await library.api.search(OWNER, { q: 'photos of Mom', limit: 100 });
    assert.equal(found.total, 11);
    assert.ok(found.photos.every((p) => p.source.path.startsWith('johns/John_Salley/')));
    const who = await library.api.facesInPhoto(OWNER, idOf.get(path) ?? '');
    assert.deepEqual(who.faces[0]?.person, { id: mom.id, name: 'Mom', hidden: false });
    assert.ok(
      (await library.api.vocabulary(OWNER)).people.some((p) => p.name === 'Mom' && p.photoCount === 11),
    );

    const badName = await call(`/people/${mom.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: '  !! ' }),
    });
    assert.equal(badName.status, 400);
    const unknown = await call('/people/pe_nobody', {
      method: 'PATCH',
      body: JSON.stringify({ hidden: true }),
    });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'PERSON_NOT_FOUND');
  });

  it('is resumable: a second ingest analyses nothing and keeps every person', async () => {
    const peopleBefore = (await library.api.listPeople(OWNER)).map((p) => p.id).sort();
    const again = await library.ingest(folder, { ownerId: OWNER, vision: 'wait' });
    assert.ok(again.vision?.state === 'done');
    assert.equal(again.vision.analysed, 0);
    assert.equal(again.vision.clusteredFaces, 0);
    assert.deepEqual((await library.api.listPeople(OWNER)).map((p) => p.id).sort(), peopleBefore);
  });
});
