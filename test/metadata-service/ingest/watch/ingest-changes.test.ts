import assert from 'node:assert/strict';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLibrary, type Library } from '../../../../metadata-service/library';
import {
  emptyFolderChanges,
  type FolderChanges,
} from '../../../../metadata-service/ingest/watch/folder-changes';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../../support/fixtures';
import { scratchEngines, type ScratchDatabase } from '../../../support/scratch-databases';

const OWNER = 'owner-w';

/** An XMP sidecar as digiKam or darktable writes it: keywords, a caption and stars. */
const xmpSidecar = (keywords: string[], title: string, rating: number): string =>
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
  `<xmp:Rating>${rating}</xmp:Rating>` +
  `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>` +
  `<dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${k}</rdf:li>`).join('')}</rdf:Bag></dc:subject>` +
  '</rdf:Description></rdf:RDF></x:xmpmeta>';

for (const engine of scratchEngines()) {
  describe(`Library.ingestChanges (the watched-folder pass) on ${engine.name}`, () => {
    let tmp: TempDir;
    let photos: string;
    let database: ScratchDatabase;
    let library: Library;

    beforeEach(async () => {
      tmp = await makeTempDir('pf-watch-');
      photos = join(tmp.path, 'photos');
      await mkdir(photos);
      database = await engine.create();
      library = await createLibrary({ database: database.location, logger: silentLogger });
    });
    afterEach(async () => {
      await library.close();
      await database.drop();
      await tmp.cleanup();
    });

    const changes = (partial: Partial<FolderChanges>): FolderChanges => ({
      ...emptyFolderChanges(),
      ...partial,
    });
    const apply = (partial: Partial<FolderChanges>) =>
      library.ingestChanges(photos, changes(partial), { ownerId: OWNER });
    const all = async () =>
      (await library.api.search(OWNER, { query: { labels: [] }, limit: 1000 })).photos.map((p) => p.id);
    const pathOf = async (id: string) => (await library.api.getPhoto(OWNER, id)).source.path;

    it('adds the changed paths only, and drops removed ones', async () => {
      await writeJpeg(join(photos, 'a.jpg'), { seed: 1 });
      await writeJpeg(join(photos, 'b.jpg'), { seed: 2 });
      const added = await apply({ changed: ['a.jpg'] });
      assert.deepEqual(added, { added: 1, updated: 0, unchanged: 0, refreshed: 0, removed: 0, skipped: [] });
      assert.equal((await all()).length, 1, 'b.jpg was not reported, so not read');

      await rm(join(photos, 'a.jpg'));
      const removed = await apply({ removed: ['a.jpg'] });
      assert.equal(removed.removed, 1);
      assert.deepEqual(await all(), []);
    });

    it('keeps a moved photo (same id, favourite kept) whichever order the events came in', async () => {
      await writeJpeg(join(photos, 'IMG_1.jpg'), { seed: 3 });
      await apply({ changed: ['IMG_1.jpg'] });
      const [id] = await all();
      assert.ok(id);
      await library.api.setPhotoFlags(OWNER, id, { favorite: true });

      await mkdir(join(photos, 'Trip'));
      await rename(join(photos, 'IMG_1.jpg'), join(photos, 'Trip', 'IMG_1.jpg'));
      const report = await apply({ removed: ['IMG_1.jpg'], changed: ['Trip/IMG_1.jpg'] });
      assert.deepEqual([report.updated, report.removed, report.added], [1, 0, 0]);
      assert.deepEqual(await all(), [id]);
      assert.equal(await pathOf(id), 'Trip/IMG_1.jpg');
      assert.equal((await library.api.getPhoto(OWNER, id)).favorite, true);
    });

    it('drops every photo of a removed folder, and only those', async () => {
      await writeJpeg(join(photos, 'Old', 'x.jpg'), { seed: 4 });
      await writeJpeg(join(photos, 'Old', 'Deeper', 'y.jpg'), { seed: 5 });
      await writeJpeg(join(photos, 'Older', 'z.jpg'), { seed: 6 });
      await apply({ changed: ['Old/x.jpg', 'Old/Deeper/y.jpg', 'Older/z.jpg'] });
      await rm(join(photos, 'Old'), { recursive: true });
      const report = await apply({ removedFolders: ['Old/'] });
      assert.equal(report.removed, 2);
      const [left] = await all();
      assert.equal(await pathOf(left ?? ''), 'Older/z.jpg');
    });

    it('looks at each path as it is now: a removal written back is ingested, a write deleted since is dropped', async () => {
      await writeJpeg(join(photos, 'back.jpg'), { seed: 7 });
      await writeJpeg(join(photos, 'gone.jpg'), { seed: 8 });
      await apply({ changed: ['gone.jpg'] });
      await rm(join(photos, 'gone.jpg'));
      const report = await apply({ removed: ['back.jpg'], changed: ['gone.jpg'] });
      assert.deepEqual([report.added, report.removed], [1, 1]);
      const [id] = await all();
      assert.equal(await pathOf(id ?? ''), 'back.jpg');
    });

    it('records a broken file as a skip with its code and goes on', async () => {
      await writeFile(join(photos, 'broken.jpg'), 'this is not a JPEG');
      await writeJpeg(join(photos, 'fine.jpg'), { seed: 9 });
      const report = await apply({ changed: ['broken.jpg', 'fine.jpg'] });
      assert.equal(report.added, 1);
      assert.deepEqual(
        report.skipped.map((s) => [s.path, s.code]),
        [['broken.jpg', 'NOT_AN_IMAGE']],
      );
    });

    it('removes nothing when the folder itself is gone (an unplugged disk looks like every file deleted)', async () => {
      await writeJpeg(join(photos, 'kept.jpg'), { seed: 10 });
      await apply({ changed: ['kept.jpg'] });
      await rename(photos, join(tmp.path, 'unplugged'));
      await assert.rejects(apply({ removed: ['kept.jpg'], removedFolders: ['Any/'] }), /SOURCE_NOT_FOUND/);
      assert.equal((await all()).length, 1);
    });

    it('ingests the photo a new sidecar describes, dated by the sidecar', async () => {
      await writeJpeg(join(photos, 'IMG_2.jpg'), { seed: 11 });
      await writeFile(
        join(photos, 'IMG_2.jpg.json'),
        JSON.stringify({ title: 'IMG_2.jpg', photoTakenTime: { timestamp: '1720000000' } }),
      );
      const report = await apply({ sidecars: ['IMG_2.jpg.json'] });
      assert.equal(report.added, 1);
      const [id] = await all();
      assert.equal((await library.api.getPhoto(OWNER, id ?? '')).takenTimeSource, 'sidecar');
    });

    it('reads a stored photo again when its XMP sidecar is edited: new tags, title and stars; id, favourite and folder labels kept', async () => {
      await writeJpeg(join(photos, 'Beach', 'IMG_3.jpg'), { seed: 13, keywords: ['Sunset'] });
      await writeFile(join(photos, 'Beach', 'IMG_3.xmp'), xmpSidecar(['Dog'], 'Birthday party', 2));
      await apply({ changed: ['Beach/IMG_3.jpg'] });
      const [id] = await all();
      assert.ok(id);
      await library.api.setPhotoFlags(OWNER, id, { favorite: true });
      const labelsOf = async () =>
        (await library.api.getPhoto(OWNER, id)).labels.map((l) => `${l.source}:${l.name}`).sort();
      assert.deepEqual(await labelsOf(), [
        'folder:beach',
        'keyword:dog',
        'keyword:sunset',
        'sidecar:birthday',
      ]);

      // Tagged again in a tagging tool: the photo's bytes are untouched, only the sidecar changes.
      await writeFile(join(photos, 'Beach', 'IMG_3.xmp'), xmpSidecar(['Cat'], 'Snow day', 5));
      const report = await apply({ sidecars: ['Beach/IMG_3.xmp'] });
      assert.deepEqual([report.refreshed, report.added, report.updated], [1, 0, 0]);
      const facts = await library.api.getPhoto(OWNER, id);
      assert.deepEqual(await all(), [id]);
      assert.equal(facts.favorite, true);
      assert.equal(facts.title, 'Snow day');
      assert.equal(facts.rating, 5);
      assert.deepEqual(await labelsOf(), ['folder:beach', 'keyword:cat', 'keyword:sunset', 'sidecar:snow']);
      const found = async (label: string) =>
        (await library.api.search(OWNER, { query: { labels: [label] }, limit: 10 })).total;
      assert.deepEqual(
        [
          await found('cat'),
          await found('dog'),
          await found('animal'),
          await found('birthday'),
          await found('snow'),
        ],
        [1, 0, 1, 0, 1],
      );

      // The sidecar deleted: what it said goes, what the file itself says stays.
      await rm(join(photos, 'Beach', 'IMG_3.xmp'));
      assert.equal((await apply({ sidecars: ['Beach/IMG_3.xmp'] })).refreshed, 1);
      assert.deepEqual(await labelsOf(), ['folder:beach', 'keyword:sunset']);
      const bare = await library.api.getPhoto(OWNER, id);
      assert.deepEqual([bare.title, bare.rating, bare.favorite], [null, null, true]);
    });

    it('ignores paths that are not originals of this folder', async () => {
      await writeJpeg(join(tmp.path, 'outside.jpg'), { seed: 12 });
      await copyFile(join(tmp.path, 'outside.jpg'), join(photos, '.hidden.jpg'));
      const report = await apply({ changed: ['../outside.jpg', '.hidden.jpg', 'missing.jpg'] });
      assert.deepEqual(report, { added: 0, updated: 0, unchanged: 0, refreshed: 0, removed: 0, skipped: [] });
      assert.deepEqual(await all(), []);
    });
  });
}
