import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import {
  errorResponseSchema,
  photoFactsSchema,
  searchResponseSchema,
  type PhotoFacts,
} from '../../../../common/contracts';
import { emptyFolderChanges } from '../../../../metadata-service/ingest/watch/folder-changes';
import { createLibrary, type Library } from '../../../../metadata-service/library';
import { scratchEngines, type ScratchDatabase } from '../../../support/scratch-databases';
import { SERVICE_AUTH, authenticateV1 } from '../../../support/test-credentials';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../../support/fixtures';

const OWNER = 'owner-prov';
const OTHER = 'owner-other';

for (const engine of scratchEngines()) {
  describe(`label provenance and removal over HTTP on ${engine.name}`, function () {
    this.timeout(60_000);
    let tmp: TempDir;
    let photos: string;
    let database: ScratchDatabase;
    let library: Library;
    let server: Server;
    let base: string;

    beforeEach(async () => {
      tmp = await makeTempDir('pf-provenance-');
      photos = join(tmp.path, 'photos');
      await mkdir(photos);
      database = await engine.create();
      library = await createLibrary({ database: database.location, logger: silentLogger });
      const app = express();
      authenticateV1(app);
      app.use('/v1/library', library.router);
      server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/library`;
    });
    afterEach(async () => {
      server.close();
      await library.close();
      await database.drop();
      await tmp.cleanup();
    });

    const call = async (path: string, init: RequestInit = {}, owner = OWNER) => {
      const response = await fetch(`${base}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...SERVICE_AUTH, 'x-photo-owner': owner },
      });
      return { status: response.status, json: await response.json() };
    };
    const facts = async (id: string, owner = OWNER): Promise<PhotoFacts> => {
      const { status, json } = await call(`/photos/${id}`, {}, owner);
      assert.equal(status, 200);
      return photoFactsSchema.parse(json);
    };
    const search = async (body: unknown, owner = OWNER) => {
      const { status, json } = await call('/search', { method: 'POST', body: JSON.stringify(body) }, owner);
      assert.equal(status, 200, JSON.stringify(json));
      return searchResponseSchema.parse(json);
    };
    const found = async (label: string) =>
      (await search({ query: { labels: [label] } })).photos.map((p) => p.source.path);
    const onlyPhotoId = async (owner = OWNER) => {
      const all = await search({ query: {} }, owner);
      assert.equal(all.photos.length, 1);
      return all.photos[0]?.id ?? '';
    };
    const ingest = (owner = OWNER) => library.ingest(photos, { ownerId: owner });

    it('says where each label came from: the keyword as written, the folder, none for parents', async () => {
      await writeJpeg(join(photos, 'Beach 2026', 'a.jpg'), { seed: 1, keywords: ['Seaside', 'Dogs'] });
      await ingest();
      const id = await onlyPhotoId();
      const { provenance } = await facts(id);
      assert.ok(provenance);
      const byName = new Map(provenance.labels.map((l) => [l.name, l]));
      assert.deepEqual(byName.get('beach')?.sources, [
        { kind: 'folder', confidence: 0.8, folder: 'Beach 2026' },
        { kind: 'keyword', confidence: 1, keyword: 'Seaside' },
      ]);
      assert.deepEqual(byName.get('dog')?.sources, [{ kind: 'keyword', confidence: 1, keyword: 'Dogs' }]);
      assert.equal(byName.get('dog')?.answersSearch, true);
      // "animal" is filed (dog's parent) but no source said it: it is explained through dog, not listed here.
      assert.ok(!byName.has('animal'));
      assert.deepEqual(provenance.people, []);
    });

    it('explains per photo which label matched through which source, and explains nothing unasked', async () => {
      await writeJpeg(join(photos, 'Beach 2026', 'a.jpg'), {
        seed: 1,
        keywords: ['Dogs'],
        dateTimeOriginal: '2026:07:04 10:00:00',
      });
      await writeJpeg(join(photos, 'b.jpg'), { seed: 2, keywords: ['Cat'] });
      await ingest();
      const answer = await search({
        query: { labels: ['animal'], takenFrom: '2026-07-01T00:00:00', takenTo: '2026-07-31T00:00:00' },
        explain: true,
      });
      assert.equal(answer.total, 1);
      assert.deepEqual(answer.explanations, [
        {
          photoId: answer.photos[0]?.id,
          labels: [
            {
              asked: 'animal',
              matchedBy: 'dog',
              sources: [{ kind: 'keyword', confidence: 1, keyword: 'Dogs' }],
            },
          ],
          people: [],
          place: null,
          date: { takenLocal: '2026-07-04T10:00:00', takenTimeSource: 'exif-local-only' },
        },
      ]);
      // Free text is explained against the query it became.
      const text = await search({ q: 'cat', explain: true });
      assert.equal(text.total, 1);
      assert.equal(text.explanations?.[0]?.labels[0]?.matchedBy, 'cat');
      // Without explain, nothing extra.
      assert.equal((await search({ query: { labels: ['animal'] } })).explanations, undefined);
      const wrongType = await call('/search', { method: 'POST', body: JSON.stringify({ explain: 'yes' }) });
      assert.equal(wrongType.status, 400);
    });

    it('removes a keyword label for good: gone from facts, search, parents and counts, also after re-ingesting the unchanged and the changed file', async () => {
      const path = join(photos, 'Beach 2026', 'a.jpg');
      await writeJpeg(path, { seed: 1, keywords: ['Seaside', 'Dogs'] });
      await ingest();
      const id = await onlyPhotoId();
      assert.deepEqual(await found('animal'), ['Beach 2026/a.jpg']);

      const removed = await call(`/photos/${id}/labels/dog`, { method: 'DELETE' });
      assert.equal(removed.status, 200);
      const after = photoFactsSchema.parse(removed.json);
      assert.deepEqual(after.labels.map((l) => l.name).sort(), ['beach', 'beach']);
      assert.deepEqual(await found('dog'), []);
      assert.deepEqual(await found('animal'), [], 'a removed label files no parent');
      assert.deepEqual(await found('beach'), ['Beach 2026/a.jpg']);
      const vocabulary = await library.api.vocabulary(OWNER);
      assert.ok(!vocabulary.labels.some((l) => l.name === 'dog' && l.photoCount > 0), 'counts follow');

      // Unchanged file: nothing is re-read, nothing comes back.
      await ingest();
      assert.deepEqual(await found('dog'), []);
      // Changed file at the same path (an edit): a new photo id, same removal.
      await writeJpeg(path, { seed: 9, keywords: ['Seaside', 'Dogs'] });
      const report = await ingest();
      assert.equal(report.added + report.updated, 1);
      const newId = await onlyPhotoId();
      assert.notEqual(newId, id);
      assert.deepEqual(await found('dog'), []);
      assert.deepEqual(await found('beach'), ['Beach 2026/a.jpg']);
      assert.ok(!(await facts(newId)).labels.some((l) => l.name === 'dog'));
    });

    it('keeps a removed label away when a tagging tool edits the XMP sidecar (watched-folder pass), and says which caption gave a label', async () => {
      const sidecar = (keywords: string[], title: string) =>
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>` +
        `<dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${k}</rdf:li>`).join('')}</rdf:Bag></dc:subject>` +
        '</rdf:Description></rdf:RDF></x:xmpmeta>';
      await writeJpeg(join(photos, 'IMG_3.jpg'), { seed: 13 });
      await writeFile(join(photos, 'IMG_3.xmp'), sidecar(['Dog'], 'Birthday party'));
      await library.ingestChanges(
        photos,
        { ...emptyFolderChanges(), changed: ['IMG_3.jpg'] },
        { ownerId: OWNER },
      );
      const id = await onlyPhotoId();
      const birthday = (await facts(id)).provenance?.labels.find((l) => l.name === 'birthday');
      assert.deepEqual(birthday?.sources, [{ kind: 'sidecar', confidence: 1, text: 'Birthday party' }]);
      assert.equal((await call(`/photos/${id}/labels/dog`, { method: 'DELETE' })).status, 200);

      await writeFile(join(photos, 'IMG_3.xmp'), sidecar(['Dog', 'Cat'], 'Birthday party'));
      const report = await library.ingestChanges(
        photos,
        { ...emptyFolderChanges(), sidecars: ['IMG_3.xmp'] },
        { ownerId: OWNER },
      );
      assert.equal(report.refreshed, 1);
      assert.deepEqual(await found('cat'), ['IMG_3.jpg'], 'the edit was read');
      assert.deepEqual(await found('dog'), []);
      assert.ok(!(await facts(id)).labels.some((l) => l.name === 'dog'));
    });

    it('removes a label every source gave (keyword and folder) at once', async () => {
      await writeJpeg(join(photos, 'Beach 2026', 'a.jpg'), { seed: 1, keywords: ['Seaside'] });
      await ingest();
      const id = await onlyPhotoId();
      assert.equal((await call(`/photos/${id}/labels/beach`, { method: 'DELETE' })).status, 200);
      assert.deepEqual((await facts(id)).provenance?.labels, []);
      assert.deepEqual(await found('beach'), []);
    });

    it('keeps removals to their owner and answers bad requests with codes', async () => {
      await writeJpeg(join(photos, 'a.jpg'), { seed: 1, keywords: ['Dogs'] });
      await ingest();
      await ingest(OTHER);
      const mine = await onlyPhotoId();
      const theirs = await onlyPhotoId(OTHER);
      assert.notEqual(mine, theirs);

      const codeOf = (json: unknown) => errorResponseSchema.parse(json).error.code;
      const foreign = await call(`/photos/${theirs}/labels/dog`, { method: 'DELETE' });
      assert.deepEqual([foreign.status, codeOf(foreign.json)], [404, 'PHOTO_NOT_FOUND']);
      assert.ok(
        (await facts(theirs, OTHER)).labels.some((l) => l.name === 'dog'),
        'theirs untouched',
      );

      const absent = await call(`/photos/${mine}/labels/giraffe`, { method: 'DELETE' });
      assert.deepEqual([absent.status, codeOf(absent.json)], [404, 'LABEL_NOT_ON_PHOTO']);
      const hostile = await call(`/photos/${mine}/labels/${encodeURIComponent("dog'; drop table photos")}`, {
        method: 'DELETE',
      });
      assert.deepEqual([hostile.status, codeOf(hostile.json)], [400, 'INVALID_LABEL']);
      const badPhoto = await call(`/photos/${encodeURIComponent('../x')}/labels/dog`, { method: 'DELETE' });
      assert.equal(badPhoto.status, 404);
      const noFace = await call(`/photos/${mine}/faces/fa_missing`, { method: 'DELETE' });
      assert.deepEqual([noFace.status, codeOf(noFace.json)], [404, 'FACE_NOT_FOUND']);
      const badFace = await call(`/photos/${mine}/faces/${encodeURIComponent('a b')}`, { method: 'DELETE' });
      assert.deepEqual([badFace.status, codeOf(badFace.json)], [404, 'FACE_NOT_FOUND']);

      // Removing twice: the second finds nothing to remove; the other owner still finds their dog.
      assert.equal((await call(`/photos/${mine}/labels/dog`, { method: 'DELETE' })).status, 200);
      assert.equal((await call(`/photos/${mine}/labels/dog`, { method: 'DELETE' })).status, 404);
      const theirDogs = await search({ query: { labels: ['dog'] } }, OTHER);
      assert.equal(theirDogs.total, 1);
      await ingest(OTHER);
      assert.equal((await search({ query: { labels: ['dog'] } }, OTHER)).total, 1);
    });
  });
}
