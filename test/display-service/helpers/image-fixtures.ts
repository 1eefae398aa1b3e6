import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { PhotoSummary } from '../../../common/contracts';

export const RED = { r: 255, g: 0, b: 0 };
export const BLUE = { r: 0, g: 0, b: 255 };

export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'display-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A landscape JPEG stored sideways: left half red, right half blue, EXIF Orientation 6 (rotate 90° clockwise to
 * view) plus GPS, camera make and XMP. Viewed upright it is portrait, red on top and blue below.
 */
export async function writeSidewaysRedOverBlueJpeg(file: string, width = 400, height = 300): Promise<void> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      if (x < width / 2) raw[at] = 255;
      else raw[at + 2] = 255;
    }
  }
  const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'FixtureCam', Model: 'Sideways' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '43/1 17/1 474/10',
        GPSLongitudeRef: 'E',
        GPSLongitude: '5/1 22/1 113/10',
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>private</dc:title>' +
        '</rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .jpeg({ quality: 90 })
    .toBuffer();
  await writeFile(file, jpeg);
}

/** A plain upright JPEG of one colour (noise added so it has some real entropy). */
export async function writePlainJpeg(file: string, width: number, height: number): Promise<void> {
  await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 140, b: 60 } } })
    .jpeg({ quality: 90 })
    .toFile(file);
}

/** A tiny PNG whose header claims 10000×10000 pixels: a decompression bomb as far as the header is concerned. */
export async function writeDeclaredHugePng(file: string, edge = 10_000): Promise<void> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: 'red' } })
    .png()
    .toBuffer();
  const ihdr = png.indexOf('IHDR');
  png.writeUInt32BE(edge, ihdr + 4);
  png.writeUInt32BE(edge, ihdr + 8);
  png.writeUInt32BE(crc32(png.subarray(ihdr, ihdr + 17)), ihdr + 17);
  await writeFile(file, png);
}

/** What the library would report for a file it ingested. */
export async function summaryFor(
  file: string,
  id: string,
  takenLocal: string | null = '2026-07-14T15:30:12',
): Promise<PhotoSummary> {
  const bytes = await readFile(file);
  // sharp throws synchronously on an empty buffer; a hostile fixture still gets a summary.
  const meta = await Promise.resolve()
    .then(() => sharp(bytes, { limitInputPixels: false }).metadata())
    .catch(() => undefined);
  return {
    id,
    takenLocal,
    width: meta?.autoOrient.width ?? 1,
    height: meta?.autoOrient.height ?? 1,
    orientation: meta?.orientation ?? 1,
    source: {
      path: id,
      uri: pathToFileURL(file).href,
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    },
  };
}

/** Fake summaries for slideshow tests that never render (the URI points nowhere). */
export function fakeSummary(id: string, takenLocal: string | null): PhotoSummary {
  return {
    id,
    takenLocal,
    width: 4000,
    height: 3000,
    orientation: 1,
    source: { path: `${id}.jpg`, uri: `file:///nonexistent/${id}.jpg`, contentHash: `hash-${id}`, bytes: 1 },
  };
}

export async function pixelAt(
  jpeg: Buffer,
  x: number,
  y: number,
): Promise<{ r: number; g: number; b: number }> {
  const { data, info } = await sharp(jpeg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return { r: data[at] ?? -1, g: data[at + 1] ?? -1, b: data[at + 2] ?? -1 };
}

/** Colours after JPEG compression are close, not equal. */
export function isNear(
  actual: { r: number; g: number; b: number },
  expected: { r: number; g: number; b: number },
): boolean {
  return (
    Math.abs(actual.r - expected.r) < 40 &&
    Math.abs(actual.g - expected.g) < 40 &&
    Math.abs(actual.b - expected.b) < 40
  );
}

export const GREEN = { r: 0, g: 255, b: 0 };
export const YELLOW = { r: 255, g: 255, b: 0 };
type Rgb = { r: number; g: number; b: number };

/** Upright quadrant colours: top-left, top-right, bottom-left, bottom-right. */
export const QUADRANTS: readonly [Rgb, Rgb, Rgb, Rgb] = [RED, GREEN, BLUE, YELLOW];

/**
 * A JPEG that looks `width`×`height` with red/green/blue/yellow quadrants (TL, TR, BL, BR) once EXIF
 * `orientation` (1-8) is applied: the stored pixels are the upright picture put through the inverse transform.
 */
export async function writeOrientedQuadrantsJpeg(
  file: string,
  orientation: number,
  width = 1200,
  height = 800,
): Promise<void> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = QUADRANTS[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)] ?? RED;
      raw.set([colour.r, colour.g, colour.b], (y * width + x) * 3);
    }
  }
  let stored = sharp(raw, { raw: { width, height, channels: 3 } });
  // Viewing applies: 2 mirror, 3 rotate 180, 4 flip, 5 transpose, 6 rotate 90 CW, 7 transverse, 8 rotate 270 CW.
  // Storing applies the inverse of each. sharp mirrors (flip/flop) before it rotates, so flip + rotate 90 CW is
  // a transpose and flop + rotate 90 CW a transverse.
  switch (orientation) {
    case 2:
      stored = stored.flop();
      break;
    case 3:
      stored = stored.rotate(180);
      break;
    case 4:
      stored = stored.flip();
      break;
    case 5:
      stored = stored.rotate(90).flip();
      break;
    case 6:
      stored = stored.rotate(270);
      break;
    case 7:
      stored = stored.rotate(90).flop();
      break;
    case 8:
      stored = stored.rotate(90);
      break;
  }
  const pixels = await stored.raw().toBuffer({ resolveWithObject: true });
  await sharp(pixels.data, { raw: { width: pixels.info.width, height: pixels.info.height, channels: 3 } })
    .withMetadata({ orientation })
    .jpeg({ quality: 92 })
    .toFile(file);
}

/** A real 30000×30000 PNG (1-bit grey, ~100 KB on disk, 900 MP decoded): a decompression bomb. */
export async function writeRealPngBomb(file: string, edge = 30_000): Promise<void> {
  const { deflateSync } = await import('node:zlib');
  const rowBytes = 1 + Math.ceil(edge / 8);
  const pixels = deflateSync(Buffer.alloc(rowBytes * edge), { level: 9 });
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(edge, 0);
  ihdr.writeUInt32BE(edge, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await writeFile(
    file,
    Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]),
  );
}

/** A JPEG cut off after `fraction` of its bytes (an interrupted copy). */
export async function writeTruncatedJpeg(file: string, fraction = 0.6): Promise<void> {
  const jpeg = await sharp({
    create: {
      width: 800,
      height: 600,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
  await writeFile(file, jpeg.subarray(0, Math.floor(jpeg.length * fraction)));
}

/** A CMYK JPEG of one colour given in RGB (sharp converts it). */
export async function writeCmykJpeg(file: string, colour: Rgb, width = 800, height = 600): Promise<void> {
  await sharp({ create: { width, height, channels: 3, background: colour } })
    .toColourspace('cmyk')
    .jpeg({ quality: 92 })
    .toFile(file);
}

/** A 16-bit-per-channel RGB PNG of one colour. */
export async function write16BitPng(file: string, colour: Rgb, width = 800, height = 600): Promise<void> {
  await sharp({ create: { width, height, channels: 3, background: colour } })
    .toColourspace('rgb16')
    .png()
    .toFile(file);
}
