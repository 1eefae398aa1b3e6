import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { localStackConfigFromEnv } from '../../server/config';
import { startLocalStack, type LocalStack, type LocalStackDeps } from '../../server/local-stack';
import type { RetryPolicy } from '../../metadata-service/jobs/queue-definitions';
import { scratchEngines } from '../support/scratch-databases';
import { schemaOf } from '../metadata-service/jobs/support/test-queues';
import { RekognitionDouble } from './support/rekognition-double';

/**
 * The embedded default (`npm start` with PHOTOS_DIR) runs its ingest and vision through the job queue in
 * DATA_DIR/library.sqlite: a restart resumes what was left, a failed vision job is retried, a photo that always
 * fails ends in the dead letters, shown on /healthz and sent back by `npm run worker -- --retry-dead vision`.
 */

const REPO = resolve(__dirname, '..', '..');
/** Retries within a test's seconds: one retry after 0.2-0.4 s. */
const QUICK: RetryPolicy = { retryLimit: 1, retryDelaySeconds: 0.2, leaseSeconds: 30 };

interface Health {
  status: string;
  ingest: { state: string; done: number; total: number };
  vision: {
    state: string;
    done: number;
    total: number;
    reason?: string;
    jobs?: { queued: number; active: number; failed: number; dead: number };
  };
}

/** Distinct real JPEGs (noise, so no two are alike or near-duplicates). */
async function addPhotos(dir: string, count: number, size = { width: 96, height: 64 }): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const image = await sharp({
      create: {
        ...size,
        channels: 3,
        background: { r: (i * 53) % 256, g: 90, b: 160 },
        noise: { type: 'gaussian', mean: 120, sigma: 60 },
      },
    })
      .jpeg()
      .toBuffer();
    writeFileSync(join(dir, `photo-${i}.jpg`), image);
  }
}

async function health(stack: LocalStack): Promise<Health> {
  return (await (await fetch(`${stack.url}/healthz`)).json()) as Health;
}

async function until<T>(ms: number, probe: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const started = Date.now();
  let last = await probe();
  while (!check(last)) {
    if (Date.now() - started > ms) assert.fail(`not within ${ms} ms; last seen ${JSON.stringify(last)}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
    last = await probe();
  }
  return last;
}

async function photoCount(stack: LocalStack): Promise<number> {
  const response = await fetch(`${stack.url}/v1/library/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: {}, limit: 500 }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { total: number }).total;
}

/** What the queue's own tables say: finished jobs (job_queue_done) and jobs still in the queue. */
function queueTables(dataDir: string): {
  done: { queue: string; job_key: string | null; attempts: number }[];
  waiting: { queue: string; state: string; last_error: string | null }[];
  photos: number;
  /** Stills whose perceptual hash is stored: the run's hash stage, after the metadata pass, fills it in. */
  hashed: number;
  analysed: number;
} {
  const db = new Database(join(dataDir, 'library.sqlite'), { readonly: true });
  try {
    return {
      done: db.prepare('select queue, job_key, attempts from job_queue_done').all() as never,
      waiting: db.prepare('select queue, state, last_error from job_queue').all() as never,
      photos: (db.prepare('select count(*) as n from photos').get() as { n: number }).n,
      hashed: (
        db.prepare('select count(*) as n from photos where perceptual_hash is not null').get() as {
          n: number;
        }
      ).n,
      analysed: (db.prepare('select count(*) as n from photo_vision').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('the embedded stack runs ingest and vision on the SQLite job queue', function () {
  this.timeout(60_000);
  let root: string;
  let stack: LocalStack | undefined;
  let rekognition: RekognitionDouble | undefined;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'photoframe-embedded-jobs-'));
  });
  afterEach(async () => {
    await stack?.close().catch(() => undefined);
    stack = undefined;
    await rekognition?.stop();
    rekognition = undefined;
    await rm(root, { recursive: true, force: true });
  });

  async function start(vision: boolean, deps: LocalStackDeps = {}): Promise<LocalStack> {
    const client = vision ? await rekognition!.start() : undefined;
    const config = {
      ...localStackConfigFromEnv({ VISION: 'false', WATCH_PHOTOS: 'false', WATCH_RESCAN_MINUTES: '0' }),
      port: 0,
      dataDir: join(root, 'data'),
      photosDir: join(root, 'photos'),
      logLevel: (process.env.DEBUG_LOG ?? 'silent') as 'silent',
      vision: client
        ? { provider: 'rekognition' as const, region: 'us-east-1', collectionPrefix: 'pf-test-', client }
        : undefined,
    };
    return startLocalStack(config, deps);
  }

  it('a restart mid-ingest resumes the pass from the queue: every photo indexed once, the pass finished once', async () => {
    await addPhotos(join(root, 'photos'), 40, { width: 640, height: 480 });
    // No grace: the pass in flight goes back to the queue at once, as after a crash (minus the lease wait).
    stack = await start(false, { jobGraceMs: 0 });
    const live = stack;
    const seen = await until(
      20_000,
      () => health(live),
      (h) => h.ingest.state !== 'running' || h.ingest.done > 0,
    );
    assert.equal(seen.ingest.state, 'running', 'stopped while the pass was still running');
    await stack.close();
    stack = undefined;
    const interrupted = queueTables(join(root, 'data'));
    // Interrupted in its metadata pass (photos missing) or in its hash stage (hashes missing): a pass stores
    // 40 small photos' metadata in a few dozen milliseconds, so either can be where the restart lands.
    assert.ok(
      interrupted.photos < 40 || interrupted.hashed < 40,
      `the pass was interrupted (${interrupted.photos} of 40 stored, ${interrupted.hashed} hashed)`,
    );
    assert.deepEqual(interrupted.done, [], 'no pass finished before the restart');
    assert.deepEqual(
      interrupted.waiting.map((job) => [job.queue, job.state]),
      [['ingest', 'queued']],
      'the interrupted pass waits in the queue',
    );

    stack = await start(false);
    await stack.ingestDone;
    assert.equal((await health(stack)).ingest.state, 'done');
    assert.equal(await photoCount(stack), 40);
    const after = queueTables(join(root, 'data'));
    assert.equal(after.photos, 40, 'each photo stored once');
    assert.equal(after.hashed, 40, 'each photo hashed');
    // The interrupted pass and the restart's own request were one job (one per key waits): it finished once.
    assert.deepEqual(
      after.done.map((job) => job.queue),
      ['ingest'],
    );
    assert.deepEqual(after.waiting, []);
  });

  it('a failed pass is retried with backoff until its fault is repaired: /healthz says why and when, no signal needed', async () => {
    await addPhotos(join(root, 'photos'), 2);
    stack = await start(false, { ingestRetryDelaysMs: [300, 600] });
    await stack.ingestDone;
    assert.equal(await photoCount(stack), 2);

    // The folder goes away (an unplugged disk), and the operator's SIGHUP asks for a pass.
    await rename(join(root, 'photos'), join(root, 'unplugged'));
    const asked = Date.now();
    await stack.rescan();
    const live = stack;
    const failed = (await health(live)) as Health & {
      ingest: { reason?: string; retry?: { at: string; attempt: number } };
    };
    assert.equal(failed.status, 'degraded');
    assert.equal(failed.ingest.state, 'failed');
    assert.equal(
      failed.ingest.reason,
      'SOURCE_NOT_FOUND: Photo folder PHOTOS_DIR does not exist or cannot be read',
    );
    assert.equal(failed.ingest.retry?.attempt, 1);
    assert.ok(Date.parse(failed.ingest.retry.at) >= asked + 300, 'the retry waits its backoff');
    const tables = queueTables(join(root, 'data'));
    assert.deepEqual(
      tables.waiting.map((job) => [job.queue, job.state]),
      [['ingest', 'queued']],
      'the failed pass waits in the queue for its retry',
    );
    // Tried again by the queue on its own, waiting longer each time.
    await until(
      10_000,
      () => health(live) as Promise<Health & { ingest: { retry?: { attempt: number } } }>,
      (h) => (h.ingest.retry?.attempt ?? 0) >= 2,
    );

    // Repaired, with a photo more: the next retry indexes it.
    await rename(join(root, 'unplugged'), join(root, 'photos'));
    await addPhotos(join(root, 'photos', 'more'), 1);
    await until(
      10_000,
      () => health(live),
      (h) => h.ingest.state === 'done',
    );
    assert.equal((await health(live)).status, 'ok');
    assert.equal(await photoCount(live), 3);
  });

  it('a restart mid-vision: each photo analysed once, each vision job finished once', async () => {
    await addPhotos(join(root, 'photos'), 24);
    rekognition = new RekognitionDouble(() => 'ok', 150);
    stack = await start(true);
    await stack.ingestDone;
    const double = rekognition;
    await until(
      20_000,
      () => Promise.resolve(double.count('DetectLabels')),
      (n) => n >= 6,
    );
    await stack.close();
    stack = undefined;
    const interrupted = queueTables(join(root, 'data'));
    assert.ok(interrupted.analysed < 24, `stopped mid-vision (${interrupted.analysed} of 24 analysed)`);
    assert.ok(interrupted.waiting.some((job) => job.queue === 'vision' && job.state === 'queued'));

    stack = await start(true);
    const live = stack;
    const done = await until(
      30_000,
      () => health(live),
      (h) => h.vision.state === 'done',
    );
    assert.deepEqual(done.vision.jobs, { queued: 0, active: 0, failed: 0, dead: 0 });
    const after = queueTables(join(root, 'data'));
    assert.equal(after.analysed, 24);
    assert.equal(rekognition.count('DetectLabels'), 24, 'no photo sent to the vision service twice');
    const indexed = rekognition.calls.filter((c) => c.operation === 'IndexFaces').map((c) => c.photoId);
    assert.equal(new Set(indexed).size, 24, 'each photo indexed once');
    // Every photo's job finished, each on its first attempt. A photo the restart's pass found still waiting for
    // its running job got one more job (one per key waits), which found the photo analysed and did nothing.
    const visionKeys = new Set(after.done.filter((job) => job.queue === 'vision').map((job) => job.job_key));
    assert.equal(visionKeys.size, 24);
    assert.ok(after.done.every((job) => job.attempts === 1));
  });

  it('a vision job that fails once is retried and done; one that always fails is dead on /healthz until --retry-dead', async () => {
    await addPhotos(join(root, 'photos'), 3);
    let poisoned: string | undefined;
    let healed = false;
    rekognition = new RekognitionDouble((call, calls) => {
      // The very first label request fails once (a passing fault)…
      if (
        call.operation === 'DetectLabels' &&
        calls.filter((c) => c.operation === 'DetectLabels').length === 1
      ) {
        return 'fail';
      }
      // …and one photo's face indexing always fails until the test heals it.
      if (call.operation !== 'IndexFaces' || healed) return 'ok';
      poisoned ??= call.photoId;
      return call.photoId === poisoned ? 'fail' : 'ok';
    });
    stack = await start(true, { jobPolicies: { vision: QUICK } });
    const live = stack;
    const failed = await until(
      20_000,
      () => health(live),
      (h) => h.vision.state === 'failed',
    );
    assert.deepEqual(failed.vision.jobs, { queued: 0, active: 0, failed: 0, dead: 1 });
    assert.match(
      failed.vision.reason ?? '',
      /1 photo\(s\) in the vision dead letters: npm run worker -- --retry-dead vision/,
    );
    const metrics = await (await fetch(`${live.url}/metrics`)).text();
    assert.match(metrics, /^photoframe_library_jobs\{queue="vision",state="dead"\} 1$/m);
    assert.match(metrics, /^photoframe_library_jobs\{queue="ingest",state="queued"\} 0$/m);
    const dataDir = join(root, 'data');
    const tables = queueTables(dataDir);
    assert.deepEqual(tables.waiting, [
      { queue: 'vision', state: 'dead', last_error: 'Request has invalid image' },
    ]);
    assert.equal(tables.analysed, 2);
    // The passing fault: that job finished on its second attempt.
    assert.deepEqual(
      tables.done
        .filter((job) => job.queue === 'vision')
        .map((job) => job.attempts)
        .sort(),
      [1, 2],
    );

    // The operator's CLI on the same SQLite file, while the stack runs: the dead job goes back and is done.
    healed = true;
    const output = await runWorkerCli(['--retry-dead', 'vision'], { DATA_DIR: dataDir });
    assert.equal(output.code, 0, output.stderr);
    assert.equal(output.stdout, '1 dead vision job(s) sent back\n');
    await until(
      20_000,
      () => health(live),
      (h) => h.vision.state === 'done',
    );
    assert.equal(queueTables(dataDir).analysed, 3);
  });
});

function runWorkerCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'metadata-service', 'cli', 'worker.ts'), ...args],
      { cwd: REPO, env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

const postgres = scratchEngines().find((engine) => engine.name === 'PostgreSQL');

describe('the embedded stack on PostgreSQL runs ingest on pg-boss', function () {
  this.timeout(60_000);

  it('indexes PHOTOS_DIR through the queue at startup and on a rescan, and reports both on /healthz', async function () {
    if (!postgres) return this.skip();
    const root = await mkdtemp(join(tmpdir(), 'photoframe-embedded-pg-'));
    const scratch = await postgres.create();
    let stack: LocalStack | undefined;
    try {
      assert.equal(scratch.location.kind, 'postgres');
      await addPhotos(join(root, 'photos'), 3);
      const config = {
        ...localStackConfigFromEnv({ VISION: 'false', WATCH_PHOTOS: 'false', WATCH_RESCAN_MINUTES: '0' }),
        port: 0,
        dataDir: join(root, 'data'),
        photosDir: join(root, 'photos'),
        databaseUrl: scratch.location.kind === 'postgres' ? scratch.location.url : undefined,
        // pg-boss's tables in the scratch schema, dropped with it.
        jobsSchema: schemaOf(scratch.location),
        logLevel: 'silent' as const,
      };
      stack = await startLocalStack(config);
      await stack.ingestDone;
      assert.deepEqual((await health(stack)).ingest, { state: 'done', done: 3, total: 3 });
      assert.equal(await photoCount(stack), 3);

      await addPhotos(join(root, 'photos', 'later'), 1);
      await stack.rescan();
      assert.equal((await health(stack)).ingest.state, 'done');
      assert.equal(await photoCount(stack), 4);
      const metrics = await (await fetch(`${stack.url}/metrics`)).text();
      assert.match(metrics, /^photoframe_library_jobs\{queue="ingest",state="queued"\} 0$/m);
    } finally {
      await stack?.close();
      await scratch.drop();
      await rm(root, { recursive: true, force: true });
    }
  });
});
