import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DatabaseLocation } from '../../common/database';

/** An empty database nothing else sees; `drop` removes it with everything in it. */
export interface ScratchDatabase {
  location: DatabaseLocation;
  drop(): Promise<void>;
}

export interface ScratchEngine {
  name: 'SQLite' | 'PostgreSQL';
  create(): Promise<ScratchDatabase>;
}

/** A file in a fresh temporary folder, named as the local stack names the database every tier shares. */
const sqliteEngine: ScratchEngine = {
  name: 'SQLite',
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'photoframe-db-'));
    return {
      location: { kind: 'sqlite', file: join(dir, 'library.sqlite') },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

/**
 * PostgreSQL: a fresh schema inside the test database, selected through the connection's search_path, so parallel
 * runs and tests never see each other's rows; dropped with everything in it afterwards.
 */
function postgresEngine(url: string): ScratchEngine {
  return {
    name: 'PostgreSQL',
    async create() {
      const schema = `pf_test_${randomBytes(6).toString('hex')}`;
      const admin = openDatabase<unknown>({ kind: 'postgres', url });
      await sql`create schema ${sql.id(schema)}`.execute(admin);
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      return {
        location: { kind: 'postgres', url: scoped.toString() },
        async drop() {
          await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
          await admin.destroy();
        },
      };
    },
  };
}

/**
 * The engines every tier's database tests run on: SQLite always, PostgreSQL too when LIBRARY_TEST_DATABASE_URL
 * names a test database (.ci/run sets it).
 */
export function scratchEngines(env: NodeJS.ProcessEnv = process.env): ScratchEngine[] {
  const url = env.LIBRARY_TEST_DATABASE_URL?.trim();
  return url ? [sqliteEngine, postgresEngine(url)] : [sqliteEngine];
}
