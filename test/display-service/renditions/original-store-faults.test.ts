import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import type { PhotoSummary } from '../../../common/contracts';
import { isAppError } from '../../../common/errors';
import { NotReadyError } from '../../../display-service/display';
import { S3OriginalStore } from '../../../display-service/renditions/s3-original-store';
import { startS3rver, type TestS3Server } from '../../support/s3rver';
import { startDisplay, type RunningDisplay } from '../helpers/display-harness';
import { makeTempDir } from '../helpers/image-fixtures';
import { S3FaultFront } from './s3-fault-front';

const OWNER = 'alice';
const DEADLINE_MS = 1500;
/** Answering is a few ms after the deadline; the margin covers a busy 2-core test machine. */
const MARGIN_MS = 1000;

interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
  body: string;
  elapsedMs: number;
}

describe('renditions from an S3 store that hangs, goes down and comes back (real s3rver, real sockets)', function () {
  this.timeout(60_000);
  let dir: string;
  let cleanup: () => Promise<void>;
  let s3: TestS3Server;
  let front: S3FaultFront;
  let client: S3Client;
  let running: RunningDisplay;
  let photoCount = 0;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    await mkdir(join(dir, 's3'));
    s3 = await startS3rver(join(dir, 's3'));
    front = new S3FaultFront(Number(new URL(s3.endpoint).port));
    client = new S3Client({
      region: 'us-east-1',
      endpoint: await front.listen(),
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    running = await startDisplay(dir, {
      s3Client: client,
      fastPath: true,
      limits: { renderTimeoutMs: DEADLINE_MS },
      sharp: { maxConcurrentRenders: 2 },
    });
  });
  afterEach(async () => {
    await running.close();
    client.destroy();
    await front.close();
    await s3.stop();
    await cleanup();
  });

  /** A fresh photo in S3 (its own width, so its own content hash: never a cached rendition) known to the library. */
  async function addPhoto(): Promise<string> {
    const id = `p${++photoCount}`;
    const width = 600 + photoCount;
    const jpeg = await sharp({
      create: { width, height: 480, channels: 3, background: { r: 200, g: 90, b: 160 } },
    })
      .jpeg()
      .toBuffer();
    await s3.put(`${id}.jpg`, jpeg);
    const summary: PhotoSummary = {
      id,
      takenLocal: '2026-07-14T15:30:12',
      width,
      height: 480,
      orientation: 1,
      source: {
        path: `${id}.jpg`,
        uri: `s3://photos/${id}.jpg`,
        contentHash: createHash('sha256').update(jpeg).digest('hex'),
        bytes: jpeg.length,
      },
    };
    running.library.add(OWNER, summary);
    return id;
  }

  async function fetchRendition(photoId: string): Promise<Answer> {
    const url = running.signedUrl({ ownerId: OWNER, photoId, width: 960, height: 480, shape: 'RECTANGLE' });
    const started = Date.now();
    const response = await fetch(url);
    const body = Buffer.from(await response.arrayBuffer());
    const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
    const text = isJson ? body.toString('utf8') : '';
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      code: isJson ? (JSON.parse(text) as { error: { code: string } }).error.code : undefined,
      body: text,
      elapsedMs: Date.now() - started,
    };
  }

  function assertRetryableWithoutInternals(answer: Answer, codes: readonly string[]): void {
    assert.equal(answer.status, 503, answer.body);
    assert.ok(codes.includes(answer.code ?? ''), `code ${String(answer.code)} not in ${codes.join(', ')}`);
    assert.ok(Number(answer.retryAfter) > 0, `Retry-After is ${String(answer.retryAfter)}`);
    assert.doesNotMatch(answer.body, /127\.0\.0\.1|localhost|photos\/p|s3:|\bat\s+\S+:\d+/);
  }

  it('a hung S3 answers each of 20 concurrent requests with 503 + Retry-After within the deadline, then recovers', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => addPhoto()));
    front.mode = 'hang';
    const answers = await Promise.all(ids.map((id) => fetchRendition(id)));
    for (const answer of answers) {
      assertRetryableWithoutInternals(answer, ['ORIGINAL_STORE_TIMEOUT', 'RENDER_QUEUE_TIMEOUT']);
      assert.ok(answer.elapsedMs < DEADLINE_MS + MARGIN_MS, `answered after ${answer.elapsedMs} ms`);
    }
    // Each timed out reading from S3 or waiting for a render slot behind those that were; the store is named.
    assert.ok(answers.some((a) => a.code === 'ORIGINAL_STORE_TIMEOUT'));
    // Aborting at the deadline tears the hung sockets down instead of leaving them to hold connections.
    await waitFor(() => front.openConnections === 0, 2000, 'hung S3 connections closed');

    front.mode = 'forward';
    const recovered = await fetchRendition(ids[0] ?? '');
    assert.equal(recovered.status, 200);
    const fresh = await fetchRendition(await addPhoto());
    assert.equal(fresh.status, 200);
  });

  it('a stopped S3 answers 503 ORIGINAL_STORE_UNAVAILABLE (never 500), and renditions work once it is back', async () => {
    const before = await addPhoto();
    assert.equal((await fetchRendition(before)).status, 200);
    const during = await addPhoto();
    await s3.stop();

    const down = await fetchRendition(during);
    assertRetryableWithoutInternals(down, ['ORIGINAL_STORE_UNAVAILABLE']);
    assert.ok(down.elapsedMs < DEADLINE_MS + MARGIN_MS, `answered after ${down.elapsedMs} ms`);
    // What was rendered before the outage is still served (from the rendition cache).
    assert.equal((await fetchRendition(before)).status, 200);
    // Readiness reflects the store (a HeadBucket on the bucket originals come from).
    await assert.rejects(running.display.ready(), (error: unknown) => {
      assert.ok(error instanceof NotReadyError);
      assert.deepEqual(error.reasons, ['original store does not answer']);
      return true;
    });

    s3 = await startS3rver(join(dir, 's3'));
    front.upstreamPort = Number(new URL(s3.endpoint).port);
    const back = await fetchRendition(during);
    assert.equal(back.status, 200);
    await running.display.ready();
  });

  it('a reset connection (store refusing) is 503 ORIGINAL_STORE_UNAVAILABLE too', async () => {
    const id = await addPhoto();
    front.mode = 'refuse';
    assertRetryableWithoutInternals(await fetchRendition(id), ['ORIGINAL_STORE_UNAVAILABLE']);
  });

  it('probe() says whether the store answers: resolves when up, stable codes when hung or down', async () => {
    const store = new S3OriginalStore(client, { probeBucket: 'photos', probeTimeoutMs: 500 });
    await store.probe();
    front.mode = 'hang';
    const started = Date.now();
    await assert.rejects(store.probe(), (error: unknown) => {
      assert.ok(isAppError(error));
      assert.equal(error.code, 'ORIGINAL_STORE_TIMEOUT');
      return true;
    });
    assert.ok(Date.now() - started < 500 + MARGIN_MS);
    front.mode = 'refuse';
    await assert.rejects(store.probe(), { code: 'ORIGINAL_STORE_UNAVAILABLE', status: 503 });
    front.mode = 'forward';
    await store.probe();
    // A bucket that does not exist still proves the store answers (404 is an answer).
    await new S3OriginalStore(client, { probeBucket: 'no-such-bucket' }).probe();
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
