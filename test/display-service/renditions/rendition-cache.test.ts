import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger } from '../../../common/logger';
import { DiskRenditionStore } from '../../../display-service/renditions/disk-rendition-store';
import { RenditionCache } from '../../../display-service/renditions/rendition-cache';
import { makeTempDir } from '../helpers/image-fixtures';

const KEY = 'ab'.repeat(20);

describe('renditions/rendition-cache', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const caches: RenditionCache[] = [];
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => {
    for (const cache of caches.splice(0)) await cache.close();
    await cleanup();
  });

  function newCache(hotBytes?: number, disk?: DiskRenditionStore): RenditionCache {
    const cache = new RenditionCache({
      disk: disk ?? new DiskRenditionStore(join(dir, 'renditions')),
      logger: createLogger('silent'),
      ...(hotBytes === undefined ? {} : { hotBytes }),
    });
    caches.push(cache);
    return cache;
  }

  function countingRender(bytes: string): { render: () => Promise<Buffer>; calls: () => number } {
    let calls = 0;
    return {
      render: async () => {
        calls++;
        await new Promise((resolve) => setImmediate(resolve));
        return Buffer.from(bytes);
      },
      calls: () => calls,
    };
  }

  it('coalesces concurrent requests for one key into a single render', async () => {
    const cache = newCache();
    const { render, calls } = countingRender('jpeg-bytes');
    const results = await Promise.all([1, 2, 3, 4].map(() => cache.getOrRender(KEY, render)));
    assert.equal(calls(), 1);
    for (const result of results) assert.equal(result.toString(), 'jpeg-bytes');
  });

  it('persists renditions on disk under the key, with no temp files left, for the next instance', async () => {
    const { render, calls } = countingRender('persisted');
    const first = newCache();
    await first.getOrRender(KEY, render);
    await first.persisted();
    const files = await readdir(join(dir, 'renditions', 'ab'));
    assert.deepEqual(files, [`${KEY}.img`]);

    const again = await newCache().getOrRender(KEY, render);
    assert.equal(again.toString(), 'persisted');
    assert.equal(calls(), 1);
  });

  it('keeps at most hotBytes in memory and still serves evicted keys from disk', async () => {
    const cache = newCache(100); // each rendition below is 40 bytes: two fit
    const keys = ['aa', 'bb', 'cc'].map((prefix) => prefix.repeat(20));
    let renders = 0;
    for (const key of keys) {
      await cache.getOrRender(key, () => {
        renders++;
        return Promise.resolve(Buffer.from(key));
      });
    }
    await cache.persisted();
    assert.equal(cache.hotBytes, 80);
    const first = keys[0] ?? '';
    assert.equal(cache.peek(first), undefined, 'the oldest was evicted from memory');
    const reread = await cache.getOrRender(first, () => Promise.reject(new Error('should come from disk')));
    assert.equal(reread.toString(), first);
    assert.equal(renders, 3);
  });

  it('does not cache a failed render: the next request tries again', async () => {
    const cache = newCache();
    await assert.rejects(
      cache.getOrRender(KEY, () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    const ok = await cache.getOrRender(KEY, () => Promise.resolve(Buffer.from('second try')));
    assert.equal(ok.toString(), 'second try');
  });

  it('answers a fresh render before its disk copy is written, and close() waits for the write', async () => {
    const gate = new GatedDiskStore(join(dir, 'renditions'));
    const cache = newCache(undefined, gate);
    const image = await cache.getOrRender(KEY, () => Promise.resolve(Buffer.from('fresh')));
    assert.equal(image.toString(), 'fresh', 'answered while the disk write is held');
    assert.equal(gate.started, 1);
    assert.equal(await gate.get(KEY), undefined, 'nothing on disk yet');
    const closing = cache.close();
    let closed = false;
    void closing.then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(closed, false, 'close() waits for the held write');
    gate.open();
    await closing;
    assert.equal((await gate.get(KEY))?.toString(), 'fresh');
  });

  it('still answers when the disk copy cannot be written, and renders again next time', async () => {
    const failing = new FailingDiskStore(join(dir, 'renditions'));
    const cache = newCache(4, failing); // too small to keep the 10-byte image in memory
    const { render, calls } = countingRender('not stored');
    assert.equal((await cache.getOrRender(KEY, render)).toString(), 'not stored');
    await cache.persisted();
    assert.equal((await cache.getOrRender(KEY, render)).toString(), 'not stored');
    assert.equal(calls(), 2, 'nothing was persisted, so it was rendered again');
  });
});

/** A store whose writes wait until open() is called. */
class GatedDiskStore extends DiskRenditionStore {
  started = 0;
  private release: () => void = () => undefined;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));

  override async put(key: string, image: Buffer): Promise<void> {
    this.started++;
    await this.released;
    await super.put(key, image);
  }

  open(): void {
    this.release();
  }
}

/** A store on a disk that refuses every write (ENOSPC). */
class FailingDiskStore extends DiskRenditionStore {
  override put(): Promise<void> {
    return Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
  }
}
