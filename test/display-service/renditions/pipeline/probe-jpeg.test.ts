import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { readJpegHeader } from '../../../../common/images/jpeg-segments';
import { probeJpeg } from '../../../../display-service/renditions/pipeline/probe-jpeg';
import { imageBytes, withIptcKeywords } from '../../../metadata-service/fixtures/images';

/** What libvips says of the same bytes: the probe must never disagree with it. */
async function libvipsSize(bytes: Buffer): Promise<{ width: number; height: number }> {
  const { autoOrient } = await sharp(bytes).metadata();
  return { width: autoOrient.width, height: autoOrient.height };
}

/** A JPEG with `payload` as an APPn segment right after SOI. */
function withSegment(jpeg: Buffer, marker: number, payload: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, marker]), length, payload, jpeg.subarray(2)]);
}

describe('renditions/pipeline/probe-jpeg', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'probe-jpeg-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a JPEG file’s displayed size from its header, each EXIF orientation as libvips applies it', async () => {
    for (const orientation of [undefined, 1, 3, 5, 6, 8]) {
      const bytes = await imageBytes({ width: 300, height: 200, orientation, make: 'Pixel' });
      const path = join(dir, `o${orientation ?? 'none'}.jpg`);
      await writeFile(path, bytes);
      const expected = await libvipsSize(bytes);
      assert.deepEqual(
        await probeJpeg(path),
        { ...expected, format: 'jpeg', hasAlpha: false, needsHeicDecoder: false },
        `orientation ${orientation}`,
      );
      assert.deepEqual(await probeJpeg(bytes), await probeJpeg(path), `bytes, orientation ${orientation}`);
    }
    assert.deepEqual(await libvipsSize(await imageBytes({ width: 300, height: 200, orientation: 6 })), {
      width: 200,
      height: 300,
    });
  });

  it('agrees with libvips on CMYK, progressive and IPTC-tagged JPEGs', async () => {
    const plain = await imageBytes({ width: 240, height: 160 });
    const cases = [
      await sharp(plain).toColourspace('cmyk').jpeg().toBuffer(),
      await sharp(plain).jpeg({ progressive: true }).toBuffer(),
      withIptcKeywords(plain, ['beach']),
    ];
    for (const bytes of cases) {
      assert.deepEqual({ ...(await probeJpeg(bytes)) }, { ...(await libvipsSize(bytes)), ...JPEG });
    }
  });

  it('leaves EXIF it cannot read to libvips rather than guessing the orientation', async () => {
    const plain = await imageBytes({ width: 240, height: 160 });
    const garbage = withSegment(
      plain,
      0xe1,
      Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(24, 0x41)]),
    );
    assert.equal(await probeJpeg(garbage), undefined);
  });

  it('leaves anything but a plain JPEG head to libvips: other formats, cut headers, missing files', async () => {
    const jpeg = await imageBytes({ width: 240, height: 160 });
    assert.equal(await probeJpeg(await imageBytes({ format: 'png' })), undefined);
    assert.equal(await probeJpeg(await imageBytes({ format: 'webp' })), undefined);
    assert.equal(await probeJpeg(jpeg.subarray(0, 40)), undefined);
    assert.equal(await probeJpeg(Buffer.from('not an image at all')), undefined);
    assert.equal(await probeJpeg(join(dir, 'gone.jpg')), undefined);
    // A header longer than the head the probe reads (five 65 KB APP2 segments before the scan) is not guessed at,
    // though the whole header would parse.
    const padded = Array.from({ length: 5 }).reduce<Buffer>(
      (bytes) => withSegment(bytes, 0xe2, Buffer.alloc(65_000, 0x20)),
      jpeg,
    );
    assert.ok(readJpegHeader(padded), 'the whole header parses');
    assert.equal(await probeJpeg(padded), undefined);
    await writeFile(join(dir, 'padded.jpg'), padded);
    assert.equal(await probeJpeg(join(dir, 'padded.jpg')), undefined);
  });
});

const JPEG = { format: 'jpeg', hasAlpha: false, needsHeicDecoder: false };
