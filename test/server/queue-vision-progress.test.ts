import assert from 'node:assert/strict';
import { QueueVisionProgress } from '../../server/queue-vision-progress';

const counts = (queued: number, active: number, failed = 0, dead = 0) => ({ queued, active, failed, dead });

describe('vision progress from the job queue (/healthz vision in the embedded stack)', () => {
  it('is off without vision, idle before any job, running while jobs are left, then done with a rate', () => {
    assert.deepEqual(new QueueVisionProgress(false).snapshot(counts(3, 0)), {
      state: 'off',
      done: 0,
      total: 0,
      photosPerSecond: null,
    });
    let now = 1_000;
    const progress = new QueueVisionProgress(true, () => now);
    assert.equal(progress.snapshot(counts(0, 0)).state, 'idle');

    // Left from a previous run: running before this process has finished any.
    assert.deepEqual(progress.snapshot(counts(3, 0)), {
      state: 'running',
      done: 0,
      total: 3,
      photosPerSecond: null,
      jobs: counts(3, 0),
    });
    progress.jobStarted();
    now += 1_000;
    progress.jobDone();
    progress.jobStarted();
    now += 1_000;
    progress.jobDone();
    assert.deepEqual(progress.snapshot(counts(0, 1)), {
      state: 'running',
      done: 2,
      total: 3,
      photosPerSecond: 1,
      jobs: counts(0, 1),
    });
    progress.jobStarted();
    now += 2_000;
    progress.jobDone();
    now += 60_000; // idle time does not lower the rate
    assert.deepEqual(progress.snapshot(counts(0, 0)), {
      state: 'done',
      done: 3,
      total: 3,
      photosPerSecond: 0.75,
      jobs: counts(0, 0),
    });

    // New photos after an idle spell: the counts start afresh.
    progress.jobStarted();
    now += 500;
    progress.jobDone();
    const fresh = progress.snapshot(counts(1, 0));
    assert.deepEqual([fresh.state, fresh.done, fresh.total, fresh.photosPerSecond], ['running', 1, 2, 2]);
  });

  it('counts jobs waiting for a retry as left, and says failed while dead letters remain', () => {
    const progress = new QueueVisionProgress(true);
    progress.jobStarted();
    progress.jobDone();
    assert.equal(progress.snapshot(counts(0, 0, 1)).state, 'running');
    const failed = progress.snapshot(counts(0, 0, 0, 2));
    assert.equal(failed.state, 'failed');
    assert.equal(
      failed.reason,
      '2 photo(s) in the vision dead letters: npm run worker -- --retry-dead vision',
    );
    assert.deepEqual(failed.jobs, counts(0, 0, 0, 2));
  });

  it('keeps the last counts when the queue does not answer', () => {
    const progress = new QueueVisionProgress(true);
    progress.snapshot(counts(4, 1));
    const blind = progress.snapshot(undefined);
    assert.deepEqual([blind.state, blind.total, blind.jobs], ['running', 5, counts(4, 1)]);
  });
});
