import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openDatabase } from '../common/database';
import { createLogger } from '../common/logger';
import { ancestorsOf } from '../common/vocabulary';
import { migrateLibraryDatabase } from '../metadata-service/database/migrations';
import type { LibraryDatabase } from '../metadata-service/database/schema';
import { DEFAULT_WRITE_BATCH } from '../metadata-service/ingest/photo-batch-writer';
import { PhotoRepository, type NewPhoto } from '../metadata-service/repositories/photo-repository';

export interface WriteFigure {
  name: string;
  perSecond: number;
  cpuMsPerPhoto: number;
}

/**
 * The storage half of ingest alone, on SQLite: the rows `npm run ingest` writes for camera photos of a dated trip
 * folder (photo, folder label and album, per-month counts, near-duplicate lookup), written three ways side by side
 * into fresh databases: as before issue #16 (Kysely preparing every statement, a commit per photo), with statements
 * prepared once, and in batches as ingest now writes. Best of `rounds` for each.
 */
export async function measureWrites(count: number, rounds = 2): Promise<WriteFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pf-bench-writes-'));
  try {
    const ways = [
      { name: 'a commit per photo, every statement prepared', cached: false, batch: 1 },
      { name: 'a commit per photo, statements prepared once', cached: true, batch: 1 },
      {
        name: `batches of ${DEFAULT_WRITE_BATCH}, statements prepared once`,
        cached: true,
        batch: DEFAULT_WRITE_BATCH,
      },
    ];
    const best = new Map<string, WriteFigure>();
    let run = 0;
    for (let round = 0; round < rounds; round++) {
      for (const way of ways) {
        const figure = await writeOnce(join(dir, `writes-${run++}.sqlite`), count, way);
        const seen = best.get(way.name);
        if (!seen || figure.perSecond > seen.perSecond) best.set(way.name, figure);
      }
    }
    return ways.map((way) => best.get(way.name) as WriteFigure);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeOnce(
  file: string,
  count: number,
  way: { name: string; cached: boolean; batch: number },
): Promise<WriteFigure> {
  const db = way.cached ? openDatabase<LibraryDatabase>({ kind: 'sqlite', file }) : uncachedDatabase(file);
  try {
    await migrateLibraryDatabase(db, createLogger('silent'));
    const repository = new PhotoRepository(db, { labelParents: ancestorsOf });
    const photos = tripPhotos(count);
    const cpuBefore = process.cpuUsage();
    const start = process.hrtime.bigint();
    if (way.batch === 1) {
      for (const { photo, labels } of photos) await repository.insertPhoto(photo, labels);
    } else {
      for (let i = 0; i < photos.length; i += way.batch)
        await repository.insertPhotos(photos.slice(i, i + way.batch));
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      name: way.name,
      perSecond: count / seconds,
      cpuMsPerPhoto: (cpu.user + cpu.system) / 1000 / count,
    };
  } finally {
    await db.destroy();
  }
}

/** The library database as common/database.ts opened it before statements were kept prepared. */
function uncachedDatabase(file: string): Kysely<LibraryDatabase> {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<LibraryDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Photos as a phone export's month folders give them: EXIF time, a perceptual hash, the folder's label and album. */
function tripPhotos(count: number): NewPhoto[] {
  return Array.from({ length: count }, (_, i) => {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const folder = `2024-${month} Trip`;
    const id = `ph_bench_${i}`;
    const takenLocal = `2024-${month}-14T10:${String(i % 60).padStart(2, '0')}:00`;
    return {
      photo: {
        id,
        ownerId: 'bench-writes',
        contentHash: `${id}-hash`,
        bytes: 2_500_000,
        sourceRoot: '/photos',
        sourcePath: `${folder}/IMG_${i}.jpg`,
        sourceUri: `file:///photos/${folder}/IMG_${i}.jpg`,
        mediaType: 'image/jpeg',
        mediaKind: 'photo',
        width: 4032,
        height: 3024,
        orientation: 1,
        durationMs: null,
        takenLocal,
        takenUtc: null,
        takenTimeSource: 'exif-local-only',
        timeZone: null,
        timeZoneSource: null,
        latitude: 43.29,
        longitude: 5.37,
        place: {
          city: 'Marseille',
          region: "Provence-Alpes-Côte d'Azur",
          country: 'France',
          countryCode: 'FR',
        },
        cameraMake: 'Apple',
        cameraModel: 'iPhone 15',
        title: null,
        description: null,
        favorite: false,
        rating: null,
        isScreenshot: false,
        // Spread over the 64 bits so bursts rarely group: the lookup runs, the update seldom.
        perceptualHash: ((BigInt(i) * 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn)
          .toString(16)
          .padStart(16, '0'),
        people: [],
        albums: [{ name: folder, source: 'folder' }],
        fileMtime: '2026-01-01T00:00:00.000Z',
        ingestedAt: '2026-12-06T12:00:00.000Z',
      },
      labels: [{ label: 'trip', source: 'folder', confidence: 1 }],
    };
  });
}
