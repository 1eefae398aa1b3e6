import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { LRUCache } from 'lru-cache';

/** Distinct statements kept prepared; ingest uses a few dozen shapes, searches vary more (IN lists, filters). */
const DEFAULT_CAPACITY = 256;

/**
 * The database as Kysely's SQLite driver sees it, with each statement prepared once and reused. Kysely prepares
 * every query it runs; at ingest rates that is a dozen `sqlite3_prepare` calls per photo on the main thread (about
 * 7 % of its busy time in a profile of `npm run bench`'s ingest, issue #16). Statements are kept by SQL text, least
 * recently used dropped first. A statement still being iterated (a streamed query) is busy: that query gets a fresh
 * one. Only Kysely uses this wrapper, and it never changes a statement's mode (pluck, raw, expand), so sharing one
 * between its queries is safe; other users of the same connection prepare their own.
 */
export function withStatementCache(sqlite: Database.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const statements = new LRUCache<string, Database.Statement>({ max: capacity });
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) statements.set(sql, statement);
      return statement;
    },
  };
}
