import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';

/**
 * Where a tier keeps its tables: a SQLite file for the embedded default, PostgreSQL when DATABASE_URL says so.
 * Both tiers use the same shape of connection so one repository layer serves either engine.
 */
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function openDatabase<Schema>(location: DatabaseLocation): Kysely<Schema> {
  if (location.kind === 'postgres') {
    return new Kysely<Schema>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: location.url, max: 10 }) }),
    });
  }
  const sqlite = new Database(location.file);
  // WAL lets the display and library read while ingest writes; NORMAL sync is durable across process crashes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
}
