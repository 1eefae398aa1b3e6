import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../common/database';
import { isConnectionLost, retryOnConnectionLoss } from '../../common/retry-on-connection-loss';
import { scratchEngines, type ScratchDatabase } from '../support/scratch-databases';

const postgres = scratchEngines().find((engine) => engine.name === 'PostgreSQL');

describe('retryOnConnectionLoss', function () {
  this.timeout(30_000);

  it('retries only a lost connection, and gives up after three more tries', async () => {
    let calls = 0;
    const lost = new Error('Connection terminated unexpectedly');
    await assert.rejects(
      retryOnConnectionLoss(() => {
        calls++;
        return Promise.reject(lost);
      }),
      lost,
    );
    assert.equal(calls, 4);
    calls = 0;
    const bug = new TypeError('x is undefined');
    await assert.rejects(
      retryOnConnectionLoss(() => {
        calls++;
        return Promise.reject(bug);
      }),
      bug,
    );
    assert.equal(calls, 1);
    assert.equal(
      isConnectionLost(Object.assign(new Error('terminating connection'), { code: '57P01' })),
      true,
    );
    assert.equal(isConnectionLost(Object.assign(new Error('duplicate key'), { code: '23505' })), false);
  });

  describe('on a real PostgreSQL whose backends are terminated mid-query', () => {
    let scratch: ScratchDatabase;
    let db: Kysely<unknown>;
    let admin: Kysely<unknown>;
    const tag = `pf_retry_${randomBytes(4).toString('hex')}`;

    before(async function () {
      if (!postgres) return this.skip();
      scratch = await postgres.create();
      if (scratch.location.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const url = new URL(scratch.location.url);
      url.searchParams.set('application_name', tag);
      db = openDatabase<unknown>({ kind: 'postgres', url: url.toString() });
      admin = openDatabase<unknown>(scratch.location);
    });
    after(async () => {
      await db?.destroy();
      await admin?.destroy();
      await scratch?.drop();
    });

    it('20 reads in flight all answer after every connection is terminated', async () => {
      const reads = Array.from({ length: 20 }, (_, i) =>
        retryOnConnectionLoss(async () => {
          const { rows } = await sql<{ n: number }>`select pg_sleep(0.3), ${i}::int as n`.execute(db);
          return rows[0]?.n;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await sql<{ killed: boolean }>`
        select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = ${tag}
      `.execute(admin);
      assert.ok(rows.length > 0, 'there were connections to terminate');
      assert.deepEqual(
        await Promise.all(reads),
        Array.from({ length: 20 }, (_, i) => i),
      );
    });
  });
});
