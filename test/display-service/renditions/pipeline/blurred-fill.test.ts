import assert from 'node:assert/strict';
import sharp from 'sharp';
import { blurredFill } from '../../../../display-service/renditions/pipeline/blurred-fill';
import type { RawImage } from '../../../../display-service/renditions/pipeline/context';

/** A photo-like test card: colour gradients and a saturated disc, so averaging, blur and colour all show. */
async function testCard(width: number, height: number): Promise<RawImage> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f0c020"/>` +
    `<stop offset="1" stop-color="#1040a0"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>` +
    `<circle cx="${width * 0.6}" cy="${height * 0.4}" r="${height / 4}" fill="#20c040"/></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

function meanDifference(a: Buffer, b: Buffer): number {
  assert.equal(a.length, b.length);
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs(a[i]! - b[i]!);
  return total / a.length;
}

describe('renditions/pipeline/blurred-fill', () => {
  it("matches sharp's resize (cover), blur(3) and modulate({ brightness: 0.55 }) within 2 levels on average", async () => {
    const photo = await testCard(640, 480);
    const fill = blurredFill(photo, 120, 60, { sigma: 3, brightness: 0.55 });
    assert.deepEqual([fill.width, fill.height, fill.channels], [120, 60, 3]);
    const reference = await sharp(photo.data, { raw: { width: 640, height: 480, channels: 3 } })
      .resize(120, 60, { fit: 'cover' })
      .blur(3)
      .modulate({ brightness: 0.55 })
      .raw()
      .toBuffer();
    const difference = meanDifference(fill.data, reference);
    assert.ok(difference < 2, `mean difference ${difference.toFixed(2)}`);
    // The comparison can fail: the same fill not darkened is far from the reference.
    const undarkened = blurredFill(photo, 120, 60, { sigma: 3, brightness: 1 });
    assert.ok(meanDifference(undarkened.data, reference) > 10 * Math.max(difference, 0.5));
  });

  it('keeps colour while darkening: a saturated green stays green, a grey stays grey', () => {
    const flat = (r: number, g: number, b: number): RawImage => ({
      data: Buffer.from(Array.from({ length: 64 * 64 }, () => [r, g, b]).flat()),
      width: 64,
      height: 64,
      channels: 3,
    });
    const [gr, gg, gb] = blurredFill(flat(32, 192, 64), 8, 8, { sigma: 3, brightness: 0.55 }).data;
    assert.ok(gg! > 2 * gr! && gg! > 2 * gb!, `green became ${gr},${gg},${gb}`);
    assert.ok(gg! < 192 && gg! > 60);
    const [r, g, b] = blurredFill(flat(128, 128, 128), 8, 8, { sigma: 3, brightness: 0.55 }).data;
    assert.equal(r, g);
    assert.equal(g, b);
    assert.ok(r! < 128 && r! > 40, `grey became ${r}`);
  });

  it('crops to the fill shape from the centre (cover), never stretching the photo', () => {
    // Left third black, middle white, right third black: a 1:1 fill of a 3:1 photo is all white.
    const width = 300;
    const height = 100;
    const data = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 100; x < 200; x++) data.fill(255, (y * width + x) * 3, (y * width + x) * 3 + 3);
    const fill = blurredFill({ data, width, height, channels: 3 }, 10, 10, { sigma: 0.5, brightness: 1 });
    assert.ok(fill.data.every((level) => level === 255));
  });
});
