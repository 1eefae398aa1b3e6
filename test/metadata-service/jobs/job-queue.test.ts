import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { JobContext, JobQueue } from '../../../metadata-service/jobs/job-queue';
import { scratchEngines, type ScratchDatabase } from '../../support/scratch-databases';
import { silentLogger } from '../support/fixtures';
import { KILL_TEST_POLICY, openTestQueue, until } from './support/test-queues';

const HOLD_WORKER = join(__dirname, 'support', 'hold-job-worker.ts');

for (const engine of scratchEngines()) {
  describe(`job queue (${engine.name})`, function () {
    this.timeout(60_000);
    let scratch: ScratchDatabase;
    const opened: JobQueue[] = [];
    const open = async (policy = undefined as typeof KILL_TEST_POLICY | undefined) => {
      const queue = await openTestQueue(scratch.location, silentLogger, policy);
      opened.push(queue);
      return queue;
    };

    beforeEach(async () => {
      scratch = await engine.create();
    });
    afterEach(async () => {
      for (const queue of opened.splice(0)) await queue.stop({ graceMs: 1000 });
      await scratch.drop();
    });

    it('runs each job once and keeps one waiting job per key', async () => {
      const queue = await open();
      const first = await queue.send('vision', { ownerId: 'o1', photoId: 'p1' }, { key: 'o1/p1' });
      const again = await queue.send('vision', { ownerId: 'o1', photoId: 'p1' }, { key: 'o1/p1' });
      const other = await queue.send('vision', { ownerId: 'o1', photoId: 'p2' }, { key: 'o1/p2' });
      assert.equal(typeof first, 'string');
      assert.equal(again, null, 'a second job with a waiting key is not queued');
      assert.equal(typeof other, 'string');
      assert.deepEqual(await queue.counts('vision'), { queued: 2, active: 0, failed: 0, dead: 0 });

      const seen: JobContext<unknown>[] = [];
      await queue.work('vision', (job) => {
        seen.push(job);
        return Promise.resolve();
      });
      await until(
        'both jobs done',
        async () => (await queue.counts('vision')).queued === 0 && seen.length === 2,
      );
      await new Promise((resolve) => setTimeout(resolve, 700)); // a poll more: nothing runs twice
      assert.deepEqual(seen.map((job) => (job.data as { photoId: string }).photoId).sort(), ['p1', 'p2']);
      assert.deepEqual(
        seen.map((job) => job.attempt),
        [1, 1],
      );
      assert.deepEqual(await queue.counts('vision'), { queued: 0, active: 0, failed: 0, dead: 0 });
      // Done: the key is free again (a new model version or a changed photo may need it).
      assert.equal(
        typeof (await queue.send('vision', { ownerId: 'o1', photoId: 'p1' }, { key: 'o1/p1' })),
        'string',
      );
    });

    it('retries a failed job after a backoff, then puts it in the dead letters; retryDead brings it back', async () => {
      const queue = await open();
      await queue.send('ingest', { ownerId: 'o1', location: '/photos' }, { key: 'o1:/photos' });
      const attempts: { attempt: number; at: number }[] = [];
      let healed = false;
      await queue.work('ingest', (job) => {
        attempts.push({ attempt: job.attempt, at: Date.now() });
        return healed ? Promise.resolve() : Promise.reject(new Error('disk full'));
      });
      await until('a retry after the failure', () => attempts.length === 2);
      assert.deepEqual(
        attempts.map((a) => a.attempt),
        [1, 2],
      );
      assert.ok(
        (attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0) >= 900,
        'the retry waited out the 1 s backoff',
      );
      await until(
        'the job is dead after its last retry',
        async () => (await queue.counts('ingest')).dead === 1,
      );
      assert.deepEqual(await queue.counts('ingest'), { queued: 0, active: 0, failed: 0, dead: 1 });
      await new Promise((resolve) => setTimeout(resolve, 700));
      assert.equal(attempts.length, 2, 'a dead job is not tried again by itself');

      healed = true;
      assert.equal(await queue.retryDead('ingest'), 1);
      await until('the revived job ran', () => attempts.length === 3);
      await until('nothing left', async () => {
        const counts = await queue.counts('ingest');
        return counts.dead + counts.queued + counts.active + counts.failed === 0;
      });
      assert.equal(attempts[2]?.attempt, 1, 'a revived job has fresh retries');
    });

    it('never runs two jobs with one key at once', async () => {
      const queue = await open(KILL_TEST_POLICY);
      await queue.send('vision', { ownerId: 'o1', photoId: 'p1' }, { key: 'o1/p1' });
      let running = 0;
      let mostAtOnce = 0;
      let runs = 0;
      await queue.work(
        'vision',
        async () => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await new Promise((resolve) => setTimeout(resolve, 1200));
          running -= 1;
          runs += 1;
        },
        { concurrency: 2 },
      );
      await until('the first job runs', () => running === 1);
      // Another job for the same photo (an ingest retried after its worker died queues one again).
      assert.equal(
        typeof (await queue.send('vision', { ownerId: 'o1', photoId: 'p1' }, { key: 'o1/p1' })),
        'string',
      );
      await until('both ran', () => runs === 2, 20_000);
      assert.equal(mostAtOnce, 1);
    });

    it('counts per owner', async () => {
      const queue = await open();
      await queue.send('vision', { ownerId: 'alice', photoId: 'a1' }, { key: 'alice/a1' });
      await queue.send('vision', { ownerId: 'alice', photoId: 'a2' }, { key: 'alice/a2' });
      await queue.send('vision', { ownerId: 'bob', photoId: 'b1' }, { key: 'bob/b1' });
      assert.equal((await queue.counts('vision', 'alice')).queued, 2);
      assert.equal((await queue.counts('vision', 'bob')).queued, 1);
      assert.equal((await queue.counts('vision', 'carol')).queued, 0);
      assert.equal((await queue.counts('vision')).queued, 3);
      assert.equal((await queue.counts('people')).queued, 0);
    });

    it('gives the job of a worker killed mid-job (SIGKILL) to another worker after its lease, once', async () => {
      const queue = await open(KILL_TEST_POLICY);
      await queue.send('vision', { ownerId: 'o1', photoId: 'p1' }, { key: 'o1/p1' });
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', HOLD_WORKER, JSON.stringify(scratch.location)],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const took = await firstLine(child, (line) => 'took' in line);
      assert.equal(took.attempt, 1);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      assert.equal((await queue.counts('vision')).active, 1, 'the dead worker still holds the lease');

      const ran: JobContext<unknown>[] = [];
      await queue.work('vision', (job) => {
        ran.push(job);
        return Promise.resolve();
      });
      await until('the job ran again after the lease expired', () => ran.length === 1, 20_000);
      assert.equal(ran[0]?.id, took.took, 'the same job, not a copy');
      assert.equal(ran[0]?.attempt, 2);
      await until('the job is done', async () => (await queue.counts('vision')).active === 0);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(ran.length, 1, 'run once after the crash');
      assert.deepEqual(await queue.counts('vision'), { queued: 0, active: 0, failed: 0, dead: 0 });
    });

    it('finishes a job in flight on stop', async () => {
      const queue = await openTestQueue(scratch.location, silentLogger, KILL_TEST_POLICY);
      await queue.send('people', { ownerId: 'o1' }, { key: 'o1' });
      let finished = false;
      let started = false;
      await queue.work('people', async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 400));
        finished = true;
      });
      await until('the job started', () => started);
      await queue.stop({ graceMs: 5000 });
      assert.equal(finished, true);
      const after = await open();
      assert.deepEqual(await after.counts('people'), { queued: 0, active: 0, failed: 0, dead: 0 });
    });
  });
}

async function firstLine(
  child: ChildProcess,
  wanted: (line: Record<string, unknown>) => boolean,
): Promise<{ took: string; attempt: number }> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const text of lines) {
    const line = JSON.parse(text) as Record<string, unknown>;
    if (wanted(line)) return line as unknown as { took: string; attempt: number };
  }
  throw new Error('the worker exited before taking a job');
}
