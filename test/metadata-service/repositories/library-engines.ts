import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseLocation } from '../../../common/database';
import { migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { makeTempDir, silentLogger } from '../support/fixtures';

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

const sqliteEngine: LibraryEngine = {
  name: 'SQLite',
  async open() {
    const tmp = await makeTempDir();
    const location: DatabaseLocation = { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') };
    const db = openDatabase<LibraryDatabase>(location);
    await migrateLibraryDatabase(db, silentLogger);
    return {
      db,
      location,
      async cleanup() {
        await db.destroy();
        await tmp.cleanup();
      },
    };
  },
};

/**
 * PostgreSQL: one fresh schema per test database inside LIBRARY_TEST_DATABASE_URL, selected through the connection's
 * search_path, so parallel runs and tests never see each other's rows; dropped with everything in it afterwards.
 */
function postgresEngine(url: string): LibraryEngine {
  return {
    name: 'PostgreSQL',
    async open() {
      const schema = `pf_test_${randomBytes(6).toString('hex')}`;
      const admin = openDatabase<unknown>({ kind: 'postgres', url });
      await sql`create schema ${sql.id(schema)}`.execute(admin);
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      const location: DatabaseLocation = { kind: 'postgres', url: scoped.toString() };
      const db = openDatabase<LibraryDatabase>(location);
      await migrateLibraryDatabase(db, silentLogger);
      return {
        db,
        location,
        async cleanup() {
          await db.destroy();
          await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
          await admin.destroy();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL too when LIBRARY_TEST_DATABASE_URL names a test database (CI sets it). */
export function libraryEngines(env: NodeJS.ProcessEnv = process.env): LibraryEngine[] {
  const url = env.LIBRARY_TEST_DATABASE_URL?.trim();
  return url ? [sqliteEngine, postgresEngine(url)] : [sqliteEngine];
}

/** One `describe` per engine, each with the same tests: the repository layer must behave the same on both. */
export function describeOnEachEngine(title: string, suite: (engine: LibraryEngine) => void): void {
  for (const engine of libraryEngines()) describe(`${title} on ${engine.name}`, () => suite(engine));
}
