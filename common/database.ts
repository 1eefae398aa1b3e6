import Database from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  sql,
  type Driver,
  type Migration,
} from 'kysely';
import { Pool } from 'pg';
import type { Logger } from './logger';
import { withStatementCache } from './sqlite-statement-cache';

/**
 * Where a tier keeps its tables: a SQLite file for the embedded default, PostgreSQL when DATABASE_URL says so.
 * Both tiers use the same shape of connection so one repository layer serves either engine.
 */
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface DatabaseOptions {
  /** Told about connections the server dropped (restart, failover, pg_terminate_backend); they never end the process. */
  logger?: Pick<Logger, 'warn'>;
  /** PostgreSQL: a statement running longer is cancelled by the server (0 = no limit, for bulk builds). */
  statementTimeoutMs?: number;
  /**
   * PostgreSQL: connections kept open once opened, however long they idle (default none: command-line tools and
   * tests let theirs close). They never hold a finished process open (allowExitOnIdle).
   */
  keptConnections?: number;
  /** PostgreSQL: how long a connection beyond the kept ones may idle before it is closed (pg's default, 10 s). */
  idleTimeoutMs?: number;
}

/** Long enough for any request's statement, short enough that a stuck one frees its connection. */
const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;
/** A database that does not accept a connection within this is reported as down, not waited on. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * The PostgreSQL connections a long-running server keeps open however long it idles (DatabaseOptions
 * .keptConnections); pg closes the others after 10 s idle. Measured reason (bench database, 2 cores): a new
 * connection took 5-26 ms to open (TCP, SCRAM, a forked backend) and its first statement 1.6-10 ms (the backend reads
 * the catalog), where a kept one answers in 0.3-0.8 ms; one search runs up to four statements at once. A household
 * asking every few minutes found every connection closed and paid that on each search.
 */
export const SERVER_KEPT_CONNECTIONS = 4;

export function openDatabase<Schema>(
  location: DatabaseLocation,
  options: DatabaseOptions = {},
): Kysely<Schema> {
  if (location.kind === 'postgres') {
    return new Kysely<Schema>({
      dialect: new PostgresDialect({ pool: resilientPool(location.url, options) }),
    });
  }
  const sqlite = new Database(location.file);
  // WAL lets the display and library read while ingest writes; NORMAL sync is durable across process crashes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Schema>({ dialect: new SqliteDialectKeepingCause(sqlite) });
}

/**
 * SQLite runs with synchronous=NORMAL: a commit survives the process dying, but a machine crash or a failing file
 * system can take the last commits with it (they are in the WAL, not yet flushed). That is right for ingest, which
 * redoes a lost pass, and where an fsync per photo would cost 3.8 ms here (ingest capped near 260 photos/s). What a
 * person did (a favourite, a hidden photo or label, a name, a credential, a linked frame) is flushed at once with
 * a checkpoint, which syncs the WAL and then the database. Found by test/faults/data-dir.test.ts: a favourite
 * answered 200 was gone after an ext4 error. PostgreSQL commits are durable already.
 */
export async function flushCommitsToDisk<Schema>(db: Kysely<Schema>): Promise<boolean> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return true;
  try {
    await sql`pragma wal_checkpoint(PASSIVE)`.execute(db);
    return true;
  } catch {
    // The change is committed and visible: answering an error would tell the person it failed. The checkpoint
    // syncs the WAL before it copies pages, so it is the copy into a full or read-only file that failed; SQLite's
    // automatic checkpoints try again, and /readyz reports the disk meanwhile.
    return false;
  }
}

/**
 * On a full disk, an I/O error or a busy database SQLite rolls the transaction back itself; Kysely's own `rollback`
 * then fails with "cannot rollback - no transaction is active", and that error replaces the one that said what
 * went wrong (SQLITE_FULL). Rolling back only a transaction that is still open keeps the cause.
 */
class SqliteDialectKeepingCause extends SqliteDialect {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: withStatementCache(sqlite) });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/**
 * A pool that survives the server going away. pg emits 'error' on a pooled client whose connection drops, and on
 * the pool for idle ones; with no listener Node turns that into an uncaught exception that ends the process. With
 * listeners the broken client is discarded and the next query opens a new connection, so service resumes by itself
 * once the database is back.
 */
function resilientPool(
  url: string,
  { logger, statementTimeoutMs, keptConnections, idleTimeoutMs }: DatabaseOptions,
): Pool {
  const pool = new Pool({
    connectionString: url,
    max: 10,
    min: keptConnections ?? 0,
    idleTimeoutMillis: idleTimeoutMs ?? 10_000,
    allowExitOnIdle: true,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
  });
  const report = (error: Error): void => {
    logger?.warn('database connection lost; it will be replaced', { error: error.message });
  };
  pool.on('connect', (client) => {
    client.on('error', report);
  });
  // The pool re-emits an idle client's error, which the client's own listener above has already reported.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Applies a tier's in-code, append-only migrations. Each tier keeps its own migration tables
 * (`<tier>_migrations`), so the library and the display can share one PostgreSQL database. A failed migration
 * fails startup rather than serving a half-migrated schema.
 */
export async function migrateToLatest<Schema>(
  db: Kysely<Schema>,
  tier: string,
  migrations: Record<string, Migration>,
  logger?: Logger,
): Promise<void> {
  const schema = await currentSchema(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: `${tier}_migrations`,
    migrationLockTableName: `${tier}_migrations_lock`,
    // Without a schema, Kysely looks for its tables in every schema: another schema's copy (a second tenant
    // database, a parallel test run) would count as ours. Pin them to the connection's own schema.
    migrationTableSchema: schema,
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    for (const result of results ?? []) {
      if (result.status === 'Success')
        logger?.info(`${tier} migration applied`, { migration: result.migrationName });
    }
    if (!error) return;
    if (attempt < MIGRATION_ATTEMPTS && results === undefined && changedElsewhere(error, schema)) {
      // A short, jittered pause: several tests or tenants dropping schemas at once would otherwise race again.
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    // The cause's words go into the message too: test runners and startup logs often print only the message.
    const why = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`${tier} database migration ${failed} failed: ${why}`, { cause: error });
  }
}

// Three were too few: CI lost a migration to three drops in a row (a parallel test suite dropping its schemas).
const MIGRATION_ATTEMPTS = 12;

/**
 * Kysely's migrator first looks for its table by introspecting every schema of the database, outside its lock, with
 * catalogue functions evaluated per column (has_schema_privilege, pg_get_serial_sequence, col_description). A schema,
 * table or column another connection drops or renames meanwhile (another tenant's, a parallel test's migration) fails
 * that query with "schema|relation|column … does not exist". Such an error before any migration ran
 * (`results` undefined) touched nothing of ours, so the migration is simply tried again; one naming our own schema
 * is a real problem and is not.
 */
export function changedElsewhere(error: unknown, ours: string | undefined): boolean {
  if (!(error instanceof Error) || !/\b(schema|relation|column) .* does not exist/.test(error.message))
    return false;
  return ours === undefined || !(error.message.includes(`"${ours}"`) || error.message.includes(`"${ours}.`));
}

async function currentSchema<Schema>(db: Kysely<Schema>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}
