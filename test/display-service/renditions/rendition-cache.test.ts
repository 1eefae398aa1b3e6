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
    for (const cache of caches.splice(0)) cache.close();
    await cleanup();
  });

  function newCache(hotBytes?: number): RenditionCache {
    const cache = new RenditionCache({
      disk: new DiskRenditionStore(join(dir, 'renditions')),
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
    await newCache().getOrRender(KEY, render);
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
});
