import assert from 'node:assert/strict';
import type { Viewport } from '../../../common/contracts';
import {
  RENDITION_PRESETS,
  findPreset,
  isPresetSize,
  snapToPreset,
} from '../../../display-service/renditions/presets';

const snap = (width: number, height: number, shape: Viewport['shape'] = 'RECTANGLE'): string => {
  const preset = snapToPreset({ width, height, shape });
  return `${preset.width}x${preset.height} ${preset.shape}`;
};

describe('renditions/presets', () => {
  it('is the bounded set of device sizes', () => {
    assert.deepEqual(
      RENDITION_PRESETS.map((p) => `${p.width}x${p.height} ${p.shape}`),
      [
        '480x480 ROUND',
        '960x480 RECTANGLE',
        '1280x800 RECTANGLE',
        '1920x1080 RECTANGLE',
        '1080x1920 RECTANGLE',
        '3840x2160 RECTANGLE',
      ],
    );
  });

  it('snaps every preset (every Echo Show, Spot and Fire TV) to itself', () => {
    for (const preset of RENDITION_PRESETS) {
      assert.equal(
        snap(preset.width, preset.height, preset.shape),
        `${preset.width}x${preset.height} ${preset.shape}`,
      );
    }
  });

  it('snaps other rectangles to the closest aspect ratio, the smallest preset covering the screen', () => {
    assert.equal(snap(1024, 600), '1920x1080 RECTANGLE'); // 1.71 is nearer 16:9 than 16:10
    assert.equal(snap(1280, 720), '1920x1080 RECTANGLE');
    assert.equal(snap(2560, 1440), '3840x2160 RECTANGLE');
    assert.equal(snap(1440, 900), '1280x800 RECTANGLE'); // 16:10, larger than any 16:10 preset: the largest
    assert.equal(snap(1000, 500), '960x480 RECTANGLE');
    assert.equal(snap(600, 1024), '1080x1920 RECTANGLE');
    assert.equal(snap(3840, 3840), '1280x800 RECTANGLE'); // square rectangle: 16:10 is the nearest ratio
  });

  it('snaps every round screen to the round preset', () => {
    assert.equal(snap(400, 400, 'ROUND'), '480x480 ROUND');
    assert.equal(snap(1080, 1080, 'ROUND'), '480x480 ROUND');
  });

  it('finds presets only by exact size and shape', () => {
    assert.equal(findPreset(480, 480, 'ROUND')?.name, 'echo-spot');
    assert.equal(findPreset(480, 480, 'RECTANGLE'), undefined);
    assert.equal(isPresetSize(1280, 800), true);
    assert.equal(isPresetSize(1281, 800), false);
  });
});
