import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLibrary, type Library } from '../../../../metadata-service/library';
import { makeTempDir, silentLogger, type TempDir } from '../../support/fixtures';
import { scratchEngines, type ScratchDatabase } from '../../../support/scratch-databases';
import { appleMakerNote, stillJpeg, withMakerNote, writeMotionVideo } from './live-photo-fixtures';

const OWNER = 'owner-live';

let plainMov: string;
let movDir: TempDir;

describe('live photo pairing', () => {
  /** One 1.5 s MOV made once for the file (ffmpeg is the slow part), copied into each test's fresh library folder. */
  before(async () => {
    movDir = await makeTempDir();
    plainMov = join(movDir.path, 'plain.MOV');
    await writeMotionVideo(plainMov);
  });
  after(async () => {
    await movDir.cleanup();
  });

  for (const engine of scratchEngines()) {
    describe(`live photos: a still and its video are one photo (${engine.name})`, () => {
      let tmp: TempDir;
      let photos: string;
      let library: Library;
      let database: ScratchDatabase;

      beforeEach(async () => {
        tmp = await makeTempDir();
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

      const ingest = () => library.ingest(photos, { ownerId: OWNER });
      const all = () => library.api.search(OWNER, { query: { labels: [] }, limit: 100 });
      const videos = () =>
        library.api.search(OWNER, { query: { labels: [], mediaKinds: ['video'] }, limit: 100 });
      /** "Show my live photos": the label the motion gives. */
      const liveOnes = async () =>
        (await library.api.search(OWNER, { query: { labels: ['live photo'] }, limit: 100 })).photos.map(
          (p) => p.source.path,
        );

      it('pairs IMG_1234.JPG with IMG_1234.MOV: one photo, counted once, knowing its motion part', async () => {
        await writeFile(join(photos, 'IMG_1234.JPG'), await stillJpeg());
        await copyFile(plainMov, join(photos, 'IMG_1234.MOV'));
        const report = await ingest();
        assert.equal(report.added, 1);
        assert.deepEqual(report.skipped, []);

        const found = await all();
        assert.equal(found.total, 1);
        const [summary] = found.photos;
        assert.ok(summary);
        assert.equal(summary.source.path, 'IMG_1234.JPG');
        assert.equal(summary.mediaKind, undefined, 'a live photo is a photo, not a clip');
        assert.ok(summary.motion?.durationMs && Math.abs(summary.motion.durationMs - 1500) < 200);
        // "Show my videos" lists clips; the motion of a live photo is not one. "Show my live photos" finds it.
        assert.equal((await videos()).total, 0);
        assert.deepEqual(await liveOnes(), ['IMG_1234.JPG']);

        const facts = await library.api.getPhoto(OWNER, summary.id);
        const movBytes = (await readFile(join(photos, 'IMG_1234.MOV'))).length;
        assert.deepEqual(
          { ...facts.motionPart, durationMs: undefined },
          {
            kind: 'live-photo',
            uri: pathToFileURL(join(photos, 'IMG_1234.MOV')).href,
            offset: 0,
            bytes: movBytes,
            durationMs: undefined,
          },
        );
        // A second run finds the pair unchanged and still one photo.
        const again = await ingest();
        assert.equal(again.unchanged, 1);
        assert.equal(again.removed, 0);
        assert.equal((await all()).total, 1);
      });

      it('a video that arrives after its still joins it, and its motion goes when the video is deleted', async () => {
        await writeFile(join(photos, 'IMG_4.JPG'), await stillJpeg(320, 240, 'corner'));
        await writeFile(join(photos, 'IMG_5.JPG'), await stillJpeg());
        await ingest();
        const [before] = (await all()).photos.filter((p) => p.source.path === 'IMG_5.JPG');
        assert.ok(before);
        assert.equal(before.motion, undefined);

        await copyFile(plainMov, join(photos, 'IMG_5.MOV'));
        const joined = await ingest();
        assert.equal(joined.added, 0, 'the video is no photo of its own');
        const [after] = (await all()).photos.filter((p) => p.source.path === 'IMG_5.JPG');
        assert.equal(after?.id, before.id, 'the same photo, now moving');
        assert.ok(after?.motion);
        assert.equal((await all()).total, 2);
        assert.deepEqual(await liveOnes(), ['IMG_5.JPG'], 'the label came with the video');

        await rm(join(photos, 'IMG_5.MOV'));
        await ingest();
        const [gone] = (await all()).photos.filter((p) => p.source.path === 'IMG_5.JPG');
        assert.equal(gone?.id, before.id);
        assert.equal(gone?.motion, undefined);
        assert.equal((await library.api.getPhoto(OWNER, before.id)).motionPart, null);
        assert.deepEqual(await liveOnes(), [], 'and went with it');
      });

      it('keeps a long same-named video as a clip of its own: it is not a live photo motion', async () => {
        await writeFile(join(photos, 'DSC_0001.jpg'), await stillJpeg());
        await writeMotionVideo(join(photos, 'DSC_0001.mp4'), { seconds: 11, format: 'mp4' });
        await ingest();
        assert.equal((await all()).total, 2);
        assert.equal((await videos()).total, 1);
      });

      it('does not pair a still and a video whose Apple content identifiers disagree', async () => {
        const still = withMakerNote(await stillJpeg(), appleMakerNote('AAAA-1111'));
        await writeFile(join(photos, 'IMG_7.JPG'), still);
        await writeMotionVideo(join(photos, 'IMG_7.MOV'), { contentIdentifier: 'BBBB-2222' });
        await ingest();
        assert.equal((await all()).total, 2);
        const [photo] = (await all()).photos.filter((p) => p.mediaKind === undefined);
        assert.equal(photo?.motion, undefined);
      });

      it('pairs when the content identifiers agree', async () => {
        const still = withMakerNote(await stillJpeg(), appleMakerNote('CCCC-3333'));
        await writeFile(join(photos, 'IMG_8.JPG'), still);
        await writeMotionVideo(join(photos, 'IMG_8.MOV'), { contentIdentifier: 'CCCC-3333' });
        await ingest();
        const found = await all();
        assert.equal(found.total, 1);
        assert.ok(found.photos[0]?.motion);
      });

      it('a garbage MOV: the still is indexed without motion, the MOV is skipped with a code, nothing is lost', async () => {
        await writeFile(join(photos, 'IMG_9.JPG'), await stillJpeg());
        await writeFile(
          join(photos, 'IMG_9.MOV'),
          Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from('ftypqt  garbage garbage')]),
        );
        const report = await ingest();
        const found = await all();
        assert.equal(found.total, 1);
        assert.equal(found.photos[0]?.source.path, 'IMG_9.JPG');
        assert.equal(found.photos[0]?.motion, undefined);
        assert.deepEqual(
          report.skipped.map((s) => [s.path, s.code]),
          [['IMG_9.MOV', 'UNREADABLE_VIDEO']],
        );
      });
    });
  }
});
