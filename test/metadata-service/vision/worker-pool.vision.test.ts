import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLibrary } from '../../../metadata-service/library';
import { VisionSkip } from '../../../metadata-service/vision/vision-types';
import {
  VisionWorkerPool,
  WorkerCrashed,
  WorkerPoolBroken,
} from '../../../metadata-service/vision/worker-pool';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../support/fixtures';

/** Whether a process is still alive (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('vision worker pool', function () {
  // Each worker loads the models (~1 s); these tests start a few.
  this.timeout(60_000);
  let tmp: TempDir;
  let photo: string;

  before(async () => {
    tmp = await makeTempDir('pf-vision-pool-');
    photo = join(tmp.path, 'plain.jpg');
    await writeJpeg(photo, { width: 320, height: 240, seed: 3 });
  });
  after(() => tmp.cleanup());

  it('replaces a worker that crashes mid-photo and retries the photo once on the new one', async () => {
    const killed: number[] = [];
    const served: number[] = [];
    const pool = new VisionWorkerPool({
      size: 1,
      logger: silentLogger,
      onDispatch: ({ pid, attempt }) => {
        if (attempt === 1) {
          killed.push(pid);
          process.kill(pid, 'SIGKILL');
        } else served.push(pid);
      },
    });
    try {
      const result = await pool.analyse({ path: photo }, 'image/jpeg');
      assert.deepEqual(result.faces, [], 'a plain colour card has no faces');
      assert.equal(killed.length, 1);
      assert.equal(served.length, 1);
      assert.notEqual(served[0], killed[0], 'a new process did the retry');
      assert.equal(alive(killed[0] ?? 0), false);
      assert.deepEqual(pool.pids(), served);
    } finally {
      await pool.close();
    }
    assert.equal(alive(served[0] ?? 0), false, 'close stops the workers');
  });

  it('gives up on a photo whose worker crashes twice, and goes on with the next', async () => {
    const pool = new VisionWorkerPool({
      size: 1,
      logger: silentLogger,
      onDispatch: ({ jobId, pid }) => {
        if (jobId === 1) process.kill(pid, 'SIGKILL');
      },
    });
    try {
      const [doomed, next] = await Promise.allSettled([
        pool.analyse({ path: photo }, 'image/jpeg'),
        pool.analyse({ path: photo }, 'image/jpeg'),
      ]);
      assert.equal(doomed.status, 'rejected');
      assert.ok(doomed.status === 'rejected' && doomed.reason instanceof WorkerCrashed);
      assert.equal(next.status, 'fulfilled');
    } finally {
      await pool.close();
    }
  });

  it('stops restarting workers that die before they load (models missing): every photo fails fast', async () => {
    const dying = join(tmp.path, 'dying-worker.js');
    await writeFile(dying, "process.stderr.write('cannot load models\\n'); process.exit(3);\n");
    const pool = new VisionWorkerPool({ size: 2, logger: silentLogger, workerScript: dying });
    try {
      await assert.rejects(pool.analyse({ path: photo }, 'image/jpeg'), (error: Error) => {
        assert.ok(error instanceof WorkerPoolBroken);
        assert.match(error.message, /cannot load models/);
        return true;
      });
      await assert.rejects(pool.analyse({ path: photo }, 'image/jpeg'), WorkerPoolBroken);
    } finally {
      await pool.close();
    }
  });

  it('answers an undecodable photo with a VisionSkip, without a crash', async () => {
    const pool = new VisionWorkerPool({ size: 1, logger: silentLogger });
    try {
      const pids = pool.pids();
      await assert.rejects(pool.analyse({ bytes: Buffer.from('not a jpeg') }, 'image/jpeg'), VisionSkip);
      assert.deepEqual(pool.pids(), pids);
    } finally {
      await pool.close();
    }
  });

  it('records a photo whose worker keeps crashing as a vision skip; ingest goes on and does not retry it', async () => {
    const photos = join(tmp.path, 'library');
    await writeJpeg(join(photos, 'a.jpg'), { width: 320, height: 240, seed: 5 });
    await writeJpeg(join(photos, 'b.jpg'), { width: 320, height: 240, seed: 6 });
    let crashes = 0;
    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') },
      logger: silentLogger,
      vision: {
        provider: 'local',
        workers: 1,
        // Photos are analysed in id order; the first one's worker dies every time.
        onWorkerDispatch: ({ jobId, pid }) => {
          if (jobId === 1) {
            crashes += 1;
            process.kill(pid, 'SIGKILL');
          }
        },
      },
    });
    try {
      const report = await library.ingest(photos, { ownerId: 'o', vision: 'wait' });
      assert.equal(report.added, 2);
      assert.ok(report.vision?.state === 'done');
      assert.equal(crashes, 2);
      assert.equal(report.vision.analysed, 1);
      assert.equal(report.vision.skipped.length, 1);
      assert.match(report.vision.skipped[0]?.reason ?? '', /crashed 2 times/);
      const again = await library.ingest(photos, { ownerId: 'o', vision: 'wait' });
      assert.ok(again.vision?.state === 'done');
      assert.deepEqual([again.vision.analysed, again.vision.skipped.length], [0, 0]);
    } finally {
      await library.close();
    }
  });

  it('runs vision in the background by default, reporting each phase; closing the library stops it', async () => {
    const photos = join(tmp.path, 'background');
    for (let i = 0; i < 4; i++)
      await writeJpeg(join(photos, `p${i}.jpg`), { width: 320, height: 240, seed: 20 + i });
    const pids: number[] = [];
    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(tmp.path, 'background.sqlite') },
      logger: silentLogger,
      vision: { provider: 'local', workers: 1, onWorkerDispatch: ({ pid }) => pids.push(pid) },
    });
    try {
      const phases: string[] = [];
      const report = await library.ingest(photos, {
        ownerId: 'o',
        onProgress: (p) => phases.push(`${p.phase} ${p.done}/${p.total}`),
      });
      assert.deepEqual(report.vision, { state: 'background' });
      // The metadata pass, then the run's hash stage (decoding the new stills), before ingest returns.
      assert.deepEqual(phases, [
        'metadata 1/4',
        'metadata 2/4',
        'metadata 3/4',
        'metadata 4/4',
        'hashes 4/4',
      ]);
      await library.visionIdle();
      assert.deepEqual(phases.slice(5), ['vision 1/4', 'vision 2/4', 'vision 3/4', 'vision 4/4']);
      assert.equal(pids.length, 4, 'one worker dispatch per photo');
      const again = await library.ingest(photos, { ownerId: 'o', vision: 'wait' });
      assert.ok(again.vision?.state === 'done');
      assert.equal(again.vision.analysed, 0);

      // A new photo, and the library closes while its pass runs: close waits for the pass, which stops its worker.
      await writeJpeg(join(photos, 'late.jpg'), { width: 320, height: 240, seed: 30 });
      let latePid = 0;
      let dispatched: () => void = () => undefined;
      const started = new Promise<void>((resolve) => (dispatched = resolve));
      const late = await createLibrary({
        database: { kind: 'sqlite', file: join(tmp.path, 'background.sqlite') },
        logger: silentLogger,
        vision: {
          provider: 'local',
          workers: 1,
          onWorkerDispatch: ({ pid }) => {
            latePid = pid;
            dispatched();
          },
        },
      });
      await late.ingest(photos, { ownerId: 'o', vision: 'background' });
      await started;
      await late.close();
      assert.equal(alive(latePid), false, 'the worker is gone once close resolves');
    } finally {
      await library.close();
    }
  });
});
