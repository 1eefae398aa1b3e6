import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import { photoQuerySchema, type PhotoQueryInput } from '../common/contracts';
import type { LibraryDatabase } from '../metadata-service/database/schema';
import { personIdFor } from '../metadata-service/repositories/names';
import { PhotoRepository } from '../metadata-service/repositories/photo-repository';
import { shuffleBucketOrder } from '../metadata-service/repositories/shuffle-order';

/**
 * Every SQL statement the library's repository sends, per query shape and engine, for review: the repository runs
 * against a driver that records each compiled statement and answers with one plausible row.
 */
const OWNER = 'owner-1';
const MOM = personIdFor(OWNER, 'mom');

const PLAUSIBLE_ROW = {
  total: 1,
  dated: 1,
  first: '2019-07-01T10:00:00',
  last: '2019-07-01T10:00:00',
  id: 'ph_example',
  sort_key: '2019-07-01T10:00:00',
  kind: 'none',
  name: 'Mom',
  normalized_name: 'mom',
  photos: 1,
  key: 'beach',
  month: '2019-07',
  // The shuffle shape's first bucket holds the one match, so its walk reads one bucket.
  bucket: shuffleBucketOrder('frame-1')[0],
  shuffle_key: 123456789,
};

class RecordingConnection implements DatabaseConnection {
  constructor(private readonly recorded: CompiledQuery[]) {}
  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    this.recorded.push(compiled);
    return Promise.resolve({ rows: [PLAUSIBLE_ROW as R], numAffectedRows: 1n });
  }
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the library does not stream queries');
  }
}

function recordingDialect(engine: 'sqlite' | 'postgres', recorded: CompiledQuery[]): Dialect {
  const driver: Driver = {
    init: () => Promise.resolve(),
    acquireConnection: () => Promise.resolve(new RecordingConnection(recorded)),
    beginTransaction: () => Promise.resolve(),
    commitTransaction: () => Promise.resolve(),
    rollbackTransaction: () => Promise.resolve(),
    releaseConnection: () => Promise.resolve(),
    destroy: () => Promise.resolve(),
  };
  return engine === 'sqlite'
    ? {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => driver,
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      }
    : {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => driver,
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      };
}

const page = { limit: 50, offset: 0 };
const search = (query: PhotoQueryInput) => (repo: PhotoRepository) =>
  repo.search(OWNER, photoQuerySchema.parse(query), page);

const SHAPES: [string, (repo: PhotoRepository) => Promise<unknown>][] = [
  [
    'search: label + date range, newest (one label: answered from photo_labels)',
    search({
      labels: ['beach'],
      takenFrom: '2019-06-01T00:00:00',
      takenTo: '2019-09-01T00:00:00',
      order: 'newest',
    }),
  ],
  [
    'search: place + date range',
    search({
      places: [{ name: 'Santa Monica' }],
      takenFrom: '2019-01-01T00:00:00',
      takenTo: '2020-01-01T00:00:00',
    }),
  ],
  ['search: person', search({ people: [MOM], order: 'newest' })],
  [
    'search: on this day (±3 days)',
    search({ monthDays: [{ month: 7, day: 14, plusMinusDays: 3 }], order: 'newest' }),
  ],
  [
    'search: seeded shuffle, one label (walked by shuffle_key bucket)',
    search({ labels: ['beach'], order: 'shuffle', seed: 'frame-1' }),
  ],
  [
    'search: every filter (photos table with join subqueries)',
    search({
      labels: ['beach', 'dog'],
      people: [MOM],
      albums: ['al_example'],
      places: [{ name: 'California', level: 'region' }],
      takenFrom: '2010-01-01T00:00:00',
      takenTo: '2026-01-01T00:00:00',
      dateRanges: [
        { from: '2019-12-24T00:00:00', to: '2019-12-27T00:00:00' },
        { from: '2020-12-24T00:00:00', to: '2020-12-27T00:00:00' },
      ],
      favoritesOnly: true,
      mediaKinds: ['photo'],
      exclude: { people: ['pe_other'], albums: ['al_other'], labels: ['cat'], screenshots: true },
      collapseDuplicates: true,
      order: 'oldest',
    }),
  ],
  ['facts: one photo', (repo) => repo.getPhoto(OWNER, 'ph_example')],
  ['vocabulary', (repo) => repo.vocabulary(OWNER)],
  [
    'ingest: insert a photo with labels, people, albums and its near-duplicate group (one transaction)',
    (repo) =>
      repo.insertPhoto(
        {
          id: 'ph_example', ownerId: OWNER, contentHash: 'sha256-example', bytes: 1000, sourceRoot: '/photos',
          sourcePath: 'Hawaii/IMG_1.jpg', sourceUri: 'file:///photos/Hawaii/IMG_1.jpg', mediaType: 'image/jpeg',
          mediaKind: 'photo', width: 4032, height: 3024, orientation: 1, durationMs: null,
          takenLocal: '2019-07-01T10:00:00', takenUtc: '2019-07-01T20:00:00.000Z', takenTimeSource: 'exif-with-offset',
          timeZone: '-10:00', timeZoneSource: 'exif-offset', latitude: 21.3, longitude: -157.8,
          place: { city: 'Honolulu', region: 'Hawaii', country: 'United States', countryCode: 'US' },
          cameraMake: 'Apple', cameraModel: 'iPhone 15', title: null, description: null, favorite: false, rating: null,
          isScreenshot: false, perceptualHash: 'ffff0000ffff0000', people: ['Mom'],
          albums: [{ name: 'Hawaii', source: 'folder' }], fileMtime: '2026-01-01T00:00:00.000Z',
          ingestedAt: '2026-01-01T00:00:00.000Z',
        }, // prettier-ignore
        [{ label: 'beach', source: 'keyword', confidence: 1 }],
      ),
  ],
  ['ingest: delete photos', (repo) => repo.deletePhotos(OWNER, ['ph_example'])],
];

export async function generateLibrarySql(): Promise<string> {
  const sections: string[] = [
    '-- Generated by `npx tsx scripts/generate-library-sql.ts` from metadata-service/repositories: do not edit.',
    '-- Every statement the library sends for each query shape, on SQLite (?) and PostgreSQL ($n), with example',
    '-- parameters. A test fails when this file is stale.',
  ];
  for (const [title, run] of SHAPES) {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const recorded: CompiledQuery[] = [];
      const db = new Kysely<LibraryDatabase>({ dialect: recordingDialect(engine, recorded) });
      // Shuffles as a large library runs them: walked bucket by bucket.
      await run(new PhotoRepository(db, { tuning: { shuffleReadAllLimit: 0 } }));
      await db.destroy();
      sections.push('', `-- ${title} [${engine}]`);
      for (const statement of recorded) {
        sections.push(`${statement.sql};`, `--   params: ${JSON.stringify(statement.parameters)}`);
      }
    }
  }
  return `${sections.join('\n')}\n`;
}
