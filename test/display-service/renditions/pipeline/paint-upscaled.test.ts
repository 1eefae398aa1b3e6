import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { RawImage } from '../../../../display-service/renditions/pipeline/context';
import { paintUpscaled } from '../../../../display-service/renditions/pipeline/paint-upscaled';
import { RawCanvas } from '../../../../display-service/renditions/pipeline/raw-canvas';

function gradient(width: number, height: number): RawImage {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      data[at] = (x * 255) / (width - 1);
      data[at + 1] = (y * 255) / (height - 1);
      data[at + 2] = 255 - ((x + y) * 255) / (width + height - 2);
    }
  return { data, width, height, channels: 3 };
}

describe('renditions/pipeline/paint-upscaled', () => {
  it("paints a region with the image scaled up 8x, as sharp's linear resize does, within a level on average", async () => {
    const small = gradient(20, 10);
    const canvas = new RawCanvas(160, 80);
    const whole = { left: 0, top: 0, width: 160, height: 80 };
    paintUpscaled(canvas, small, whole, whole);
    const reference = await sharp(small.data, { raw: { width: 20, height: 10, channels: 3 } })
      .resize(160, 80, { fit: 'fill', kernel: 'linear' })
      .raw()
      .toBuffer();
    let total = 0;
    for (let i = 0; i < reference.length; i++) total += Math.abs(reference[i]! - canvas.data[i]!);
    assert.ok(total / reference.length < 1.5, `mean difference ${(total / reference.length).toFixed(2)}`);
  });

  it('paints only inside the region, the target and the canvas, the same pixels as painting everything', () => {
    const small = gradient(20, 10);
    const target = { left: 10, top: 5, width: 160, height: 80 };
    const everything = new RawCanvas(200, 100);
    paintUpscaled(everything, small, target, target);
    const band = new RawCanvas(200, 100);
    paintUpscaled(band, small, target, { left: 150, top: -20, width: 100, height: 60 });
    for (let y = 0; y < 100; y++)
      for (let x = 0; x < 200; x++) {
        const at = (y * 200 + x) * 3;
        const inside = x >= 150 && x < 170 && y >= 5 && y < 40;
        assert.deepEqual(
          [...band.data.subarray(at, at + 3)],
          inside ? [...everything.data.subarray(at, at + 3)] : [0, 0, 0],
          `pixel ${x},${y}`,
        );
      }
  });

  it('refuses pixels with another channel count instead of scrambling them', () => {
    const rgba = { data: Buffer.alloc(4 * 4 * 4), width: 4, height: 4, channels: 4 as const };
    const rect = { left: 0, top: 0, width: 8, height: 8 };
    assert.throws(() => paintUpscaled(new RawCanvas(8, 8), rgba, rect, rect), /3-channel/);
  });
});
