import assert from 'node:assert/strict';
import type { RawImage } from '../../../../display-service/renditions/pipeline/context';
import { RawCanvas } from '../../../../display-service/renditions/pipeline/raw-canvas';

const solid = (width: number, height: number, value: number, channels: 3 | 4 = 3): RawImage => ({
  data: Buffer.alloc(width * height * channels, value),
  width,
  height,
  channels,
});

/** The canvas as rows of one digit per pixel (its first channel), for readable comparisons. */
function rows(canvas: RawCanvas): string[] {
  const out: string[] = [];
  for (let y = 0; y < canvas.height; y++) {
    let row = '';
    for (let x = 0; x < canvas.width; x++) row += String(canvas.data[(y * canvas.width + x) * 3]);
    out.push(row);
  }
  return out;
}

describe('renditions/pipeline/raw-canvas', () => {
  it('starts black and copies images in at their place, later ones over earlier ones', () => {
    const canvas = new RawCanvas(6, 4);
    canvas.paste(solid(4, 2, 1), 1, 1);
    canvas.paste(solid(2, 2, 2), 4, 2);
    assert.deepEqual(rows(canvas), ['000000', '011110', '011122', '000022']);
  });

  it('cuts off whatever falls outside, on every side', () => {
    const canvas = new RawCanvas(4, 3);
    canvas.paste(solid(3, 2, 5), -2, -1);
    canvas.paste(solid(3, 3, 7), 3, 2);
    canvas.paste(solid(2, 2, 9), 10, 10);
    assert.deepEqual(rows(canvas), ['5000', '0000', '0007']);
  });

  it('refuses pixels with another channel count instead of scrambling them', () => {
    const canvas = new RawCanvas(4, 4);
    assert.throws(() => canvas.paste(solid(2, 2, 1, 4), 0, 0), /3-channel/);
  });

  it('reuses a released screen buffer for the next canvas of that size, black again; other sizes get their own', () => {
    const first = new RawCanvas(5, 3);
    first.paste(solid(5, 3, 8), 0, 0);
    const pixels = first.data;
    first.release();
    const other = new RawCanvas(4, 3);
    assert.notEqual(other.data, pixels);
    const next = new RawCanvas(5, 3);
    assert.equal(next.data, pixels);
    assert.deepEqual(rows(next), ['00000', '00000', '00000']);
  });

  it('gives a buffer back once however often it is released, so two canvases never share pixels', () => {
    const canvas = new RawCanvas(7, 2);
    canvas.release();
    canvas.release();
    const a = new RawCanvas(7, 2);
    const b = new RawCanvas(7, 2);
    assert.notEqual(a.data, b.data);
    a.paste(solid(7, 2, 4), 0, 0);
    assert.deepEqual(rows(b), ['0000000', '0000000']);
  });
});
