import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseLocation } from '../../../common/database';
import { migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { scratchEngines } from '../../support/scratch-databases';
import { silentLogger } from '../support/fixtures';

/** A migrated, empty library database that nothing else can see; `cleanup` removes it. */
export interface TestLibraryDatabase {
  db: Kysely<LibraryDatabase>;
  /** The same database, for code that opens its own connection (createLibrary). */
  location: DatabaseLocation;
  cleanup(): Promise<void>;
}

export interface LibraryEngine {
  name: 'SQLite' | 'PostgreSQL';
  open(): Promise<TestLibraryDatabase>;
}

/** SQLite always; PostgreSQL too when LIBRARY_TEST_DATABASE_URL names a test database (CI sets it). */
export function libraryEngines(env: NodeJS.ProcessEnv = process.env): LibraryEngine[] {
  return scratchEngines(env).map((engine) => ({
    name: engine.name,
    async open() {
      const database = await engine.create();
      const db = openDatabase<LibraryDatabase>(database.location);
      await migrateLibraryDatabase(db, silentLogger);
      return {
        db,
        location: database.location,
        // Once only: when a later test's set-up fails, its afterEach still holds this (earlier) database, and a
        // second clean-up would bury the set-up's own error under "driver has already been destroyed".
        cleanup: once(async () => {
          await db.destroy();
          await database.drop();
        }),
      };
    },
  }));
}

function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= work());
}

/** One `describe` per engine, each with the same tests: the repository layer must behave the same on both. */
export function describeOnEachEngine(title: string, suite: (engine: LibraryEngine) => void): void {
  for (const engine of libraryEngines()) describe(`${title} on ${engine.name}`, () => suite(engine));
}
