import assert from 'node:assert/strict';
import { createLogger } from '../../../common/logger';
import { Prerenderer } from '../../../display-service/slideshows/prerenderer';
import type { RenditionTarget } from '../../../display-service/renditions/rendition-url';

const target = (photoId: string): RenditionTarget => ({
  ownerId: 'alice',
  photoId,
  width: 1280,
  height: 800,
  shape: 'RECTANGLE',
});

describe('slideshows/prerenderer', () => {
  it('renders one at a time, in order, and carries on past failures', async () => {
    const started: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const prerenderer = new Prerenderer(async ({ photoId }) => {
      started.push(photoId);
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      if (photoId === 'b') throw new Error('unreadable');
    }, createLogger('silent'));
    prerenderer.enqueue([target('a'), target('b')]);
    prerenderer.enqueue([target('c')]);
    await prerenderer.idle();
    assert.deepEqual(started, ['a', 'b', 'c']);
    assert.equal(maxRunning, 1);
  });

  it('drops queued work on close, waits for the render in progress and accepts nothing after', async () => {
    const started: string[] = [];
    let finishCurrent: () => void = () => undefined;
    const prerenderer = new Prerenderer(({ photoId }) => {
      started.push(photoId);
      return new Promise<void>((resolve) => (finishCurrent = resolve));
    }, createLogger('silent'));
    prerenderer.enqueue([target('a'), target('b'), target('c')]);
    await new Promise((resolve) => setImmediate(resolve));
    let closed = false;
    const closing = prerenderer.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(closed, false, 'close waits for the render in progress');
    finishCurrent();
    await closing;
    prerenderer.enqueue([target('d')]);
    await prerenderer.idle();
    assert.deepEqual(started, ['a']);
  });
});
