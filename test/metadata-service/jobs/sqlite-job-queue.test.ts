import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { JobQueue } from '../../../metadata-service/jobs/job-queue';
import { makeTempDir, silentLogger, type TempDir } from '../support/fixtures';
import { openTestQueue, until } from './support/test-queues';

/** What only the SQLite engine does: renewed leases, and a record of finished jobs. */
describe('job queue on SQLite: leases renewed while a job runs, finished jobs recorded', function () {
  this.timeout(20_000);
  let tmp: TempDir;
  const opened: JobQueue[] = [];

  beforeEach(async () => {
    tmp = await makeTempDir('pf-sqlite-queue-');
  });
  afterEach(async () => {
    for (const queue of opened.splice(0)) await queue.stop({ graceMs: 500 });
    await tmp.cleanup();
  });

  const open = async () => {
    // A lease of 1 s; the test's jobs run longer.
    const queue = await openTestQueue(
      { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') },
      silentLogger,
    );
    opened.push(queue);
    return queue;
  };

  it('a job running three times its lease stays with its worker (heartbeat) and finishes once', async () => {
    const first = await open();
    const second = await open();
    const runs: string[] = [];
    const slow = (worker: string) => async () => {
      runs.push(worker);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    };
    await first.send('ingest', { ownerId: 'o1', location: '/photos' }, { key: 'o1/photos' });
    await first.work('ingest', slow('first'));
    await until('the first worker took it', () => runs.length === 1);
    await second.work('ingest', slow('second'));
    await until('the job is done', async () => (await first.counts('ingest')).active === 0, 10_000);
    assert.deepEqual(runs, ['first'], 'never handed to the second worker while the first was alive');

    const db = new Database(join(tmp.path, 'library.sqlite'), { readonly: true });
    try {
      assert.deepEqual(db.prepare('select queue, job_key, owner_id, attempts from job_queue_done').all(), [
        { queue: 'ingest', job_key: 'o1/photos', owner_id: 'o1', attempts: 1 },
      ]);
      assert.deepEqual(db.prepare('select * from job_queue').all(), []);
    } finally {
      db.close();
    }
  });

  it('records a retried job once, with the attempts it took; a dead job is not recorded as done', async () => {
    const queue = await open();
    await queue.send('vision', { ownerId: 'o1', photoId: 'p1' }, { key: 'o1/p1' });
    await queue.send('vision', { ownerId: 'o1', photoId: 'p2' }, { key: 'o1/p2' });
    const attempts = new Map<string, number>();
    await queue.work('vision', (job) => {
      const { photoId } = job.data as { photoId: string };
      attempts.set(photoId, job.attempt);
      // p1 fails once and then works; p2 always fails (retry limit 1: dead after its second attempt).
      if (photoId === 'p2' || job.attempt === 1) return Promise.reject(new Error(`${photoId} failed`));
      return Promise.resolve();
    });
    await until('p1 done and p2 dead', async () => {
      const counts = await queue.counts('vision');
      return counts.dead === 1 && counts.queued + counts.active + counts.failed === 0;
    });
    const db = new Database(join(tmp.path, 'library.sqlite'), { readonly: true });
    try {
      assert.deepEqual(db.prepare('select job_key, attempts from job_queue_done').all(), [
        { job_key: 'o1/p1', attempts: 2 },
      ]);
      assert.deepEqual(db.prepare('select job_key, state, last_error from job_queue').all(), [
        { job_key: 'o1/p2', state: 'dead', last_error: 'p2 failed' },
      ]);
    } finally {
      db.close();
    }
  });
});
