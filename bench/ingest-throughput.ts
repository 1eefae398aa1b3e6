import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { DatabaseLocation } from '../common/database';
import { createLogger } from '../common/logger';
import { createLibrary } from '../metadata-service/library';
import { reverseGeocode } from '../metadata-service/places/reverse-geocode';

/** Small camera-like JPEGs: EXIF date + offset + GPS + make/model, each with different pixels. */
export async function writeLibrary(folder: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const dir = join(folder, `2024-${String(1 + (i % 12)).padStart(2, '0')} Trip`);
    await mkdir(dir, { recursive: true });
    await sharp({
      create: {
        width: 160,
        height: 120,
        channels: 3,
        background: { r: i % 256, g: (i * 7) % 256, b: (i * 13) % 256 },
      },
    })
      .composite([
        {
          input: { create: { width: 16, height: 16, channels: 3, background: '#fff' } },
          left: i % 140,
          top: (i * 3) % 100,
        },
      ])
      .jpeg({ quality: 85 })
      .withExif({
        IFD0: { Make: 'Apple', Model: 'iPhone 15' },
        IFD2: {
          DateTimeOriginal: `2024:${String(1 + (i % 12)).padStart(2, '0')}:14 10:${String(i % 60).padStart(2, '0')}:00`,
          OffsetTimeOriginal: '+02:00',
        },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '43/1 17/1 47/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '5/1 22/1 11/1',
        },
      })
      .toFile(join(dir, `IMG_${i}.jpg`));
  }
}

/**
 * Metadata-only ingest rate: the real folder source, readers, hashing, reverse geocoding and transactional inserts
 * (no renditions). The gazetteer is loaded before timing: that is once per process, not per photo.
 */
export async function measureIngest(
  database: (dir: string) => DatabaseLocation,
  count: number,
): Promise<{ photos: number; seconds: number; perSecond: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'pf-bench-ingest-'));
  try {
    const folder = join(dir, 'library');
    await writeLibrary(folder, count);
    reverseGeocode(43.2965, 5.3698);
    const library = await createLibrary({ database: database(dir), logger: createLogger('silent') });
    try {
      const start = process.hrtime.bigint();
      // As `npm run ingest` runs it (the CLI's concurrency), not as a serving stack's background ingest.
      const report = await library.ingest(folder, {
        ownerId: 'bench-ingest',
        concurrency: availableParallelism() * 2,
      });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (report.added !== count)
        throw new Error(
          `ingest added ${report.added} of ${count}: ${JSON.stringify(report.skipped.slice(0, 3))}`,
        );
      return { photos: report.added, seconds, perSecond: report.added / seconds };
    } finally {
      await library.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
