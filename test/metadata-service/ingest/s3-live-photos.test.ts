import assert from 'node:assert/strict';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '../../../common/logger';
import { openDatabase } from '../../../common/database';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import { runIngest } from '../../../metadata-service/ingest/ingest-run';
import { MAX_MOTION_BYTES } from '../../../metadata-service/ingest/live-photos/motion-part';
import { createS3Source } from '../../../metadata-service/ingest/s3-source';
import { createLibrary, type Library } from '../../../metadata-service/library';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { startS3rver, type TestS3Server } from '../../support/s3rver';
import { makeTempDir, silentLogger, type TempDir } from '../support/fixtures';
import {
  appleMakerNote,
  stillJpeg,
  withMakerNote,
  writeMotionVideo,
} from './live-photos/live-photo-fixtures';

const OWNER = 'owner-s3-live';

/** A logger that keeps what it was told, to see the refusals pair-live-photos.ts logs. */
function recordingLogger(): Logger & { lines: { message: string; fields: Record<string, unknown> }[] } {
  const lines: { message: string; fields: Record<string, unknown> }[] = [];
  const log = (message: string, fields: Record<string, unknown> = {}): void => {
    lines.push({ message, fields });
  };
  const logger = { lines, debug: log, info: log, warn: log, error: log, child: () => logger };
  return logger;
}

describe('S3 source: Live Photo pairs (against s3rver)', function () {
  this.timeout(60_000);
  let tmp: TempDir;
  let s3: TestS3Server;
  /** A client of its own that notes the key of every GetObject it sends. */
  let counting: S3Client;
  let gets: string[];
  let ranges: string[];
  let movs: { plain: string; identified: string; other: string; long: string };
  let library: Library;
  let repository: PhotoRepository;
  let closeDb: () => Promise<void>;
  let logger: ReturnType<typeof recordingLogger>;
  let counter = 0;
  let prefix: string;

  before(async () => {
    tmp = await makeTempDir('pf-s3-live-');
    s3 = await startS3rver(join(tmp.path, 's3rver'));
    await mkdir(join(tmp.path, 'downloads'));
    counting = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    counting.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'GetObjectCommand') {
          const input = args.input as { Key: string; Range?: string };
          gets.push(input.Key);
          ranges.push(input.Range ?? 'whole object');
        }
        return next(args);
      },
      { step: 'initialize', name: 'countGets' },
    );
    // ffmpeg is the slow part: each video is made once for the file, uploaded under fresh keys per test.
    movs = {
      plain: join(tmp.path, 'plain.MOV'),
      identified: join(tmp.path, 'identified.MOV'),
      other: join(tmp.path, 'other.MOV'),
      long: join(tmp.path, 'long.MOV'),
    };
    await writeMotionVideo(movs.plain);
    await writeMotionVideo(movs.identified, { contentIdentifier: 'AAAA-1111' });
    await writeMotionVideo(movs.other, { contentIdentifier: 'BBBB-2222' });
    await writeMotionVideo(movs.long, { seconds: 11 });
  });
  after(async () => {
    counting.destroy();
    await s3.stop();
    await tmp.cleanup();
  });
  beforeEach(async () => {
    counter += 1;
    prefix = `live-${counter}`;
    gets = [];
    ranges = [];
    logger = recordingLogger();
    const file = join(tmp.path, `library-${counter}.sqlite`);
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

  // A new source per run, as source-for.ts makes one per ingest job: what the pairing remembers must outlive it.
  const source = () =>
    createS3Source(`s3://photos/${prefix}`, counting, { tempDir: join(tmp.path, 'downloads'), logger });
  const ingest = () => runIngest(source(), { ownerId: OWNER }, { repository, logger: silentLogger });
  const all = () => library.api.search(OWNER, { query: { labels: [] }, limit: 100 });
  const videos = () =>
    library.api.search(OWNER, { query: { labels: [], mediaKinds: ['video'] }, limit: 100 });
  const identifiedStill = async (identifier: string) =>
    withMakerNote(await stillJpeg(), appleMakerNote(identifier));
  const refusals = () =>
    logger.lines
      .filter((l) => l.message === 'live photo pair refused')
      .map((l) => [l.fields.video, l.fields.code]);

  it('lists a still and its MOV as one still carrying its motion, stored as one photo', async () => {
    const mov = await readFile(movs.identified);
    await s3.put(`${prefix}/2025/IMG_1234.JPG`, await identifiedStill('AAAA-1111'));
    await s3.put(`${prefix}/2025/IMG_1234.MOV`, mov);

    const listed = await source().list();
    assert.deepEqual(
      listed.map((f) => [f.path, f.motion?.path]),
      [['2025/IMG_1234.JPG', '2025/IMG_1234.MOV']],
    );
    // Bounded reads: the MOV's box headers and moov by ranged GETs (two windows here), the still's head once.
    assert.deepEqual(gets.sort(), [
      `${prefix}/2025/IMG_1234.JPG`,
      `${prefix}/2025/IMG_1234.MOV`,
      `${prefix}/2025/IMG_1234.MOV`,
    ]);
    assert.ok(
      ranges.every((range) => /^bytes=\d+-\d+$/.test(range)),
      `every pairing GET is ranged: ${ranges.join(', ')}`,
    );
    const report = await ingest();
    assert.deepEqual([report.scanned, report.added, report.skipped], [1, 1, []]);

    const found = await all();
    assert.equal(found.total, 1, 'the pair counts one photo');
    assert.equal((await videos()).total, 0, 'the MOV is no clip of its own');
    const [summary] = found.photos;
    assert.ok(summary);
    const facts = await library.api.getPhoto(OWNER, summary.id);
    assert.equal(facts.motionPart?.kind, 'live-photo');
    assert.equal(facts.motionPart?.uri, `s3://photos/${prefix}/2025/IMG_1234.MOV`);
    assert.equal(facts.motionPart?.bytes, mov.length);
    assert.ok(facts.motionPart?.durationMs && Math.abs(facts.motionPart.durationMs - 1500) < 200);
    assert.deepEqual(refusals(), []);
    assert.deepEqual(await readdir(join(tmp.path, 'downloads')), []);
  });

  it('keeps both files when the identifiers disagree, or the video is too long or too large, and logs why', async () => {
    await s3.put(`${prefix}/IMG_7.JPG`, await identifiedStill('AAAA-1111'));
    await s3.put(`${prefix}/IMG_7.MOV`, await readFile(movs.other));
    await s3.put(`${prefix}/DSC_1.JPG`, await stillJpeg(320, 240, 'corner'));
    await s3.put(`${prefix}/DSC_1.MOV`, await readFile(movs.long));
    // Never read: its listed size alone refuses it (zeros, not a video at all).
    await s3.put(`${prefix}/DSC_2.JPG`, await stillJpeg(240, 160));
    await s3.put(`${prefix}/DSC_2.MOV`, Buffer.alloc(MAX_MOTION_BYTES + 1));

    const listed = await source().list();
    assert.deepEqual(
      listed.map((f) => [f.path, f.motion?.path]),
      [
        ['DSC_1.JPG', undefined],
        ['DSC_1.MOV', undefined],
        ['DSC_2.JPG', undefined],
        ['DSC_2.MOV', undefined],
        ['IMG_7.JPG', undefined],
        ['IMG_7.MOV', undefined],
      ],
    );
    assert.deepEqual(refusals().sort(), [
      ['DSC_1.MOV', 'MOTION_TOO_LONG'],
      ['DSC_2.MOV', 'MOTION_TOO_LARGE'],
      ['IMG_7.MOV', 'MOTION_IDENTIFIER_MISMATCH'],
    ]);
    assert.ok(!gets.includes(`${prefix}/DSC_2.MOV`), 'an oversized video is refused without a GET');
  });

  it('rescans an unchanged pair without a GET, and reads a rewritten video again', async () => {
    await s3.put(`${prefix}/IMG_1.JPG`, await identifiedStill('AAAA-1111'));
    await s3.put(`${prefix}/IMG_1.MOV`, await readFile(movs.identified));
    await s3.put(`${prefix}/IMG_2.JPG`, await stillJpeg(320, 240, 'corner'));
    await s3.put(`${prefix}/IMG_2.MOV`, await readFile(movs.plain));
    assert.equal((await ingest()).added, 2);
    assert.ok(gets.some((key) => key.endsWith('IMG_1.MOV')));
    assert.ok(gets.some((key) => key.endsWith('IMG_1.JPG')));

    gets = [];
    const rescan = await ingest();
    assert.deepEqual([rescan.unchanged, rescan.added, rescan.removed], [2, 0, 0]);
    assert.deepEqual(gets, [], 'an unchanged pair costs no GetObject');

    // The video is rewritten (another take): its header is read again, and only its header.
    await s3.put(`${prefix}/IMG_2.MOV`, await readFile(movs.long));
    gets = [];
    const listed = await source().list();
    assert.deepEqual(
      listed.map((f) => [f.path, f.motion?.path]),
      [
        ['IMG_1.JPG', 'IMG_1.MOV'],
        ['IMG_2.JPG', undefined],
        ['IMG_2.MOV', undefined],
      ],
    );
    assert.ok(gets.length > 0 && gets.every((key) => key === `${prefix}/IMG_2.MOV`));
    assert.deepEqual(refusals(), [['IMG_2.MOV', 'MOTION_TOO_LONG']]);
  });
});
