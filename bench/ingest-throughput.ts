import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { openDatabase, type DatabaseLocation } from '../common/database';
import { createLogger } from '../common/logger';
import { ancestorsOf } from '../common/vocabulary';
import { migrateLibraryDatabase } from '../metadata-service/database/migrations';
import type { LibraryDatabase } from '../metadata-service/database/schema';
import { createFolderSource } from '../metadata-service/ingest/folder-source';
import { runHashStage } from '../metadata-service/ingest/hash-stage/run-hash-stage';
import { runIngest } from '../metadata-service/ingest/ingest-run';
import { reverseGeocode } from '../metadata-service/places/reverse-geocode';
import { PhotoRepository } from '../metadata-service/repositories/photo-repository';

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

export interface IngestFigure {
  photos: number;
  seconds: number;
  perSecond: number;
  /** Process CPU (all threads: main, libvips, libuv) per photo: steadier than wall time on a shared machine. */
  cpuMsPerPhoto: number;
}

export interface IngestComparison {
  /** Each still decoded as it is read (the perceptual hash at read time, as before issue #16): the reference. */
  decodedAtRead: IngestFigure;
  /** The metadata pass alone, stills stored from their header segments (hash pending): issue #16's figure. */
  metadataOnly: IngestFigure;
  /** The hash stage alone, over the photos the metadata pass left pending. */
  hashStage: IngestFigure;
  /** Metadata pass then hash stage, as a default `runIngest` does them: until the last photo is hashed. */
  headerThenStage: IngestFigure;
  /** metadataOnly / decodedAtRead photos per second, from rounds run alternately on the same files. */
  ratio: number;
}

/**
 * Metadata-only ingest rate: the real folder source, readers, hashing, reverse geocoding and batched transactional
 * inserts (no renditions, no vision), as `npm run ingest` runs it (twice the cores in flight). Measured side by
 * side on the same files into fresh databases, alternately, `rounds` times each: decoding each still as it is read
 * (the reference), and reading header segments only with the perceptual hash left to the hash stage, which is then
 * timed on its own. The gazetteer is loaded before timing: that is once per process, not per photo.
 */
export async function measureIngest(
  database: (dir: string) => DatabaseLocation,
  count: number,
  rounds = 2,
): Promise<IngestComparison> {
  const dir = await mkdtemp(join(tmpdir(), 'pf-bench-ingest-'));
  try {
    const folder = join(dir, 'library');
    await writeLibrary(folder, count);
    reverseGeocode(43.2965, 5.3698);
    // As createLibrary sets it for an ingest.
    sharp.cache(false);
    let best: Omit<IngestComparison, 'ratio'> | undefined;
    let run = 0;
    const faster = (a: IngestFigure, b: IngestFigure | undefined): IngestFigure =>
      b && b.perSecond >= a.perSecond ? b : a;
    for (let round = 0; round < rounds; round++) {
      const atRead = await ingestOnce(database(join(dir, `run-${run++}`)), folder, count, 'at-read');
      const header = await ingestOnce(database(join(dir, `run-${run++}`)), folder, count, 'defer');
      const stage = header.stage as IngestFigure;
      const both: IngestFigure = {
        photos: count,
        seconds: header.metadata.seconds + stage.seconds,
        perSecond: count / (header.metadata.seconds + stage.seconds),
        cpuMsPerPhoto: header.metadata.cpuMsPerPhoto + stage.cpuMsPerPhoto,
      };
      best = {
        decodedAtRead: faster(atRead.metadata, best?.decodedAtRead),
        metadataOnly: faster(header.metadata, best?.metadataOnly),
        hashStage: faster(stage, best?.hashStage),
        headerThenStage: faster(both, best?.headerThenStage),
      };
    }
    if (!best) throw new RangeError('rounds must be at least 1');
    return { ...best, ratio: best.metadataOnly.perSecond / best.decodedAtRead.perSecond };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function ingestOnce(
  location: DatabaseLocation,
  folder: string,
  count: number,
  hashStage: 'at-read' | 'defer',
): Promise<{ metadata: IngestFigure; stage?: IngestFigure }> {
  if (location.kind === 'sqlite') await mkdir(dirname(location.file), { recursive: true });
  const logger = createLogger('silent');
  const db = openDatabase<LibraryDatabase>(location);
  try {
    await migrateLibraryDatabase(db, logger);
    const repository = new PhotoRepository(db, { labelParents: ancestorsOf });
    const source = createFolderSource(folder, { logger });
    const metadata = await timed(async () => {
      const report = await runIngest(
        source,
        { ownerId: 'bench-ingest', concurrency: availableParallelism() * 2, hashStage },
        { repository, logger },
      );
      // As library.ingest ends every run.
      await repository.refreshStatistics();
      if (report.added !== count)
        throw new Error(
          `ingest added ${report.added} of ${count}: ${JSON.stringify(report.skipped.slice(0, 3))}`,
        );
      return report.added;
    });
    if (hashStage === 'at-read') return { metadata };
    const stage = await timed(async () => {
      const report = await runHashStage(source, { ownerId: 'bench-ingest' }, { repository, logger });
      if (report.hashed !== count) throw new Error(`hash stage hashed ${report.hashed} of ${count}`);
      return report.hashed;
    });
    return { metadata, stage };
  } finally {
    await db.destroy();
  }
}

async function timed(work: () => Promise<number>): Promise<IngestFigure> {
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  const photos = await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    photos,
    seconds,
    perSecond: photos / seconds,
    cpuMsPerPhoto: (cpu.user + cpu.system) / 1000 / photos,
  };
}
