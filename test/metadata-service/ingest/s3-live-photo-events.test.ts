import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../../common/database';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { PhotoRepository, type StoredSource } from '../../../metadata-service/repositories/photo-repository';
import { createS3EventHandler, type S3EventHandler } from '../../../metadata-service/s3-event-handler';
import { startS3rver, type TestS3Server } from '../../support/s3rver';
import { makeTempDir, silentLogger, type TempDir } from '../support/fixtures';
import {
  appleMakerNote,
  stillJpeg,
  withMakerNote,
  writeMotionVideo,
} from './live-photos/live-photo-fixtures';

const OWNER = 'owner-live-events';

function s3Event(eventName: string, key: string) {
  return {
    Records: [
      {
        eventName,
        s3: { bucket: { name: 'photos' }, object: { key: encodeURIComponent(key).replace(/%2F/g, '/') } },
      },
    ],
  };
}

describe('S3 events: Live Photo pairs (against s3rver)', function () {
  this.timeout(60_000);
  let tmp: TempDir;
  let s3: TestS3Server;
  let mov: Buffer;
  let handler: S3EventHandler;
  let dataDir: string;
  let counter = 0;
  let prefix: string;

  before(async () => {
    tmp = await makeTempDir('pf-s3-live-events-');
    s3 = await startS3rver(join(tmp.path, 's3rver'));
    await writeMotionVideo(join(tmp.path, 'motion.MOV'), { contentIdentifier: 'EEEE-5555' });
    mov = await readFile(join(tmp.path, 'motion.MOV'));
  });
  after(async () => {
    await s3.stop();
    await tmp.cleanup();
  });
  beforeEach(async () => {
    counter += 1;
    prefix = `live-events-${counter}`;
    dataDir = join(tmp.path, `data-${counter}`);
    handler = await createS3EventHandler(
      { PHOTOS_DIR: `s3://photos/${prefix}`, DATA_DIR: dataDir, PHOTO_OWNER_ID: OWNER, ...s3.env },
      { s3Client: s3.client, logger: silentLogger },
    );
  });
  afterEach(async () => {
    await handler.close();
  });

  const stored = async (): Promise<StoredSource[]> => {
    const db = openDatabase<LibraryDatabase>({ kind: 'sqlite', file: join(dataDir, 'library.sqlite') });
    try {
      const sources = await new PhotoRepository(db).listSources(OWNER, `s3://photos/${prefix}`);
      return sources.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : 1));
    } finally {
      await db.destroy();
    }
  };
  const created = (path: string) => handler.handle(s3Event('ObjectCreated:Put', `${prefix}/${path}`));
  const removed = async (path: string) => {
    await s3.remove(`${prefix}/${path}`);
    return handler.handle(s3Event('ObjectRemoved:Delete', `${prefix}/${path}`));
  };
  const outcomes = (results: Awaited<ReturnType<S3EventHandler['handle']>>) =>
    results.map((r) => [r.key.slice(prefix.length + 1), r.outcome.kind, r.siblingOf !== undefined]);

  it('a MOV after its still gives it motion and is no photo; removing the MOV takes the motion away', async () => {
    await s3.put(`${prefix}/IMG_1.JPG`, withMakerNote(await stillJpeg(), appleMakerNote('EEEE-5555')));
    assert.deepEqual(outcomes(await created('IMG_1.JPG')), [['IMG_1.JPG', 'added', false]]);
    const [still] = await stored();
    assert.ok(still);
    assert.equal(still.motionBytes, null);

    await s3.put(`${prefix}/IMG_1.MOV`, mov);
    assert.deepEqual(outcomes(await created('IMG_1.MOV')), [
      ['IMG_1.MOV', 'missing', false],
      ['IMG_1.JPG', 'unchanged', true],
    ]);
    assert.deepEqual(
      (await stored()).map((s) => [s.sourcePath, s.id, s.motionBytes]),
      [['IMG_1.JPG', still.id, mov.length]],
      'the same photo, now with its motion; no photo for the MOV',
    );

    assert.deepEqual(outcomes(await removed('IMG_1.MOV')), [
      ['IMG_1.MOV', 'not-stored', false],
      ['IMG_1.JPG', 'unchanged', true],
    ]);
    assert.deepEqual(
      (await stored()).map((s) => [s.sourcePath, s.id, s.motionBytes]),
      [['IMG_1.JPG', still.id, null]],
    );
  });

  it('removing the still leaves the video a video of its own; a still arriving takes it back in', async () => {
    await s3.put(`${prefix}/IMG_2.JPG`, await stillJpeg(320, 240, 'corner'));
    await s3.put(`${prefix}/IMG_2.MOV`, mov);
    await created('IMG_2.JPG');
    await created('IMG_2.MOV');
    assert.deepEqual(
      (await stored()).map((s) => [s.sourcePath, s.motionBytes]),
      [['IMG_2.JPG', mov.length]],
    );

    assert.deepEqual(outcomes(await removed('IMG_2.JPG')), [
      ['IMG_2.JPG', 'removed', false],
      ['IMG_2.MOV', 'added', true],
    ]);
    const [video] = await stored();
    assert.equal(video?.sourcePath, 'IMG_2.MOV');
    assert.equal(video.motionBytes, null);

    // The still comes back: the pair is one photo again, and the video's own photo goes.
    await s3.put(`${prefix}/IMG_2.JPG`, await stillJpeg(320, 240, 'corner'));
    assert.deepEqual(outcomes(await created('IMG_2.JPG')), [
      ['IMG_2.JPG', 'added', false],
      ['IMG_2.MOV', 'removed', true],
    ]);
    assert.deepEqual(
      (await stored()).map((s) => [s.sourcePath, s.motionBytes]),
      [['IMG_2.JPG', mov.length]],
    );
  });
});
