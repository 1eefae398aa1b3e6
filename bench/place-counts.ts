/**
 * `npm run bench:place-counts`: a one-place search's count read two ways, side by side on the kept bench index
 * (`npm run bench` builds it): the matches counted from the place index range, as before migration 0019, and from
 * search_key_months' place rows. Alternated request by request, so both meet the same machine load; prints p50/p95
 * of each and their ratio, and checks both give the same count.
 * Flags: --engine sqlite|postgres, --photos <n> (which kept index), --runs <n>, --level city|region|country.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseLocation } from '../common/database';
import { photoQuerySchema, type PlaceLevel } from '../common/contracts';
import type { LibraryDatabase } from '../metadata-service/database/schema';
import { countFromSummary } from '../metadata-service/repositories/key-month-counts';
import { placeKeyKind } from '../metadata-service/repositories/place-month-counts';
import { matchSource } from '../metadata-service/repositories/search-driver';
import { BENCH_DATA_VERSION, OWNER_A } from './bench-library';
import { percentiles } from './percentiles';
import { cityName, countryName, regionName } from './synthetic-library';

const NAMES: Record<string, (i: number) => string> = {
  city: (i) => cityName(i % 20),
  region: (i) => regionName(i % 50),
  country: (i) => countryName(i % 20),
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'postgres' },
      photos: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '200' },
      level: { type: 'string', default: 'city' },
    },
  });
  const level = values.level as PlaceLevel;
  const nameOf = NAMES[level];
  if (!nameOf) throw new Error(`--level must be one of ${Object.keys(NAMES).join(', ')}`);
  const benchDir = resolve(process.env.BENCH_CACHE_DIR ?? join(homedir(), '.cache', 'photo-frame', 'bench'));
  const server = new URL(
    process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  );
  server.pathname = `/photoframe_bench_v${BENCH_DATA_VERSION}`;
  const location: DatabaseLocation =
    values.engine === 'sqlite'
      ? { kind: 'sqlite', file: join(benchDir, `library-${values.photos}-v${BENCH_DATA_VERSION}.sqlite`) }
      : { kind: 'postgres', url: server.toString() };
  const db = openDatabase<LibraryDatabase>(location);
  try {
    const fromIndex: number[] = [];
    const fromMonths: number[] = [];
    const runs = Math.max(1, Number(values.runs));
    for (let i = 0; i < runs + 20; i++) {
      const name = nameOf(i);
      // Alternate which goes first, so neither always meets the other's warmed pages.
      const timed = async (count: () => Promise<number>) => {
        const start = process.hrtime.bigint();
        const total = await count();
        return { total, ms: Number(process.hrtime.bigint() - start) / 1e6 };
      };
      const byIndex = () => timed(() => indexCount(db, level, name));
      const byMonths = () => timed(() => monthsCount(db, level, name));
      const [x, y] = i % 2 === 0 ? [await byIndex(), await byMonths()] : [await byMonths(), await byIndex()];
      const [index, months] = i % 2 === 0 ? [x, y] : [y, x];
      if (index.total !== months.total) {
        throw new Error(`${name}: ${months.total} from months, ${index.total} from the index`);
      }
      if (i >= 20) {
        fromIndex.push(index.ms);
        fromMonths.push(months.ms);
      }
    }
    const a = percentiles(fromIndex);
    const b = percentiles(fromMonths);
    console.log(
      `${values.engine} ${values.photos} photos, one ${level} (20 names), ${runs} runs each after 20 warm-ups, alternated:`,
    );
    console.log(`  place index range     p50 ${a.p50.toFixed(2)} ms  p95 ${a.p95.toFixed(2)} ms`);
    console.log(`  search_key_months     p50 ${b.p50.toFixed(2)} ms  p95 ${b.p95.toFixed(2)} ms`);
    console.log(
      `  ratio (months/index)  p50 ${(b.p50 / a.p50).toFixed(2)}x  p95 ${(b.p95 / a.p95).toFixed(2)}x`,
    );
  } finally {
    await db.destroy();
  }
}

/** The count the search made before migration 0019: the place's index range, screenshots left out. */
async function indexCount(db: Kysely<LibraryDatabase>, level: PlaceLevel, name: string): Promise<number> {
  const column = sql.ref(`photos.place_${level}`);
  const row = await db
    .selectFrom('photos')
    .select([
      sql<number | string>`count(*)`.as('total'),
      sql<string | null>`min(photos.taken_local)`.as('first'),
      sql<string | null>`max(photos.taken_local)`.as('last'),
    ])
    .where('photos.owner_id', '=', OWNER_A)
    .where('photos.left_out', '=', 0)
    .where(sql<boolean>`lower(${column}) = lower(${name})`)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** The count the search makes now: the place's month rows. */
async function monthsCount(db: Kysely<LibraryDatabase>, level: PlaceLevel, name: string): Promise<number> {
  const scope = {
    ownerId: OWNER_A,
    query: photoQuerySchema.parse({ places: [{ name, level }] }),
    hiddenPeople: [],
    hiddenAlbums: [],
  };
  const counted = await countFromSummary(
    db,
    OWNER_A,
    { kind: placeKeyKind(level), key: name },
    [0],
    {},
    matchSource(db, scope),
  );
  if (counted === undefined) throw new Error('a one-place count is always read from its summary rows');
  return counted.total;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
