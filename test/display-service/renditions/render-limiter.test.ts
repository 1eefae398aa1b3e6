import assert from 'node:assert/strict';
import { RenderLimiter } from '../../../display-service/renditions/render-limiter';

describe('renditions/render-limiter', () => {
  /** A task that runs until released, recording that it started. */
  function heldTask(started: string[], name: string): { task: () => Promise<string>; release: () => void } {
    let release: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (release = resolve));
    return {
      task: async () => {
        started.push(name);
        await done;
        return name;
      },
      release: () => release(),
    };
  }

  it('runs at most maxConcurrent tasks and hands slots on in arrival order', async () => {
    const limiter = new RenderLimiter(1);
    const started: string[] = [];
    const a = heldTask(started, 'a');
    const b = heldTask(started, 'b');
    const c = heldTask(started, 'c');
    const results = [limiter.run(a.task), limiter.run(b.task), limiter.run(c.task)];
    await Promise.resolve();
    assert.deepEqual(started, ['a']);
    assert.equal(limiter.queued, 2);
    a.release();
    b.release();
    c.release();
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c']);
    assert.deepEqual(started, ['a', 'b', 'c']);
    assert.equal(limiter.active, 0);
  });

  it('a waiter whose deadline passes leaves the queue at once with the deadline reason and never runs', async () => {
    const limiter = new RenderLimiter(1);
    const started: string[] = [];
    const hung = heldTask(started, 'hung');
    const running = limiter.run(hung.task);
    const deadline = new AbortController();
    const waiting = limiter.run(heldTask(started, 'late').task, deadline.signal);
    const reason = new Error('deadline passed');
    deadline.abort(reason);
    await assert.rejects(waiting, (error: unknown) => error === reason);
    assert.equal(limiter.queued, 0);
    // The slot still goes to the next live waiter once the hung task ends.
    const next = heldTask(started, 'next');
    const nextResult = limiter.run(next.task);
    hung.release();
    next.release();
    assert.equal(await running, 'hung');
    assert.equal(await nextResult, 'next');
    assert.deepEqual(started, ['hung', 'next']);
  });

  it('refuses a task whose signal has already aborted without taking a slot', async () => {
    const limiter = new RenderLimiter(1);
    const aborted = AbortSignal.abort(new Error('too late'));
    await assert.rejects(
      limiter.run(() => Promise.resolve('x'), aborted),
      /too late/,
    );
    assert.equal(limiter.active, 0);
  });

  it('tells onActiveChange how many run before each starts and after each ends, not on a hand-over', async () => {
    const counts: number[] = [];
    const limiter = new RenderLimiter(2, (active) => counts.push(active));
    const started: string[] = [];
    const a = heldTask(started, 'a');
    const b = heldTask(started, 'b');
    const c = heldTask(started, 'c');
    const results = [limiter.run(a.task), limiter.run(b.task), limiter.run(c.task)];
    await Promise.resolve();
    assert.deepEqual(counts, [1, 2], 'told before a and b start; c waits');
    a.release();
    await results[0];
    assert.deepEqual(counts, [1, 2], "a's slot went straight to c: still two running");
    b.release();
    c.release();
    await Promise.all(results);
    assert.deepEqual(counts, [1, 2, 1, 0]);
  });
});
