import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

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
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Most recently used goes last, so the first key is the one to drop.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached) return statement;
      statements.set(sql, statement);
      if (statements.size > capacity) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
  };
}
