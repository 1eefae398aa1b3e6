import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { withCameraExif } from '../fixtures/camera-exif';
import { createLogger } from '../../../common/logger';

export const silentLogger = createLogger('silent');

export interface TempDir {
  path: string;
  cleanup(): Promise<void>;
}

export async function makeTempDir(prefix = 'pf-library-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

export interface JpegFixture {
  width?: number;
  height?: number;
  /** Different seeds give different bytes (and content hashes). */
  seed?: number;
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  gps?: { latitude: number; longitude: number };
  make?: string;
  model?: string;
  orientation?: number;
  keywords?: string[];
}

/** Writes a small real JPEG with the given EXIF/XMP, made with sharp the way a camera would store it. */
export async function writeJpeg(path: string, fixture: JpegFixture = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const seed = fixture.seed ?? 1;
  const width = fixture.width ?? 120;
  const height = fixture.height ?? 80;
  let image = sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 173) % 256 },
    },
  })
    .composite([
      {
        input: { create: { width: 10, height: 10, channels: 3, background: '#ffffff' } },
        left: (seed * 7) % (width - 10),
        top: (seed * 3) % (height - 10),
      },
    ])
    .jpeg({ quality: 90 });
  image = withCameraExif(image, fixture);
  if (fixture.keywords) image = image.withXmp(xmpSubject(fixture.keywords));
  await image.toFile(path);
}

function xmpSubject(keywords: string[]): string {
  return (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag>' +
    keywords.map((k) => `<rdf:li>${k}</rdf:li>`).join('') +
    '</rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>'
  );
}
