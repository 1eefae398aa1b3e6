import assert from 'node:assert/strict';
import type { Viewport } from '../../../common/contracts';
import {
  LONG_EDGE_STEPS,
  RENDITION_PRESETS,
  SHORT_EDGE_STEP,
  isRenditionSize,
  snapToPreset,
} from '../../../display-service/renditions/presets';

const snap = (width: number, height: number, shape: Viewport['shape'] = 'RECTANGLE'): string => {
  const preset = snapToPreset({ width, height, shape });
  return `${preset.width}x${preset.height} ${preset.shape}`;
};

describe('renditions/presets', () => {
  it('snaps every named device (every Echo Show, Spot and Fire TV) to exactly its pixels', () => {
    for (const preset of RENDITION_PRESETS) {
      const snapped = snapToPreset(preset);
      assert.equal(
        `${snapped.width}x${snapped.height} ${snapped.shape} ${snapped.name}`,
        `${preset.width}x${preset.height} ${preset.shape} ${preset.name}`,
      );
    }
  });

  it("keeps the screen's own aspect ratio: 4:3, 19.5:9, 1024x600 and portrait tablets are not letterboxed", () => {
    assert.equal(snap(2048, 1536), '2048x1536 RECTANGLE'); // iPad 1024x768 at DPR 2
    assert.equal(snap(1024, 600), '1024x600 RECTANGLE'); // Fire 7
    assert.equal(snap(1600, 2560), '1600x2560 RECTANGLE'); // 800x1280 at DPR 2
    assert.equal(snap(1170, 2532), '1184x2560 RECTANGLE'); // 390x844 at DPR 3
    assert.equal(snap(1280, 720), '1280x720 RECTANGLE');
    assert.equal(snap(1920, 1080), '1920x1080 RECTANGLE');
    for (const [width, height] of [
      [2048, 1536],
      [1170, 2532],
      [1000, 700],
      [1366, 768],
      [3000, 2000],
      [700, 1900],
    ] as const) {
      const snapped = snapToPreset({ width, height, shape: 'RECTANGLE' });
      const error = Math.abs(Math.log(snapped.width / snapped.height / (width / height)));
      assert.ok(
        error < 0.005,
        `${width}x${height} → ${snapped.width}x${snapped.height}: aspect off by ${error}`,
      );
      assert.ok(
        snapped.width >= width && snapped.height >= height - SHORT_EDGE_STEP / 2,
        'covers the screen',
      );
    }
  });

  it('raises the long edge to the next step and keeps the short edge on the grid, so sizes stay bounded', () => {
    assert.equal(snap(1200, 760), '1280x808 RECTANGLE');
    assert.equal(snap(1270, 794), '1280x800 RECTANGLE'); // near an Echo Show: its cached renditions
    assert.equal(snap(100, 3000), '104x3200 RECTANGLE');
    assert.equal(snap(3840, 64), '3840x64 RECTANGLE');
    assert.equal(snap(64, 64), '480x480 RECTANGLE');
    const sizes = new Set<string>();
    for (let width = 64; width <= 3840; width += 7) {
      for (let height = 64; height <= 3840; height += 53) sizes.add(snap(width, height));
    }
    const perLongEdge = Math.max(...LONG_EDGE_STEPS) / SHORT_EDGE_STEP;
    assert.ok(sizes.size <= LONG_EDGE_STEPS.length * perLongEdge * 2, `${sizes.size} sizes`);
    for (const size of sizes) {
      const [width, height] = size.split(' ')[0]!.split('x').map(Number) as [number, number];
      assert.ok(LONG_EDGE_STEPS.includes(Math.max(width, height)), size);
      assert.equal(Math.min(width, height) % SHORT_EDGE_STEP, 0, size);
    }
  });

  it('gives round screens a square', () => {
    assert.equal(snap(480, 480, 'ROUND'), '480x480 ROUND');
    assert.equal(snap(400, 390, 'ROUND'), '480x480 ROUND');
    assert.equal(snap(1080, 1080, 'ROUND'), '1280x1280 ROUND');
  });

  it('accepts exactly the snapped sizes in URLs', () => {
    assert.equal(isRenditionSize(1280, 800, 'RECTANGLE'), true);
    assert.equal(isRenditionSize(1184, 2560, 'RECTANGLE'), true);
    assert.equal(isRenditionSize(480, 480, 'ROUND'), true);
    assert.equal(isRenditionSize(960, 480, 'ROUND'), false);
    assert.equal(isRenditionSize(1281, 800, 'RECTANGLE'), false); // not a long-edge step
    assert.equal(isRenditionSize(1280, 801, 'RECTANGLE'), false); // off the short-edge grid
    assert.equal(isRenditionSize(1280, 1288, 'RECTANGLE'), false); // the long edge would be 1288
    assert.equal(isRenditionSize(3840, 56, 'RECTANGLE'), false); // below the contract's smallest edge
    assert.equal(isRenditionSize(5120, 2880, 'RECTANGLE'), false);
    assert.equal(isRenditionSize(1280.5, 800, 'RECTANGLE'), false);
  });
});
