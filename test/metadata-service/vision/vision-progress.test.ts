import assert from 'node:assert/strict';
import { VisionProgress } from '../../../metadata-service/vision/vision-progress';

/** A clock the test moves: rates are photos over the seconds the passes ran. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('VisionProgress (what /healthz says about vision)', () => {
  it('says off without a provider and idle before any pass', () => {
    assert.deepEqual(new VisionProgress(false).snapshot(), {
      state: 'off',
      done: 0,
      total: 0,
      photosPerSecond: null,
    });
    assert.deepEqual(new VisionProgress(true).snapshot(), {
      state: 'idle',
      done: 0,
      total: 0,
      photosPerSecond: null,
    });
  });

  it('counts a pass running, then done with its rate over the time it ran', () => {
    const time = clock();
    const progress = new VisionProgress(true, time.now);
    const pass = progress.beginPass();
    pass.progress(0, 10);
    assert.deepEqual(progress.snapshot(), { state: 'running', done: 0, total: 10, photosPerSecond: null });
    time.advance(2_000);
    pass.progress(4, 10);
    assert.deepEqual(progress.snapshot(), { state: 'running', done: 4, total: 10, photosPerSecond: 2 });
    time.advance(3_000);
    pass.progress(10, 10);
    pass.end();
    time.advance(60_000);
    // The rate stays the pass's own once it is over (idle time does not dilute it).
    assert.deepEqual(progress.snapshot(), { state: 'done', done: 10, total: 10, photosPerSecond: 2 });
  });

  it('adds up overlapping passes and starts afresh after everything finished', () => {
    const time = clock();
    const progress = new VisionProgress(true, time.now);
    const first = progress.beginPass();
    first.progress(1, 3);
    const second = progress.beginPass();
    second.progress(2, 5);
    time.advance(1_000);
    first.end();
    assert.deepEqual(progress.snapshot(), { state: 'running', done: 3, total: 8, photosPerSecond: 3 });
    second.end();
    assert.equal(progress.snapshot().state, 'done');
    const later = progress.beginPass();
    later.progress(0, 1);
    assert.deepEqual(progress.snapshot(), { state: 'running', done: 0, total: 1, photosPerSecond: null });
  });

  it('says failed with the reason when the last pass failed as a whole, and recovers with the next', () => {
    const progress = new VisionProgress(true, clock().now);
    const pass = progress.beginPass();
    pass.progress(2, 9);
    pass.end(new Error('worker pool broken: '.padEnd(400, 'x')));
    const failed = progress.snapshot();
    assert.equal(failed.state, 'failed');
    assert.deepEqual([failed.done, failed.total], [2, 9]);
    assert.equal(failed.reason?.length, 300, 'reasons are bounded');
    const retry = progress.beginPass();
    retry.progress(7, 7);
    retry.end();
    assert.deepEqual(progress.snapshot(), { state: 'done', done: 7, total: 7, photosPerSecond: null });
  });
});
