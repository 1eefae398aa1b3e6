import assert from 'node:assert/strict';
import type { SourceProbe } from '../../../../display-service/renditions/pipeline/context';
import {
  cropsLittle,
  faceCropWindow,
  fitOf,
  foregroundBox,
  type Tile,
} from '../../../../display-service/renditions/pipeline/layout';

const tile = (width: number, height: number, extra: Partial<Tile> = {}): Tile => ({
  left: 0,
  top: 0,
  width,
  height,
  source: 0,
  fit: 'contain',
  round: false,
  ...extra,
});
const photo = (width: number, height: number): SourceProbe => ({
  width,
  height,
  format: 'jpeg',
  hasAlpha: false,
  needsHeicDecoder: false,
});

describe('renditions/pipeline/layout', () => {
  it('crops a photo within 10 % of the tile shape and keeps the rest whole on the fill', () => {
    assert.equal(fitOf(tile(1280, 800), photo(3000, 2000)), 'cover'); // 1.5 vs 1.6
    assert.equal(fitOf(tile(1024, 600), photo(1600, 1000)), 'cover'); // 1.6 vs 1.71
    assert.equal(fitOf(tile(2048, 1536), photo(4000, 3000)), 'cover'); // 4:3 on 4:3
    assert.equal(fitOf(tile(1600, 2560), photo(900, 1400)), 'cover'); // portrait tablet
    assert.equal(fitOf(tile(1280, 800), photo(4000, 3000)), 'contain'); // 4:3 on 16:10: 20 % apart
    assert.equal(fitOf(tile(1280, 800), photo(1920, 1080)), 'contain'); // 16:9 on 16:10: 11 % apart
    assert.equal(fitOf(tile(1184, 2560), photo(1600, 1000)), 'contain'); // landscape on a phone
    assert.equal(fitOf(tile(480, 480, { round: true }), photo(1000, 1000)), 'contain'); // the bezel cuts
    assert.equal(fitOf(tile(1280, 800, { fit: 'cover' }), photo(1000, 3000)), 'cover');
  });

  it('calls a crop little when it cuts off no more than a contain tile crops (centred, no attention needed)', () => {
    assert.equal(cropsLittle(tile(1280, 800), photo(3000, 2000)), true); // 1.5 vs 1.6: 6 % cut off
    assert.equal(cropsLittle(tile(1920, 1080), photo(3840, 2160)), true); // the same shape: nothing
    assert.equal(cropsLittle(tile(1280, 800), photo(4000, 3000)), false); // 4:3 vs 16:10: 17 %
    assert.equal(cropsLittle(tile(1280, 800), photo(1500, 2000)), false); // portrait on landscape
  });

  it('enlarges at most 2x, and says so (the decoder sharpens then)', () => {
    assert.deepEqual(foregroundBox(tile(1920, 1080), photo(300, 400)), {
      width: 600,
      height: 800,
      fit: 'fill',
      upscaled: true,
    });
    assert.deepEqual(foregroundBox(tile(1280, 800), photo(4000, 3000)), {
      width: 1067,
      height: 800,
      fit: 'fill',
      upscaled: false,
    });
    assert.deepEqual(foregroundBox(tile(1280, 800), photo(960, 600)), {
      width: 1280,
      height: 800,
      fit: 'cover',
      upscaled: true,
    });
    // Cover would need 4x: a 2x crop of the tile's shape (640x400) on the fill instead.
    assert.deepEqual(foregroundBox(tile(1280, 800, { fit: 'cover' }), photo(320, 320)), {
      width: 640,
      height: 400,
      fit: 'cover',
      upscaled: true,
    });
  });

  it('centres the crop on the faces, moved only as far as the edges need', () => {
    const scaled = { width: 2400, height: 800 };
    const box = { width: 1280, height: 800 };
    const middle = faceCropWindow(scaled, box, [{ left: 0.45, top: 0.3, width: 0.1, height: 0.2 }]);
    assert.deepEqual(middle, { left: 560, top: 0, width: 1280, height: 800 });
    const leftEdge = faceCropWindow(scaled, box, [{ left: 0.02, top: 0.3, width: 0.05, height: 0.2 }]);
    assert.equal(leftEdge.left, 0);
    const rightEdge = faceCropWindow(scaled, box, [{ left: 0.95, top: 0.3, width: 0.05, height: 0.2 }]);
    assert.equal(rightEdge.left, 2400 - 1280);
    // Two faces: both kept, the crop centred between them.
    const pair = faceCropWindow(scaled, box, [
      { left: 0.3, top: 0.3, width: 0.05, height: 0.2 },
      { left: 0.6, top: 0.3, width: 0.05, height: 0.2 },
    ]);
    assert.equal(pair.left, Math.round(((0.3 + 0.65) / 2) * 2400 - 640));
    for (const face of [0.3, 0.6]) {
      assert.ok(face * 2400 >= pair.left && (face + 0.05) * 2400 <= pair.left + 1280, `face at ${face}`);
    }
  });
});
