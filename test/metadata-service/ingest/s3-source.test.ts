import assert from 'node:assert/strict';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isAppError } from '../../../common/errors';
import { createLibrary, type Library } from '../../../metadata-service/library';
import { runIngest } from '../../../metadata-service/ingest/ingest-run';
import { createS3Source, parseS3Uri } from '../../../metadata-service/ingest/s3-source';
import { openDatabase } from '../../../common/database';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../support/fixtures';
import { startS3rver, type TestS3Server } from '../../support/s3rver';
import {
  motionPhotoJpeg,
  motionPhotoXmp,
  stillJpeg,
  writeMotionVideo,
} from './live-photos/live-photo-fixtures';

const OWNER = 'owner-s3';

async function jpegBytes(
  dir: string,
  seed: number,
  extra: Parameters<typeof writeJpeg>[1] = {},
): Promise<Buffer> {
  const path = join(dir, `fixture-${seed}.jpg`);
  await writeJpeg(path, { seed, ...extra });
  return readFile(path);
}

describe('S3 source (against s3rver)', function () {
  this.timeout(60_000);
  let tmp: TempDir;
  let s3: TestS3Server;
  let library: Library;
  let repository: PhotoRepository;
  let closeDb: () => Promise<void>;

  before(async () => {
    tmp = await makeTempDir('pf-s3-');
    s3 = await startS3rver(join(tmp.path, 's3rver'));
    await mkdir(join(tmp.path, 'downloads'));
  });
  after(async () => {
    await s3.stop();
    await tmp.cleanup();
  });

  let prefixCounter = 0;
  let prefix: string;
  beforeEach(async () => {
    // One server for the file, a fresh prefix and database per test.
    prefixCounter += 1;
    prefix = `library-${prefixCounter}`;
    const file = join(tmp.path, `library-${prefixCounter}.sqlite`);
    library = await createLibrary({ database: { kind: 'sqlite', file }, logger: silentLogger });
    const db = openDatabase<LibraryDatabase>({ kind: 'sqlite', file });
    await migrateLibraryDatabase(db, silentLogger);
    repository = new PhotoRepository(db);
    closeDb = () => db.destroy();
  });
  afterEach(async () => {
    await closeDb();
    await library.close();
  });

  const source = (pageSize?: number) =>
    createS3Source(`s3://photos/${prefix}/`, s3.client, { pageSize, tempDir: join(tmp.path, 'downloads') });
  const ingest = (pageSize?: number) =>
    runIngest(source(pageSize), { ownerId: OWNER }, { repository, logger: silentLogger });
  const storedPaths = async () =>
    (await library.api.search(OWNER, { query: { labels: [] }, limit: 1000 })).photos
      .map((p) => p.source.path)
      .sort();

  it('parses s3:// locations and rejects anything else with a clear code', () => {
    assert.deepEqual(parseS3Uri('s3://photos/a/b/'), { bucket: 'photos', prefix: 'a/b' });
    assert.deepEqual(parseS3Uri('s3://photos'), { bucket: 'photos', prefix: '' });
    for (const bad of ['s3://', 's3://Bad Bucket/x', '/tmp/photos', 'http://photos/x']) {
      assert.throws(
        () => parseS3Uri(bad),
        (e: unknown) => isAppError(e) && e.code === 'SOURCE_NOT_S3_URI',
      );
    }
  });

  it('ingests every photo across listing pages, with s3:// URIs and hashes of the bytes', async () => {
    const fixtures = join(tmp.path, 'fixtures-a');
    const keys: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const key = `${prefix}/${i < 4 ? 'Beach 2026' : 'Inbox'}/IMG_${i}.jpg`;
      await s3.put(
        key,
        await jpegBytes(fixtures, 100 + i, { dateTimeOriginal: `2026:07:0${i + 1} 10:00:00` }),
      );
      keys.push(key);
    }
    // Not originals: a folder marker, a dotfile, a Takeout sidecar and a note.
    await s3.put(`${prefix}/Inbox/`, '');
    await s3.put(`${prefix}/.trash/old.jpg`, await jpegBytes(fixtures, 200));
    await s3.put(`${prefix}/Inbox/IMG_4.jpg.json`, '{"title":"IMG_4.jpg"}');
    await s3.put(`${prefix}/notes.txt`, 'hello');
    // Another prefix that merely starts the same way is another library.
    await s3.put(`${prefix}-other/IMG_9.jpg`, await jpegBytes(fixtures, 300));

    const listed = await source(2).list();
    assert.deepEqual(
      listed.map((f) => f.path),
      keys.map((k) => k.slice(prefix.length + 1)).sort(),
    );

    const report = await ingest(2);
    assert.deepEqual(report, { scanned: 7, added: 7, updated: 0, unchanged: 0, removed: 0, skipped: [] });
    const [first] = (await library.api.search(OWNER, { query: { labels: ['beach'] }, limit: 10 })).photos;
    assert.ok(first);
    const facts = await library.api.getPhoto(OWNER, first.id);
    assert.equal(facts.source.path, 'Beach 2026/IMG_0.jpg');
    assert.equal(facts.source.uri, `s3://photos/${prefix}/Beach 2026/IMG_0.jpg`);
    assert.equal(facts.takenLocal, '2026-07-01T10:00:00');
    assert.deepEqual([facts.width, facts.height], [120, 80]);
    const bytes = await jpegBytes(fixtures, 100, { dateTimeOriginal: '2026:07:01 10:00:00' });
    const { createHash } = await import('node:crypto');
    assert.equal(facts.source.contentHash, createHash('sha256').update(bytes).digest('hex'));
    // Temporary copies for the metadata readers are gone.
    assert.deepEqual(await readdir(join(tmp.path, 'downloads')), []);
  });

  it("reads a motion photo's appended MP4 from the object itself, as a folder does", async () => {
    const videoFile = join(tmp.path, `motion-${prefix}.mp4`);
    await writeMotionVideo(videoFile, { format: 'mp4' });
    const mp4 = await readFile(videoFile);
    const jpeg = motionPhotoJpeg(await stillJpeg(), motionPhotoXmp('container', mp4.length), mp4);
    const key = `${prefix}/Camera/PXL_20250101_120000000.MP.jpg`;
    await s3.put(key, jpeg);

    assert.equal((await ingest()).added, 1);
    const found = await library.api.search(OWNER, { query: { labels: [] }, limit: 10 });
    assert.equal(found.total, 1);
    const [summary] = found.photos;
    assert.ok(summary?.motion?.durationMs && Math.abs(summary.motion.durationMs - 1500) < 200);
    const facts = await library.api.getPhoto(OWNER, summary.id);
    assert.equal(facts.motionPart?.kind, 'motion-photo');
    assert.equal(facts.motionPart?.uri, `s3://photos/${key}`);
    assert.equal(facts.motionPart?.offset, jpeg.length - mp4.length);
    assert.equal(facts.motionPart?.bytes, mp4.length);
    assert.deepEqual(await readdir(join(tmp.path, 'downloads')), [], 'the temporary copy is gone');
  });

  it('reruns without downloading unchanged objects, and drops photos whose key was deleted', async () => {
    const fixtures = join(tmp.path, 'fixtures-b');
    for (let i = 0; i < 5; i += 1) await s3.put(`${prefix}/p${i}.jpg`, await jpegBytes(fixtures, 400 + i));
    assert.equal((await ingest(2)).added, 5);

    // A client that may list and stat but fails any GetObject proves the rerun reads no bytes.
    const noDownloads = createS3Source(`s3://photos/${prefix}`, s3.client, { pageSize: 2 });
    noDownloads.contentHash = () => Promise.reject(new Error('unchanged objects must not be downloaded'));
    noDownloads.readMetadata = () => Promise.reject(new Error('unchanged objects must not be read'));
    const rerun = await runIngest(noDownloads, { ownerId: OWNER }, { repository, logger: silentLogger });
    assert.deepEqual(rerun, { scanned: 5, added: 0, updated: 0, unchanged: 5, removed: 0, skipped: [] });

    await s3.remove(`${prefix}/p2.jpg`);
    const afterDelete = await ingest(2);
    assert.deepEqual([afterDelete.unchanged, afterDelete.removed], [4, 1]);
    assert.deepEqual(await storedPaths(), ['p0.jpg', 'p1.jpg', 'p3.jpg', 'p4.jpg']);
  });

  it('records hostile objects as skips with reasons and never downloads an oversized one', async () => {
    const fixtures = join(tmp.path, 'fixtures-c');
    await s3.put(`${prefix}/good.jpg`, await jpegBytes(fixtures, 500));
    await s3.put(`${prefix}/notes.jpg`, 'shopping list: milk, eggs\n');
    await s3.put(`${prefix}/empty.jpg`, '');
    const report = await ingest();
    assert.equal(report.added, 1);
    assert.deepEqual(
      report.skipped.map((s) => [s.path, s.code]),
      [
        ['empty.jpg', 'EMPTY_FILE'],
        ['notes.jpg', 'NOT_AN_IMAGE'],
      ],
    );
    const skips = await repository.listSkips(OWNER);
    assert.deepEqual(
      skips.map((s) => [s.sourceRoot, s.sourcePath, s.reasonCode]),
      [
        [`s3://photos/${prefix}`, 'empty.jpg', 'EMPTY_FILE'],
        [`s3://photos/${prefix}`, 'notes.jpg', 'NOT_AN_IMAGE'],
      ],
    );

    // The listing's size decides: a 300 MB claim is refused before any GetObject.
    const s3Source = source();
    await assert.rejects(
      s3Source.contentHash({ path: 'good.jpg', bytes: 300 * 1024 * 1024, modifiedAt: new Date() }),
      (e: unknown) => e instanceof Error && e.name === 'IngestSkip' && /exceeds/.test(e.message),
    );
  });

  it('reads Takeout sidecars and album titles found by key, and places the photo', async () => {
    const fixtures = join(tmp.path, 'fixtures-d');
    const album = `${prefix}/Takeout/Google Photos/Summer trip`;
    await s3.put(`${album}/IMG_7.JPG`, await jpegBytes(fixtures, 600));
    await s3.put(
      `${album}/IMG_7.JPG.supplemental-metadata.json`,
      JSON.stringify({
        title: 'IMG_7.JPG',
        description: 'Sunset at the pier',
        photoTakenTime: { timestamp: '1783094400' },
        geoData: { latitude: 34.0095, longitude: -118.497 },
        people: [{ name: 'Mom' }],
        favorited: true,
      }),
    );
    await s3.put(`${album}/metadata.json`, JSON.stringify({ title: 'Summer trip 2026' }));
    // A German account's export: the album file is Metadaten.json; a year folder is no album.
    await s3.put(`${prefix}/Takeout/Google Photos/Strandtag/IMG_8.JPG`, await jpegBytes(fixtures, 640));
    await s3.put(
      `${prefix}/Takeout/Google Photos/Strandtag/Metadaten.json`,
      JSON.stringify({ title: 'Strandtag' }),
    );
    await s3.put(`${prefix}/Takeout/Google Photos/Fotos von 2026/IMG_9.JPG`, await jpegBytes(fixtures, 680));

    const report = await ingest();
    assert.equal(report.added, 3);
    const albumsOf = async (path: string) => {
      const stored = (await library.api.search(OWNER, { query: { labels: [] }, limit: 10 })).photos.find(
        (p) => p.source.path.endsWith(path),
      );
      return (await library.api.getPhoto(OWNER, stored?.id ?? assert.fail(path))).albums.map((a) => a.name);
    };
    assert.deepEqual(await albumsOf('Strandtag/IMG_8.JPG'), ['Strandtag']);
    assert.deepEqual(await albumsOf('Fotos von 2026/IMG_9.JPG'), []);
    const summary = (await library.api.search(OWNER, { query: { labels: [] }, limit: 10 })).photos.find((p) =>
      p.source.path.endsWith('IMG_7.JPG'),
    );
    assert.ok(summary);
    const facts = await library.api.getPhoto(OWNER, summary.id);
    assert.equal(facts.description, 'Sunset at the pier');
    assert.equal(facts.favorite, true);
    assert.deepEqual(
      facts.people.map((p) => p.name),
      ['Mom'],
    );
    assert.ok(facts.albums.some((a) => a.name === 'Summer trip 2026' && a.source === 'takeout'));
    assert.equal(facts.place?.city, 'Santa Monica');
  });

  it('fails clearly for a bucket that does not exist', async () => {
    const missing = createS3Source('s3://no-such-bucket/x', s3.client);
    await assert.rejects(missing.list(), (e: unknown) => isAppError(e) && e.code === 'SOURCE_NOT_FOUND');
  });
});
