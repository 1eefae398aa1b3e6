import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openDatabase } from '../../common/database';
import { createLogger } from '../../common/logger';
import { createDisplay, DISPLAY_KEPT_CONNECTIONS } from '../../display-service/display';
import { scratchEngines } from '../support/scratch-databases';
import { InMemoryLibrary } from './helpers/in-memory-library';
import { makeTempDir } from './helpers/image-fixtures';

const url = process.env.LIBRARY_TEST_DATABASE_URL?.trim();

describe('display warmUp on PostgreSQL', function () {
  before(function () {
    if (!url) this.skip();
  });

  it('opens the kept connections at once, before any request', async () => {
    const postgres = scratchEngines().find((engine) => engine.name === 'PostgreSQL')!;
    const scratch = await postgres.create();
    const { dir, cleanup } = await makeTempDir();
    const name = `display_warm_up_${process.pid}_${Date.now()}`;
    const named = new URL((scratch.location as { url: string }).url);
    named.searchParams.set('application_name', name);
    const admin = openDatabase<unknown>({ kind: 'postgres', url: url! });
    const backends = async () => {
      const { rows } = await sql<{ n: number | string }>`
        select count(*) as n from pg_stat_activity where application_name = ${name}`.execute(admin);
      return Number(rows[0]?.n ?? 0);
    };
    const display = await createDisplay({
      database: { kind: 'postgres', url: named.toString() },
      keptConnections: DISPLAY_KEPT_CONNECTIONS,
      library: new InMemoryLibrary(),
      renditionsDir: `${dir}/renditions`,
      publicBaseUrl: 'http://127.0.0.1:1',
      signingKey: 'display-warm-up-signing-key-0123456789',
      urlTtlSeconds: 3600,
      logger: createLogger('silent'),
    });
    try {
      await display.warmUp();
      assert.equal(await backends(), DISPLAY_KEPT_CONNECTIONS);
      await display.ready();
      assert.equal(await backends(), DISPLAY_KEPT_CONNECTIONS, 'the readiness check used a kept connection');
    } finally {
      await display.close();
      await admin.destroy();
      await scratch.drop();
      await cleanup();
    }
  });
});
