import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../../common/database';
import { openKeptConnections, warmUpConnectionsInBackground } from '../../common/database-warm-up';
import type { Logger } from '../../common/logger';

const url = process.env.LIBRARY_TEST_DATABASE_URL?.trim();
const run = promisify(execFile);

/** The test database's URL with an application_name of our own, to count this pool's backends and no one else's. */
function namedUrl(name: string): string {
  const named = new URL(url!);
  named.searchParams.set('application_name', name);
  return named.toString();
}

async function backendsNamed(name: string): Promise<number> {
  const admin = openDatabase<unknown>({ kind: 'postgres', url: url! });
  try {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from pg_stat_activity where application_name = ${name}`.execute(admin);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await admin.destroy();
  }
}

/** The pool's backends once `settled` holds for their number, or the last number seen after 10 s. */
async function backendsUntil(name: string, settled: (backends: number) => boolean): Promise<number> {
  const deadline = Date.now() + 10_000;
  let backends = await backendsNamed(name);
  while (!settled(backends) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 50));
    backends = await backendsNamed(name);
  }
  return backends;
}

describe('database-warm-up on PostgreSQL', function () {
  before(function () {
    if (!url) this.skip();
  });

  it('opens as many connections as asked, all at once, and they stay open while idle', async () => {
    const name = `warm_up_${process.pid}_${Date.now()}`;
    const db = openDatabase<unknown>({ kind: 'postgres', url: namedUrl(name) }, { keptConnections: 3 });
    try {
      assert.equal(await backendsNamed(name), 0, 'a pool opens nothing by itself');
      await openKeptConnections(db, 3);
      assert.equal(await backendsNamed(name), 3);
      // Still usable, and on one of the kept connections (none is opened for it).
      await sql`select 1`.execute(db);
      assert.equal(await backendsNamed(name), 3);
    } finally {
      await db.destroy();
    }
    assert.equal(await backendsNamed(name), 0, 'destroy closes the kept ones too');
  });

  it('keeps only the kept connections once the rest have idled out', async () => {
    const name = `warm_up_idle_${process.pid}_${Date.now()}`;
    const db = openDatabase<unknown>(
      { kind: 'postgres', url: namedUrl(name) },
      { keptConnections: 2, idleTimeoutMs: 100 },
    );
    try {
      // Counted while all four are busy, so none can idle out before it is seen, however slow the machine.
      const busy = Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(1.5)`.execute(db)));
      assert.equal(await backendsUntil(name, (n) => n === 4), 4);
      await busy;
      assert.equal(await backendsUntil(name, (n) => n <= 2), 2);
      // And the kept two stay, idle far past the timeout.
      await new Promise((done) => setTimeout(done, 500));
      assert.equal(await backendsNamed(name), 2);
    } finally {
      await db.destroy();
    }
  });

  it('replaces kept connections the server drops: the next query works, and nothing is thrown', async () => {
    const name = `warm_up_dropped_${process.pid}_${Date.now()}`;
    const warnings: string[] = [];
    const db = openDatabase<unknown>(
      { kind: 'postgres', url: namedUrl(name) },
      { keptConnections: 2, logger: { warn: (message) => warnings.push(message) } },
    );
    const admin = openDatabase<unknown>({ kind: 'postgres', url: url! });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => void uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      await openKeptConnections(db, 2);
      const { rows } = await sql<{ terminated: boolean }>`
        select pg_terminate_backend(pid) as terminated from pg_stat_activity
        where application_name = ${name}`.execute(admin);
      assert.equal(rows.length, 2);
      await new Promise((done) => setTimeout(done, 300));
      assert.deepEqual(uncaught, []);
      assert.ok(warnings.length >= 1, 'the dropped connections are reported');
      const { rows: answer } = await sql<{ one: number }>`select 1 as one`.execute(db);
      assert.equal(answer[0]?.one, 1);
      await openKeptConnections(db, 2);
      assert.equal(await backendsNamed(name), 2, 'opened again');
    } finally {
      process.off('uncaughtException', onUncaught);
      await db.destroy();
      await admin.destroy();
    }
  });

  it('kept connections never hold a finished process open', async function () {
    this.timeout(30_000);
    const dir = await mkdtemp(join(tmpdir(), 'warm-up-exit-'));
    try {
      const script = join(dir, 'keeps-connections.ts');
      const common = resolve(__dirname, '../../common');
      await writeFile(
        script,
        `import { openDatabase } from ${JSON.stringify(join(common, 'database'))};
import { openKeptConnections } from ${JSON.stringify(join(common, 'database-warm-up'))};
void (async () => {
  const db = openDatabase({ kind: 'postgres', url: process.env.WARM_UP_URL }, { keptConnections: 2 });
  await openKeptConnections(db, 2);
  console.log('warmed');
})();
`,
      );
      const started = Date.now();
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, WARM_UP_URL: url },
        timeout: 20_000,
      });
      assert.equal(stdout.trim(), 'warmed');
      assert.ok(Date.now() - started < 15_000, 'exited without waiting for the connections to idle out');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('database-warm-up', () => {
  it('does nothing on SQLite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'warm-up-sqlite-'));
    const db = openDatabase<unknown>({ kind: 'sqlite', file: join(dir, 'library.sqlite') });
    try {
      await openKeptConnections(db, 4);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
      assert.equal(rows[0]?.one, 1);
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('in the background, logs a failure instead of throwing it', async () => {
    const warnings: string[] = [];
    const logger = {
      info: () => undefined,
      warn: (message: string) => warnings.push(message),
    } as unknown as Logger;
    warmUpConnectionsInBackground(() => Promise.reject(new Error('database down')), logger);
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(warnings, [
      'could not open the database connections ahead; the first search opens them',
    ]);
  });
});
