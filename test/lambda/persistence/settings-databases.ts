import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DatabaseLocation } from '../../../common/database';

/** A database nothing else sees; `drop` removes it with everything in it. */
export interface ScratchDatabase {
  location: DatabaseLocation;
  drop(): Promise<void>;
}

export interface SettingsEngine {
  name: 'SQLite' | 'PostgreSQL';
  create(): Promise<ScratchDatabase>;
}

const sqliteEngine: SettingsEngine = {
  name: 'SQLite',
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'photoframe-skill-settings-'));
    return {
      location: { kind: 'sqlite', file: join(dir, 'library.sqlite') },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

/** A fresh schema inside the test database, selected through the connection's search_path. */
function postgresEngine(url: string): SettingsEngine {
  return {
    name: 'PostgreSQL',
    async create() {
      const schema = `pf_skill_test_${randomBytes(6).toString('hex')}`;
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

/** SQLite always; PostgreSQL too when LIBRARY_TEST_DATABASE_URL names a test database (CI sets it). */
export function settingsEngines(env: NodeJS.ProcessEnv = process.env): SettingsEngine[] {
  const url = env.LIBRARY_TEST_DATABASE_URL?.trim();
  return url ? [sqliteEngine, postgresEngine(url)] : [sqliteEngine];
}
