import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openDatabase, type DatabaseLocation } from '../../common/database';
import { assertDatabaseTakesWrites } from '../../common/database-write-probe';
import { createLogger } from '../../common/logger';
import { migrateLibraryDatabase } from '../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../metadata-service/database/schema';
import { IngestStatus, publicIngestFailure } from '../../server/ingest-status';
import { scratchEngines } from '../support/scratch-databases';

const silent = createLogger('silent');

/** The same database as the library's connection sees it, but through a connection that refuses every write. */
function readOnlyConnection(location: DatabaseLocation): Kysely<LibraryDatabase> {
  if (location.kind === 'sqlite') {
    return new Kysely({
      dialect: new SqliteDialect({ database: new Database(location.file, { readonly: true }) }),
    });
  }
  const url = new URL(location.url);
  url.searchParams.set(
    'options',
    `${url.searchParams.get('options') ?? ''} -c default_transaction_read_only=on`,
  );
  return openDatabase<LibraryDatabase>({ kind: 'postgres', url: url.toString() });
}

for (const engine of scratchEngines()) {
  describe(`database write probe (${engine.name})`, function () {
    this.timeout(30_000);

    it('passes on a writable library database, fails on a read-only connection to it, and passes again after', async () => {
      const scratch = await engine.create();
      const writable = openDatabase<LibraryDatabase>(scratch.location);
      const readOnly = readOnlyConnection(scratch.location);
      try {
        await migrateLibraryDatabase(writable, silent);
        await assertDatabaseTakesWrites(writable, 'library_migrations');
        await assert.rejects(assertDatabaseTakesWrites(readOnly, 'library_migrations'), (error: Error) => {
          assert.match(error.message, /readonly database|read-only transaction/);
          return true;
        });
        // The probe changed nothing and remembers nothing: the writable connection still passes.
        await assertDatabaseTakesWrites(writable, 'library_migrations');
        const migrations = await writable
          .selectFrom('library_migrations' as never)
          .selectAll()
          .execute();
        assert.ok(migrations.length > 0);
      } finally {
        await readOnly.destroy();
        await writable.destroy();
        await scratch.drop();
      }
    });
  });
}

describe('ingest status for /healthz', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'photoframe-ingest-status-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reports a failed ingest with the reason, paths under the root written from PHOTOS_DIR', async () => {
    const status = new IngestStatus();
    const failing = readdir(join(root, 'Holidays 2024', 'Rome'));
    await assert.rejects(status.track(failing, root));
    assert.deepEqual(status.snapshot(), {
      state: 'failed',
      done: 0,
      total: 0,
      reason: "ENOENT: no such file or directory, scandir 'PHOTOS_DIR/Holidays 2024/Rome'",
    });
  });

  it('clears the reason when a later ingest succeeds', async () => {
    const status = new IngestStatus();
    await assert.rejects(status.track(readdir(join(root, 'missing')), root));
    status.progress({ done: 3, total: 3 });
    assert.deepEqual(await status.track(readdir(root), root), []);
    assert.deepEqual(status.snapshot(), { state: 'done', done: 3, total: 3 });
  });

  it('never shows absolute paths outside PHOTOS_DIR, database locations or hosts', () => {
    const sqlite = new Database(join(root, 'library.sqlite'));
    sqlite.exec('create table t (x)');
    sqlite.close();
    const readOnly = new Database(join(root, 'library.sqlite'), { readonly: true });
    let readOnlyError: unknown;
    try {
      readOnly.exec('insert into t values (1)');
    } catch (error) {
      readOnlyError = error;
    } finally {
      readOnly.close();
    }
    assert.equal(
      publicIngestFailure(readOnlyError, root),
      'SQLITE_READONLY: attempt to write a readonly database',
    );

    const elsewhere = Object.assign(
      new Error("EACCES: permission denied, open '/var/lib/photo-frame/library.sqlite-wal'"),
      {
        code: 'EACCES',
      },
    );
    assert.equal(
      publicIngestFailure(elsewhere, '/home/ann/Pictures'),
      "EACCES: permission denied, open '<path>'",
    );

    const network = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' });
    assert.equal(publicIngestFailure(network, root), 'ECONNREFUSED: a server did not answer');

    const url = new Error('could not reach postgres://frame:secret@db.internal:5432/photos');
    assert.equal(publicIngestFailure(url, root), 'could not reach <location>');

    // A sibling folder whose name starts like the root is not under it.
    assert.equal(publicIngestFailure(new Error(`scandir '${root}-old/x'`), root), "scandir '<path>'");
  });
});
