import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readMotionPart } from '../../../../metadata-service/ingest/live-photos/read-motion-part';
import { readPhotoMetadata } from '../../../../metadata-service/ingest/readers/read-photo-metadata';
import { createLibrary, type Library } from '../../../../metadata-service/library';
import { makeTempDir, silentLogger, type TempDir } from '../../support/fixtures';
import { motionPhotoJpeg, motionPhotoXmp, stillJpeg, writeMotionVideo } from './live-photo-fixtures';

const OWNER = 'owner-motion';

describe('motion photos: a JPEG with its MP4 appended', () => {
  let tmp: TempDir;
  let photos: string;
  let library: Library;
  let mp4: Buffer;

  before(async () => {
    const made = await makeTempDir();
    await writeMotionVideo(join(made.path, 'motion.mp4'), { format: 'mp4' });
    mp4 = await readFile(join(made.path, 'motion.mp4'));
    await made.cleanup();
  });
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

  const all = () => library.api.search(OWNER, { query: { labels: [] }, limit: 100 });

  for (const form of ['container', 'micro-video'] as const) {
    it(`finds the video a ${form} XMP announces: one photo with its motion part as a byte range`, async () => {
      const jpeg = motionPhotoJpeg(await stillJpeg(), motionPhotoXmp(form, mp4.length), mp4);
      await writeFile(join(photos, 'PXL_20250101_120000000.MP.jpg'), jpeg);
      const report = await library.ingest(photos, { ownerId: OWNER });
      assert.equal(report.added, 1);
      const found = await all();
      assert.equal(found.total, 1);
      const [summary] = found.photos;
      assert.ok(summary?.motion?.durationMs && Math.abs(summary.motion.durationMs - 1500) < 200);
      const facts = await library.api.getPhoto(OWNER, summary.id);
      assert.equal(facts.motionPart?.kind, 'motion-photo');
      assert.equal(facts.motionPart?.uri, pathToFileURL(join(photos, 'PXL_20250101_120000000.MP.jpg')).href);
      assert.equal(facts.motionPart?.offset, jpeg.length - mp4.length);
      assert.equal(facts.motionPart?.bytes, mp4.length);
      // The byte range is exactly the MP4 that was appended.
      const cut = jpeg.subarray(facts.motionPart.offset, facts.motionPart.offset + facts.motionPart.bytes);
      assert.ok(cut.equals(mp4));
    });
  }

  it('refuses a MicroVideoOffset pointing outside the file with a code, and keeps the photo', async () => {
    const jpeg = motionPhotoJpeg(
      await stillJpeg(),
      motionPhotoXmp('micro-video', mp4.length, 50_000_000),
      mp4,
    );
    const path = join(photos, 'broken.MP.jpg');
    await writeFile(path, jpeg);
    const file = { path: 'broken.MP.jpg', bytes: jpeg.length, modifiedAt: new Date() };
    const metadata = await readPhotoMetadata({
      absolutePath: path,
      fileName: 'broken.MP.jpg',
      modifiedAt: new Date(),
    });
    const outcome = await readMotionPart({
      absolutePath: path,
      file,
      metadata,
      uriFor: (p) => pathToFileURL(join(photos, p)).href,
      logger: silentLogger,
    });
    assert.ok('refused' in outcome);
    assert.equal(outcome.refused.code, 'MOTION_OFFSET_OUTSIDE_FILE');

    await library.ingest(photos, { ownerId: OWNER });
    const found = await all();
    assert.equal(found.total, 1);
    assert.equal(found.photos[0]?.motion, undefined);
  });

  it('refuses an announced video that is not an MP4 (garbage where the offset points)', async () => {
    const garbage = Buffer.alloc(4096, 0x5a);
    const jpeg = motionPhotoJpeg(await stillJpeg(), motionPhotoXmp('container', garbage.length), garbage);
    const path = join(photos, 'garbage.MP.jpg');
    await writeFile(path, jpeg);
    const metadata = await readPhotoMetadata({
      absolutePath: path,
      fileName: 'garbage.MP.jpg',
      modifiedAt: new Date(),
    });
    const outcome = await readMotionPart({
      absolutePath: path,
      content: jpeg,
      file: { path: 'garbage.MP.jpg', bytes: jpeg.length, modifiedAt: new Date() },
      metadata,
      uriFor: (p) => p,
      logger: silentLogger,
    });
    assert.ok('refused' in outcome);
    assert.equal(outcome.refused.code, 'MOTION_NOT_MP4');
    await library.ingest(photos, { ownerId: OWNER });
    assert.equal((await all()).total, 1);
  });

  it('leaves an ordinary JPEG without a motion part', async () => {
    await writeFile(join(photos, 'plain.jpg'), await stillJpeg());
    await library.ingest(photos, { ownerId: OWNER });
    const [summary] = (await all()).photos;
    assert.ok(summary);
    assert.equal(summary.motion, undefined);
    assert.equal((await library.api.getPhoto(OWNER, summary.id)).motionPart, null);
  });
});
