import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DatabaseLocation } from '../../../common/database';
import { makeTempDir } from './image-fixtures';

/** An empty database that nothing else can see, for display instances to share; `cleanup` removes it. */
export interface TestDatabase {
  location: DatabaseLocation;
  cleanup(): Promise<void>;
}

export interface DisplayEngine {
  name: 'SQLite' | 'PostgreSQL';
  open(): Promise<TestDatabase>;
}

const sqliteEngine: DisplayEngine = {
  name: 'SQLite',
  async open() {
    const { dir, cleanup } = await makeTempDir();
    // The file the local stack shares with the library.
    return { location: { kind: 'sqlite', file: join(dir, 'library.sqlite') }, cleanup };
  },
};

/**
 * PostgreSQL: a fresh schema inside LIBRARY_TEST_DATABASE_URL, selected through the connection's search_path (as
 * the library's tests do), dropped with everything in it afterwards.
 */
function postgresEngine(url: string): DisplayEngine {
  return {
    name: 'PostgreSQL',
    async open() {
      const schema = `pf_display_test_${randomBytes(6).toString('hex')}`;
      const admin = openDatabase<unknown>({ kind: 'postgres', url });
      await sql`create schema ${sql.id(schema)}`.execute(admin);
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      return {
        location: { kind: 'postgres', url: scoped.toString() },
        async cleanup() {
          await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
          await admin.destroy();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL too when LIBRARY_TEST_DATABASE_URL names a test database (CI sets it). */
export function displayEngines(env: NodeJS.ProcessEnv = process.env): DisplayEngine[] {
  const url = env.LIBRARY_TEST_DATABASE_URL?.trim();
  return url ? [sqliteEngine, postgresEngine(url)] : [sqliteEngine];
}

/** One `describe` per engine with the same tests: slideshows must behave the same on both. */
export function describeOnEachEngine(title: string, suite: (engine: DisplayEngine) => void): void {
  for (const engine of displayEngines()) describe(`${title} on ${engine.name}`, () => suite(engine));
}
