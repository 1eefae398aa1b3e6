import assert from 'node:assert/strict';
import type { Viewport } from '../../../common/contracts';
import { isAppError } from '../../../common/errors';
import { startDisplay, type RunningDisplay } from '../helpers/display-harness';
import { fakeSummary, makeTempDir } from '../helpers/image-fixtures';
import { InMemoryLibrary } from '../helpers/in-memory-library';

const SCREEN: Viewport = { width: 1280, height: 800, shape: 'RECTANGLE' };

describe('slideshow service: bounded storage through the display API', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  let running: RunningDisplay;
  let clock: number;

  beforeEach(async () => {
    temp = await makeTempDir();
    clock = Date.parse('2026-03-01T10:00:00Z');
    const library = new InMemoryLibrary();
    for (const owner of ['alice', 'bob']) {
      for (let i = 0; i < 3; i++)
        library.add(owner, fakeSummary(`${owner}${i}`, `2026-02-0${i + 1}T10:00:00`));
    }
    running = await startDisplay(temp.dir, {
      library,
      now: () => clock,
      retention: { maxPerOwner: 10, ttlMs: 72 * 3600_000 },
    });
  });
  afterEach(async () => {
    await running.close();
    await temp.cleanup();
  });

  const create = (ownerId: string) =>
    running.display.api.createSlideshow({ ownerId, query: {}, viewport: SCREEN, pageSize: 2 });
  const exists = async (ownerId: string, id: string) => {
    try {
      await running.display.api.getSlideshowPage(ownerId, id, 0, 2);
      return true;
    } catch (error) {
      if (isAppError(error) && error.code === 'SLIDESHOW_NOT_FOUND') return false;
      throw error;
    }
  };

  it('a create beyond the cap drops the owner’s least recently used; the one a device pages and other owners stay', async () => {
    const bobs = await create('bob');
    const paged = await create('alice');
    const made: string[] = [];
    for (let i = 0; i < 14; i++) {
      clock += 60_000;
      // A frame keeps showing the first one (a page read a minute).
      assert.equal(await exists('alice', paged.slideshowId), true);
      made.push((await create('alice')).slideshowId);
    }
    assert.equal(await exists('alice', paged.slideshowId), true);
    // 10 kept: the paged one and the 9 newest; the 5 oldest unpaged ones are gone.
    const kept = await Promise.all(made.map((id) => exists('alice', id)));
    assert.deepEqual(kept, [...Array<boolean>(5).fill(false), ...Array<boolean>(9).fill(true)]);
    assert.equal(await exists('bob', bobs.slideshowId), true);
  });
});
