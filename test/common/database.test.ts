import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { changedElsewhere, openDatabase } from '../../common/database';

const url = process.env.LIBRARY_TEST_DATABASE_URL?.trim();

/**
 * A PostgreSQL restart or failover drops every connection. The process must survive it (pg reports a dropped
 * idle connection as an 'error' event, which ends the process when nobody listens) and later queries must work
 * again without a restart.
 */
describe('openDatabase on PostgreSQL', function () {
  before(function () {
    if (!url) this.skip();
  });

  it('survives its connections being terminated by the server and reconnects for the next query', async () => {
    const warnings: string[] = [];
    const db = openDatabase<unknown>(
      { kind: 'postgres', url: url! },
      { logger: { warn: (message) => warnings.push(message) } },
    );
    const admin = openDatabase<unknown>({ kind: 'postgres', url: url! });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => void uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      // Several idle pooled connections, each with its own backend pid.
      const pids = await Promise.all(
        Array.from({ length: 4 }, () =>
          sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(db),
        ),
      );
      const backendPids = [...new Set(pids.map((r) => r.rows[0]!.pid))];
      assert.ok(backendPids.length >= 2, 'the pool holds several connections');

      const { rows } = await sql<{ terminated: boolean }>`
        select pg_terminate_backend(pid) as terminated from pg_stat_activity
        where pid in (${sql.join(backendPids)})`.execute(admin);
      assert.ok(rows.length > 0 && rows.every((r) => r.terminated));
      await new Promise((resolve) => setTimeout(resolve, 300));

      assert.deepEqual(uncaught, []);
      assert.ok(warnings.length >= 1, 'the dropped connections are reported');
      // The pool discards the dead clients: queries work again, on new backends.
      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      assert.ok(!backendPids.includes(after.rows[0]!.pid));
    } finally {
      process.off('uncaughtException', onUncaught);
      await db.destroy();
      await admin.destroy();
    }
  });

  it('cancels a statement that runs past its timeout instead of holding the connection', async () => {
    const db = openDatabase<unknown>({ kind: 'postgres', url: url! }, { statementTimeoutMs: 200 });
    try {
      await assert.rejects(sql`select pg_sleep(2)`.execute(db), /statement timeout/);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
      assert.equal(rows[0]!.one, 1);
    } finally {
      await db.destroy();
    }
  });
});

describe('migrateToLatest retries', () => {
  it("only a catalogue race with another schema's change, never a problem in its own schema or any other error", () => {
    const ours = 'pf_test_ours';
    assert.equal(changedElsewhere(new Error('schema "pf_test_0123456789ab" does not exist'), ours), true);
    assert.equal(
      changedElsewhere(new Error('relation "pf_test_0ec9e0799a00.face_clusters" does not exist'), ours),
      true,
    );
    assert.equal(
      changedElsewhere(new Error('column "owner_id" of relation "people" does not exist'), ours),
      true,
    );
    assert.equal(changedElsewhere(new Error('schema "pf_test_ours" does not exist'), ours), false);
    assert.equal(changedElsewhere(new Error('relation "pf_test_ours.photos" does not exist'), ours), false);
    assert.equal(
      changedElsewhere(new Error('duplicate key value violates unique constraint "x"'), ours),
      false,
    );
    assert.equal(changedElsewhere('schema "x" does not exist', ours), false);
  });
});
