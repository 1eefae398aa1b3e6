import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../../common/database';
import { isAppError } from '../../../common/errors';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { decodeS3Key } from '../../../metadata-service/ingest/s3-events';
import { openJobQueue } from '../../../metadata-service/jobs/open-job-queue';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { createS3EventHandler, type S3EventHandler } from '../../../metadata-service/s3-event-handler';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../support/fixtures';
import { startS3rver, type TestS3Server } from '../../support/s3rver';

const OWNER = 'owner-events';

/** A notification as S3 sends it: keys URL-encoded with '+' for spaces. */
function s3Event(...records: { eventName: string; key: string; bucket?: string; size?: number }[]) {
  return {
    Records: records.map((r) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-07-14T10:00:00.000Z',
      eventName: r.eventName,
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: r.bucket ?? 'photos', arn: `arn:aws:s3:::${r.bucket ?? 'photos'}` },
        object: {
          key: encodeURIComponent(r.key).replace(/%20/g, '+').replace(/%2F/g, '/'),
          size: r.size ?? 1,
        },
      },
    })),
  };
}

describe('S3 event notifications (against s3rver)', function () {
  this.timeout(60_000);
  let tmp: TempDir;
  let s3: TestS3Server;
  let handler: S3EventHandler;
  let dataDir: string;
  let counter = 0;
  let prefix: string;

  before(async () => {
    tmp = await makeTempDir('pf-s3-events-');
    s3 = await startS3rver(join(tmp.path, 's3rver'));
  });
  after(async () => {
    await s3.stop();
    await tmp.cleanup();
  });
  beforeEach(async () => {
    counter += 1;
    prefix = `events-${counter}`;
    dataDir = join(tmp.path, `data-${counter}`);
    handler = await createS3EventHandler(
      { PHOTOS_DIR: `s3://photos/${prefix}`, DATA_DIR: dataDir, PHOTO_OWNER_ID: OWNER, ...s3.env },
      { s3Client: s3.client, logger: silentLogger },
    );
  });
  afterEach(async () => {
    await handler.close();
  });

  const jpeg = async (seed: number): Promise<Buffer> => {
    const path = join(tmp.path, `fixture-${counter}-${seed}.jpg`);
    await writeJpeg(path, { seed, dateTimeOriginal: '2025:12:25 09:30:00' });
    return readFile(path);
  };
  const withRepository = async <T>(work: (repository: PhotoRepository) => Promise<T>): Promise<T> => {
    const db = openDatabase<LibraryDatabase>({ kind: 'sqlite', file: join(dataDir, 'library.sqlite') });
    try {
      return await work(new PhotoRepository(db));
    } finally {
      await db.destroy();
    }
  };
  const stored = () =>
    withRepository(async (r) =>
      (await r.listSources(OWNER, `s3://photos/${prefix}`)).map((s) => s.sourcePath).sort(),
    );

  it('decodes notification keys: "+" is a space, escapes are UTF-8', () => {
    assert.equal(decodeS3Key('My+Photos/caf%C3%A9+1.jpg'), 'My Photos/café 1.jpg');
    assert.equal(decodeS3Key('100%+sure.jpg'), '100% sure.jpg');
  });

  it('ingests created objects and removes deleted ones with the same code as a full run', async () => {
    await s3.put(`${prefix}/Christmas 2025/tree.jpg`, await jpeg(1));
    await s3.put(`${prefix}/b.jpg`, await jpeg(2));
    const created = await handler.handle(
      s3Event(
        { eventName: 'ObjectCreated:Put', key: `${prefix}/Christmas 2025/tree.jpg` },
        { eventName: 'ObjectCreated:CompleteMultipartUpload', key: `${prefix}/b.jpg` },
      ),
    );
    assert.deepEqual(
      created.map((r) => [r.key, r.outcome.kind]),
      [
        [`${prefix}/Christmas 2025/tree.jpg`, 'added'],
        [`${prefix}/b.jpg`, 'added'],
      ],
    );
    assert.deepEqual(await stored(), ['Christmas 2025/tree.jpg', 'b.jpg']);

    // The same notification delivered twice (S3 is at-least-once) changes nothing.
    const again = await handler.handle(s3Event({ eventName: 'ObjectCreated:Put', key: `${prefix}/b.jpg` }));
    assert.equal(again[0]?.outcome.kind, 'unchanged');

    // Overwritten with other bytes: the new photo replaces the old one at that key.
    await s3.put(`${prefix}/b.jpg`, await jpeg(3));
    const replaced = await handler.handle(
      s3Event({ eventName: 'ObjectCreated:Put', key: `${prefix}/b.jpg` }),
    );
    assert.equal(replaced[0]?.outcome.kind, 'added');
    const ids = await withRepository((r) => r.listSources(OWNER, `s3://photos/${prefix}`));
    assert.equal(ids.length, 2);

    await s3.remove(`${prefix}/Christmas 2025/tree.jpg`);
    const removed = await handler.handle(
      s3Event({ eventName: 'ObjectRemoved:Delete', key: `${prefix}/Christmas 2025/tree.jpg` }),
    );
    assert.deepEqual(removed[0]?.outcome, { kind: 'removed' });
    assert.deepEqual(await stored(), ['b.jpg']);
  });

  it('queues one vision job per indexed photo, once however often S3 delivers the notification', async () => {
    await s3.put(`${prefix}/a.jpg`, await jpeg(11));
    await s3.put(`${prefix}/b.jpg`, await jpeg(12));
    const created = s3Event(
      { eventName: 'ObjectCreated:Put', key: `${prefix}/a.jpg` },
      { eventName: 'ObjectCreated:Put', key: `${prefix}/b.jpg` },
    );
    await handler.handle(created);
    await handler.handle(created);
    await handler.handle(s3Event({ eventName: 'ObjectCreated:Put', key: `${prefix}/elsewhere.jpg` }));
    const queue = await openJobQueue(
      { kind: 'sqlite', file: join(dataDir, 'library.sqlite') },
      { logger: silentLogger },
    );
    try {
      assert.deepEqual(await queue.counts('vision', OWNER), { queued: 2, active: 0, failed: 0, dead: 0 });
      assert.deepEqual(await queue.counts('vision', 'someone-else'), {
        queued: 0,
        active: 0,
        failed: 0,
        dead: 0,
      });
    } finally {
      await queue.stop({ graceMs: 100 });
    }
  });

  it('moves the photo to a surviving copy when the stored key is removed', async () => {
    const bytes = await jpeg(4);
    await s3.put(`${prefix}/old/a.jpg`, bytes);
    await handler.handle(s3Event({ eventName: 'ObjectCreated:Put', key: `${prefix}/old/a.jpg` }));
    const [before] = await withRepository((r) => r.listSources(OWNER, `s3://photos/${prefix}`));
    // A "move" in S3 is copy + delete: the copy arrives first and is a duplicate of the stored photo.
    await s3.put(`${prefix}/new/a.jpg`, bytes);
    const copy = await handler.handle(
      s3Event({ eventName: 'ObjectCreated:Copy', key: `${prefix}/new/a.jpg` }),
    );
    assert.deepEqual(copy[0]?.outcome.kind, 'skipped');
    await s3.remove(`${prefix}/old/a.jpg`);
    const removal = await handler.handle(
      s3Event({ eventName: 'ObjectRemoved:Delete', key: `${prefix}/old/a.jpg` }),
    );
    assert.deepEqual(removal[0]?.outcome, { kind: 'moved', toPath: 'new/a.jpg' });
    const [after] = await withRepository((r) => r.listSources(OWNER, `s3://photos/${prefix}`));
    assert.equal(after?.id, before?.id);
    assert.equal(after?.sourcePath, 'new/a.jpg');
    assert.deepEqual(await withRepository((r) => r.listSkips(OWNER)), []);
  });

  it('skips hostile objects with a reason, and ignores other buckets, prefixes and events', async () => {
    await s3.put(`${prefix}/notes.jpg`, 'not a photo');
    const results = await handler.handle(
      s3Event(
        { eventName: 'ObjectCreated:Put', key: `${prefix}/notes.jpg` },
        { eventName: 'ObjectCreated:Put', key: `${prefix}/gone.jpg` },
        { eventName: 'ObjectCreated:Put', key: `${prefix}/IMG_1.jpg`, bucket: 'other-bucket' },
        { eventName: 'ObjectCreated:Put', key: 'elsewhere/IMG_1.jpg' },
        { eventName: 'ObjectCreated:Put', key: `${prefix}/IMG_1.jpg.json` },
        { eventName: 'ObjectRestore:Completed', key: `${prefix}/IMG_1.jpg` },
      ),
    );
    const [hostile] = results;
    assert.ok(hostile?.outcome.kind === 'skipped' && hostile.outcome.reason.length > 0);
    assert.deepEqual(
      results.map((r) =>
        r.outcome.kind === 'skipped' ? { kind: 'skipped', code: r.outcome.code } : r.outcome,
      ),
      [
        { kind: 'skipped', code: 'NOT_AN_IMAGE' },
        { kind: 'missing' },
        { kind: 'ignored', reason: 'OTHER_BUCKET' },
        { kind: 'ignored', reason: 'NOT_IN_LIBRARY' },
        { kind: 'ignored', reason: 'NOT_IN_LIBRARY' },
        { kind: 'ignored', reason: 'OTHER_EVENT' },
      ],
    );
    const skips = await withRepository((r) => r.listSkips(OWNER));
    assert.deepEqual(
      skips.map((s) => [s.sourcePath, s.reasonCode]),
      [['notes.jpg', 'NOT_AN_IMAGE']],
    );
  });

  it('rejects a malformed event with a 400 naming the field; a test event has no records', async () => {
    await assert.rejects(
      handler.handle({ Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'photos' } } }] }),
      (e: unknown) => isAppError(e) && e.status === 400 && /Records/.test(e.publicMessage),
    );
    assert.deepEqual(await handler.handle({ Service: 'Amazon S3', Event: 's3:TestEvent' }), []);
  });

  it('fails at start-up, naming the variable, when PHOTOS_DIR is not an s3:// location', async () => {
    await assert.rejects(
      createS3EventHandler({ PHOTOS_DIR: '/srv/photos', DATA_DIR: dataDir }, { logger: silentLogger }),
      /PHOTOS_DIR/,
    );
  });
});
