import assert from 'node:assert/strict';
import sharp from 'sharp';
import {
  applySharpSettings,
  defaultSharpSettings,
  renderThreadsFor,
} from '../../../display-service/renditions/sharp-settings';

describe('renditions/sharp-settings renderThreadsFor', () => {
  afterEach(() => applySharpSettings());

  it('gives a render that runs alone loneRenderConcurrency libvips threads, and concurrency once another starts', () => {
    const settings = { ...defaultSharpSettings(), concurrency: 1, loneRenderConcurrency: 2 };
    applySharpSettings(settings);
    const onActiveChange = renderThreadsFor(settings);
    onActiveChange(1);
    assert.equal(sharp.concurrency(), 2);
    onActiveChange(2);
    assert.equal(sharp.concurrency(), 1);
    onActiveChange(1);
    assert.equal(sharp.concurrency(), 2);
    onActiveChange(0);
    assert.equal(sharp.concurrency(), 2, 'idle: the next render to start will be alone');
  });

  it('never asks for more threads than the machine has cores', () => {
    const settings = defaultSharpSettings();
    assert.ok(settings.loneRenderConcurrency >= 1);
    assert.ok(settings.loneRenderConcurrency <= settings.maxConcurrentRenders);
  });
});
