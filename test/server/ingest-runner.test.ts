import assert from 'node:assert/strict';
import { createLogger } from '../../common/logger';
import type { IngestReport } from '../../metadata-service/library';
import { IngestRunner } from '../../server/ingest-runner';
import { IngestStatus } from '../../server/ingest-status';

const silent = createLogger('silent');

function report(added: number): IngestReport {
  return { scanned: added, added, updated: 0, unchanged: 0, removed: 0, skipped: [] };
}

/** An ingest pass that the test finishes by hand, counting how many were started and how many ran at once. */
class ScriptedIngest {
  started = 0;
  running = 0;
  maxRunning = 0;
  private finishers: { resolve: (r: IngestReport) => void; reject: (e: Error) => void }[] = [];

  run = (): Promise<IngestReport> => {
    this.started += 1;
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    return new Promise<IngestReport>((resolve, reject) => {
      this.finishers.push({ resolve, reject });
    }).finally(() => {
      this.running -= 1;
    });
  };

  async succeed(added = 1): Promise<void> {
    await until(() => this.finishers.length > 0);
    this.finishers.shift()!.resolve(report(added));
  }

  async fail(error: Error): Promise<void> {
    await until(() => this.finishers.length > 0);
    this.finishers.shift()!.reject(error);
  }
}

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) assert.fail(`not within ${ms} ms`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 5));
  }
}

describe('IngestRunner (the embedded stack keeping PHOTOS_DIR indexed)', () => {
  let runner: IngestRunner | undefined;

  afterEach(async () => {
    await runner?.close();
    runner = undefined;
  });

  it('retries a failed pass after the backoff, reports the reason and the next attempt, and clears both on success', async () => {
    const ingest = new ScriptedIngest();
    const status = new IngestStatus();
    runner = new IngestRunner({
      ingest: ingest.run,
      status,
      root: '/photos',
      logger: silent,
      retryDelaysMs: [40, 80],
    });
    const first = runner.rescan();
    await ingest.fail(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    await first;
    const failed = status.snapshot();
    assert.equal(failed.state, 'failed');
    assert.equal(failed.reason, 'SQLITE_FULL: database or disk is full');
    assert.equal(failed.retry?.attempt, 1);
    assert.ok(Math.abs(Date.parse(failed.retry.at) - Date.now()) < 1_000);

    // The second attempt fails too: the wait grows, the attempt count with it.
    await ingest.fail(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    await until(() => status.snapshot().retry?.attempt === 2);
    assert.equal(ingest.started, 2);

    await ingest.succeed(3);
    await until(() => status.snapshot().state === 'done');
    assert.equal(status.snapshot().reason, undefined);
    assert.equal(status.snapshot().retry, undefined);
    assert.equal(ingest.started, 3);
    // Done means done: no more attempts are scheduled.
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    assert.equal(ingest.started, 3);
  });

  it('never runs two passes at once: rescans asked for during a pass become one pass after it', async () => {
    const ingest = new ScriptedIngest();
    runner = new IngestRunner({
      ingest: ingest.run,
      status: new IngestStatus(),
      root: '/photos',
      logger: silent,
    });
    void runner.rescan();
    void runner.rescan();
    void runner.rescan();
    await ingest.succeed();
    await ingest.succeed();
    await until(() => ingest.running === 0);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    assert.equal(ingest.started, 2);
    assert.equal(ingest.maxRunning, 1);
  });

  it('a rescan while a retry is pending runs now and replaces the retry; close stops retrying', async () => {
    const ingest = new ScriptedIngest();
    const status = new IngestStatus();
    runner = new IngestRunner({
      ingest: ingest.run,
      status,
      root: '/photos',
      logger: silent,
      retryDelaysMs: [150],
    });
    const first = runner.rescan();
    await ingest.fail(new Error('EACCES: permission denied'));
    await first;
    const now = runner.rescan();
    await ingest.succeed();
    await now;
    assert.equal(status.snapshot().state, 'done');
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    assert.equal(ingest.started, 2, 'the pending retry was dropped once a pass succeeded');

    const again = runner.rescan();
    await ingest.fail(new Error('EACCES: permission denied'));
    await again;
    await runner.close();
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    assert.equal(ingest.started, 3, 'no retry after close');
  });
});
