import assert from 'node:assert/strict';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAppError } from '../../../common/errors';
import { openDatabase } from '../../../common/database';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import { createFolderSource } from '../../../metadata-service/ingest/folder-source';
import { runIngest } from '../../../metadata-service/ingest/ingest-run';
import { createLibrary, type IngestProgress, type Library } from '../../../metadata-service/library';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../support/fixtures';

const OWNER = 'owner-a';

describe('library ingest', () => {
  let tmp: TempDir;
  let photos: string;
  let library: Library;

  beforeEach(async () => {
    tmp = await makeTempDir();
    photos = join(tmp.path, 'photos');
    await mkdir(photos);
    library = await createLibrary({
      database: { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') },
      logger: silentLogger,
    });
  });
  afterEach(async () => {
    await library.close();
    await tmp.cleanup();
  });

  const ingest = (onProgress?: (p: IngestProgress) => void) =>
    library.ingest(photos, { ownerId: OWNER, onProgress });
  const searchAll = async () => library.api.search(OWNER, { query: { labels: [] }, limit: 1000 });

  it('stores each photo with its facts, folder labels and keyword labels', async () => {
    await writeJpeg(join(photos, 'Beach 2026', 'IMG_0001.jpg'), {
      seed: 1,
      dateTimeOriginal: '2026:07:14 10:00:00',
      offsetTimeOriginal: '-07:00',
      gps: { latitude: 34.0095, longitude: -118.497 },
      make: 'Apple',
      model: 'iPhone 15 Pro',
      keywords: ['Puppy', 'Holiday Trip'],
      orientation: 6,
    });
    const report = await ingest();
    assert.deepEqual(report, { scanned: 1, added: 1, updated: 0, unchanged: 0, removed: 0, skipped: [] });

    const [summary] = (await searchAll()).photos;
    assert.ok(summary);
    assert.match(summary.id, /^ph_[A-Za-z0-9_-]{20}$/);
    const facts = await library.api.getPhoto(OWNER, summary.id);
    assert.equal(facts.takenLocal, '2026-07-14T10:00:00');
    assert.equal(facts.takenUtc, '2026-07-14T17:00:00.000Z');
    assert.equal(facts.takenTimeSource, 'exif-with-offset');
    assert.deepEqual([facts.width, facts.height, facts.orientation], [80, 120, 6]);
    assert.equal(facts.source.path, 'Beach 2026/IMG_0001.jpg');
    assert.equal(facts.source.uri, pathToFileURL(join(photos, 'Beach 2026', 'IMG_0001.jpg')).href);
    const bytes = await readFile(join(photos, 'Beach 2026', 'IMG_0001.jpg'));
    assert.equal(facts.source.bytes, bytes.length);
    assert.match(facts.source.contentHash, /^[0-9a-f]{64}$/);
    assert.deepEqual(facts.camera, { make: 'Apple', model: 'iPhone 15 Pro' });
    assert.ok(facts.gps && Math.abs(facts.gps.latitude - 34.0095) < 1e-4);
    assert.deepEqual(
      facts.labels.map((l) => `${l.source}:${l.name}:${l.confidence}`),
      ['folder:beach:0.8', 'keyword:dog:1', 'keyword:holiday trip:1'],
    );
  });

  it('is idempotent: a second run finds every photo unchanged with the same ids', async () => {
    for (let i = 0; i < 4; i += 1) {
      await writeJpeg(join(photos, `p${i}.jpg`), {
        seed: i + 1,
        dateTimeOriginal: `2025:0${i + 1}:01 12:00:00`,
      });
    }
    const progress: IngestProgress[] = [];
    const first = await ingest((p) => progress.push(p));
    assert.equal(first.added, 4);
    assert.deepEqual(
      progress.filter((p) => p.phase === 'metadata').map((p) => [p.done, p.total]),
      [
        [1, 4],
        [2, 4],
        [3, 4],
        [4, 4],
      ],
    );
    const idsBefore = (await searchAll()).photos.map((p) => p.id);

    const second = await ingest();
    assert.deepEqual(second, { scanned: 4, added: 0, updated: 0, unchanged: 4, removed: 0, skipped: [] });
    assert.deepEqual(
      (await searchAll()).photos.map((p) => p.id),
      idsBefore,
    );
  });

  it('follows a moved photo: same id, new path and new folder labels', async () => {
    await writeJpeg(join(photos, 'Inbox', 'a.jpg'), { seed: 3 });
    await ingest();
    const [before] = (await searchAll()).photos;
    assert.ok(before);

    await mkdir(join(photos, 'Mountains'));
    await rename(join(photos, 'Inbox', 'a.jpg'), join(photos, 'Mountains', 'a.jpg'));
    const report = await ingest();
    assert.deepEqual([report.added, report.updated, report.unchanged, report.removed], [0, 1, 0, 0]);

    const facts = await library.api.getPhoto(OWNER, before.id);
    assert.equal(facts.source.path, 'Mountains/a.jpg');
    assert.deepEqual(
      facts.labels.map((l) => l.name),
      ['mountain'],
    );
  });

  it('removes photos whose original is gone or was replaced by other content', async () => {
    await writeJpeg(join(photos, 'keep.jpg'), { seed: 1 });
    await writeJpeg(join(photos, 'delete.jpg'), { seed: 2 });
    await writeJpeg(join(photos, 'replace.jpg'), { seed: 3 });
    await ingest();
    const oldIds = new Map((await searchAll()).photos.map((p) => [p.source.path, p.id]));

    await rm(join(photos, 'delete.jpg'));
    await writeJpeg(join(photos, 'replace.jpg'), { seed: 4 });
    const report = await ingest();
    assert.deepEqual([report.added, report.unchanged, report.removed], [1, 1, 2]);

    const after = (await searchAll()).photos;
    assert.deepEqual(after.map((p) => p.source.path).sort(), ['keep.jpg', 'replace.jpg']);
    assert.notEqual(after.find((p) => p.source.path === 'replace.jpg')?.id, oldIds.get('replace.jpg'));
  });

  it('records hostile files as skips with stable codes and still ingests the good ones', async () => {
    await writeJpeg(join(photos, 'good.jpg'), { seed: 1, width: 600, height: 400 });
    await writeFile(join(photos, 'empty.jpg'), '');
    await writeFile(join(photos, 'notes.JPG'), 'shopping list: milk, eggs\n');
    const good = await readFile(join(photos, 'good.jpg'));
    await writeFile(join(photos, 'truncated.jpeg'), good.subarray(0, Math.floor(good.length / 2)));

    const report = await ingest();
    assert.equal(report.scanned, 4);
    assert.equal(report.added, 1);
    assert.deepEqual(
      report.skipped.map((s) => [s.path, s.code]),
      [
        ['empty.jpg', 'EMPTY_FILE'],
        ['notes.JPG', 'NOT_AN_IMAGE'],
        ['truncated.jpeg', 'UNREADABLE_IMAGE'],
      ],
    );

    const db = openDatabase<LibraryDatabase>({ kind: 'sqlite', file: join(tmp.path, 'library.sqlite') });
    try {
      const skips = await new PhotoRepository(db).listSkips(OWNER);
      assert.deepEqual(
        skips.map((s) => [s.sourcePath, s.reasonCode]),
        [
          ['empty.jpg', 'EMPTY_FILE'],
          ['notes.JPG', 'NOT_AN_IMAGE'],
          ['truncated.jpeg', 'UNREADABLE_IMAGE'],
        ],
      );

      // A repaired file is ingested on the next run and its skip record is cleared.
      await writeJpeg(join(photos, 'truncated.jpeg'), { seed: 9 });
      const rerun = await ingest();
      assert.equal(rerun.added, 1);
      assert.deepEqual(
        (await new PhotoRepository(db).listSkips(OWNER)).map((s) => s.sourcePath),
        ['empty.jpg', 'notes.JPG'],
      );
    } finally {
      await db.destroy();
    }
  });

  it('keeps one photo for duplicate bytes and skips the copy, run after run', async () => {
    await writeJpeg(join(photos, 'a', 'original.jpg'), { seed: 7 });
    await mkdir(join(photos, 'b'));
    await writeFile(join(photos, 'b', 'copy.jpg'), await readFile(join(photos, 'a', 'original.jpg')));

    const first = await ingest();
    assert.equal(first.added, 1);
    assert.deepEqual(
      first.skipped.map((s) => s.code),
      ['DUPLICATE_CONTENT'],
    );
    const keptPath = (await searchAll()).photos[0]?.source.path;

    const second = await ingest();
    assert.deepEqual([second.added, second.updated, second.unchanged, second.removed], [0, 0, 1, 0]);
    assert.equal((await searchAll()).photos[0]?.source.path, keptPath);
  });

  it('stores the same photos and reports the same run whether new photos are committed in batches or one by one', async () => {
    for (let i = 0; i < 7; i += 1) {
      await writeJpeg(join(photos, `Trip ${i % 2}`, `IMG_${i}.jpg`), {
        seed: i + 1,
        dateTimeOriginal: `2025:07:14 10:0${i}:00`,
        keywords: i % 3 === 0 ? ['Beach'] : [],
      });
    }
    // Same bytes at two paths, read in the same batch; and a broken file among them.
    await writeFile(
      join(photos, 'Trip 1', 'IMG_0 copy.jpg'),
      await readFile(join(photos, 'Trip 0', 'IMG_0.jpg')),
    );
    await writeFile(join(photos, 'Trip 0', 'broken.jpg'), 'not a photo');
    const runWith = async (writeBatch: number) => {
      const db = openDatabase<LibraryDatabase>({
        kind: 'sqlite',
        file: join(tmp.path, `batch-${writeBatch}.sqlite`),
      });
      try {
        await migrateLibraryDatabase(db, silentLogger);
        const repository = new PhotoRepository(db);
        const report = await runIngest(
          createFolderSource(photos),
          { ownerId: OWNER, concurrency: 4, writeBatch },
          { repository, logger: silentLogger },
        );
        const rows = await db
          .selectFrom('photos')
          .select(['id', 'source_path', 'taken_local', 'perceptual_hash', 'duplicate_group_id'])
          .orderBy('id')
          .execute();
        const counts = await db
          .selectFrom('search_key_months')
          .select(['kind', 'key', 'month', 'photos'])
          .orderBy('kind')
          .orderBy('key')
          .execute();
        const skips = (await repository.listSkips(OWNER)).map((skip) => [skip.sourcePath, skip.reasonCode]);
        return { report, rows, counts: counts.map((c) => ({ ...c, photos: Number(c.photos) })), skips };
      } finally {
        await db.destroy();
      }
    };
    const oneByOne = await runWith(1);
    const batched = await runWith(64);
    assert.deepEqual(
      [oneByOne.report.added, oneByOne.report.skipped.map((s) => s.code)],
      [7, ['NOT_AN_IMAGE', 'DUPLICATE_CONTENT']],
    );
    assert.deepEqual(batched, oneByOne);
  });

  it('skips dotfiles, dot-folders and non-JPEG names; accepts .JPEG in any case', async () => {
    await writeJpeg(join(photos, 'UPPER.JPEG'), { seed: 1 });
    await writeJpeg(join(photos, '.hidden.jpg'), { seed: 2 });
    await writeJpeg(join(photos, '.thumbnails', 't.jpg'), { seed: 3 });
    await writeJpeg(join(photos, 'picture.png.txt'), { seed: 4 });
    const report = await ingest();
    assert.equal(report.scanned, 1);
    assert.deepEqual(
      (await searchAll()).photos.map((p) => p.source.path),
      ['UPPER.JPEG'],
    );
  });

  it('keeps owners apart: the same bytes make two photos with different ids', async () => {
    await writeJpeg(join(photos, 'shared.jpg'), { seed: 1 });
    await ingest();
    await library.ingest(photos, { ownerId: 'owner-b' });
    const a = (await searchAll()).photos;
    const b = (await library.api.search('owner-b', { query: { labels: [] } })).photos;
    assert.equal(a.length, 1);
    assert.equal(b.length, 1);
    assert.notEqual(a[0]?.id, b[0]?.id);
  });

  it('fails clearly for a folder that does not exist', async () => {
    const error = await library.ingest(join(tmp.path, 'missing'), { ownerId: OWNER }).then(
      () => assert.fail('expected an error'),
      (e: unknown) => e,
    );
    assert.ok(isAppError(error));
    assert.equal(error.code, 'SOURCE_NOT_FOUND');
  });
});
