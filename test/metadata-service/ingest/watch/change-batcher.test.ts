import assert from 'node:assert/strict';
import {
  ChangeBatcher,
  type ChangeBatcherOptions,
} from '../../../../metadata-service/ingest/watch/change-batcher';
import type { FolderChanges } from '../../../../metadata-service/ingest/watch/folder-changes';

const sleep = (ms: number): Promise<void> => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

const OPTIONS: ChangeBatcherOptions = { quietMs: 60, maxWaitMs: 2_000, maxBatch: 1_000, maxPending: 5_000 };

/** A batcher whose passes are recorded (and take `passMs` each, like a real ingest that takes a while). */
function recording(options: Partial<ChangeBatcherOptions> = {}, passMs = 0) {
  const batches: FolderChanges[] = [];
  let overflows = 0;
  const batcher = new ChangeBatcher(
    { ...OPTIONS, ...options },
    {
      flush: async (changes) => {
        batches.push(changes);
        await sleep(passMs);
      },
      overflow: () => {
        overflows += 1;
      },
    },
  );
  return { batcher, batches, overflows: () => overflows };
}

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) assert.fail('condition not reached');
    await sleep(10);
  }
}

describe('ChangeBatcher', () => {
  it('hands a burst of 200 events on as one batch once the folder is quiet', async () => {
    const { batcher, batches } = recording();
    for (let i = 0; i < 200; i += 1) batcher.push({ kind: 'changed', path: `IMG_${i}.jpg` });
    assert.equal(batches.length, 0, 'nothing before the quiet period');
    await until(() => batches.length > 0);
    await sleep(150);
    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.changed.length, 200);
    assert.equal(batcher.size, 0);
    await batcher.close();
  });

  it('keeps the latest event per path: written then deleted is a removal, deleted then written a change', async () => {
    const { batcher, batches } = recording();
    batcher.push({ kind: 'changed', path: 'a.jpg' });
    batcher.push({ kind: 'removed', path: 'a.jpg' });
    batcher.push({ kind: 'removed', path: 'b.jpg' });
    batcher.push({ kind: 'changed', path: 'b.jpg' });
    batcher.push({ kind: 'sidecar', path: 'c.jpg.json' });
    batcher.push({ kind: 'removed-folder', path: 'Old/' });
    // Removals may come in a pass of their own after the writes (they are held behind them), so what was handed
    // on is compared as a whole once everything has been.
    await until(() => batcher.size === 0 && batches.length > 0);
    await sleep(200);
    const handedOn = {
      changed: batches.flatMap((batch) => batch.changed),
      removed: batches.flatMap((batch) => batch.removed),
      removedFolders: batches.flatMap((batch) => batch.removedFolders),
      sidecars: batches.flatMap((batch) => batch.sidecars),
    };
    assert.deepEqual(handedOn, {
      changed: ['b.jpg'],
      removed: ['a.jpg'],
      removedFolders: ['Old/'],
      sidecars: ['c.jpg.json'],
    });
    await batcher.close();
  });

  it('bounds each pass by maxBatch and holds removals until every earlier write is handed on', async () => {
    const { batcher, batches } = recording({ maxBatch: 3 }, 30);
    batcher.push({ kind: 'removed', path: 'old/IMG_1.jpg' }); // a move: removal first...
    for (let i = 1; i <= 7; i += 1) batcher.push({ kind: 'changed', path: `new/IMG_${i}.jpg` }); // ...then adds
    await until(() => batches.length === 3);
    await sleep(150);
    assert.deepEqual(
      batches.map((b) => [b.changed.length, b.removed.length]),
      [
        [3, 0],
        [3, 0],
        [1, 1],
      ],
    );
    assert.equal(batches.at(-1)?.removed[0], 'old/IMG_1.jpg');
    await batcher.close();
  });

  it('runs one pass at a time: events during a pass wait for it', async () => {
    let inFlight = 0;
    let most = 0;
    const batches: FolderChanges[] = [];
    const batcher = new ChangeBatcher(
      { ...OPTIONS, quietMs: 10 },
      {
        flush: async (changes) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          batches.push(changes);
          await sleep(80);
          inFlight -= 1;
        },
        overflow: () => assert.fail('no overflow'),
      },
    );
    batcher.push({ kind: 'changed', path: 'a.jpg' });
    await until(() => batches.length === 1);
    batcher.push({ kind: 'changed', path: 'b.jpg' });
    await sleep(30);
    batcher.push({ kind: 'changed', path: 'c.jpg' });
    await until(() => batches.length === 2);
    assert.equal(most, 1);
    assert.deepEqual(batches[1]?.changed, ['b.jpg', 'c.jpg']);
    await batcher.close();
  });

  it('hands on after maxWait even when events never stop', async () => {
    const { batcher, batches } = recording({ quietMs: 100, maxWaitMs: 250 });
    const started = Date.now();
    for (let i = 0; Date.now() - started < 600; i += 1) {
      batcher.push({ kind: 'changed', path: `IMG_${i}.jpg` });
      await sleep(20);
    }
    assert.ok(batches.length >= 1, 'a batch while events kept coming');
    await batcher.close();
  });

  it('drops its pending paths for one rescan when more than maxPending pile up', async () => {
    const { batcher, batches, overflows } = recording({ maxPending: 100 });
    for (let i = 0; i < 101; i += 1) batcher.push({ kind: 'changed', path: `IMG_${i}.jpg` });
    assert.equal(overflows(), 1);
    assert.equal(batcher.size, 0);
    await sleep(150);
    assert.equal(batches.length, 0);
    await batcher.close();
  });

  it('keeps going after a pass fails', async () => {
    const seen: string[][] = [];
    const batcher = new ChangeBatcher(
      { ...OPTIONS, quietMs: 10 },
      {
        flush: (changes) => {
          seen.push(changes.changed);
          return seen.length === 1 ? Promise.reject(new Error('database is down')) : Promise.resolve();
        },
        overflow: () => undefined,
      },
    );
    batcher.push({ kind: 'changed', path: 'a.jpg' });
    await until(() => seen.length === 1);
    batcher.push({ kind: 'changed', path: 'b.jpg' });
    await until(() => seen.length === 2);
    assert.deepEqual(seen, [['a.jpg'], ['b.jpg']]);
    await batcher.close();
  });
});
