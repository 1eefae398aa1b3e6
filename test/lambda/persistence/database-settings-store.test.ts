import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../../common/database';
import { openDatabaseSettingsStore } from '../../../lambda/persistence/database-settings-store';
import { migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import { recordingLogger } from '../helpers/skill-harness';
import { describeSettingsStoreContract } from './settings-store-contract';
import { settingsEngines } from './settings-databases';

interface RawSettings {
  skill_user_settings: { owner_id: string; attributes: string; updated_at: string };
}

for (const engine of settingsEngines()) {
  describeSettingsStoreContract(`database store on ${engine.name}`, async () => {
    const scratch = await engine.create();
    const store = await openDatabaseSettingsStore(scratch.location, { logger: recordingLogger() });
    return {
      store,
      async corrupt(ownerId) {
        const raw = openDatabase<RawSettings>(scratch.location);
        await raw
          .insertInto('skill_user_settings')
          .values({ owner_id: ownerId, attributes: '{"intervalSeconds": 12, oops', updated_at: 'now' })
          .execute();
        await raw.destroy();
      },
      async cleanup() {
        await store.close();
        await scratch.drop();
      },
    };
  });

  describe(`database store on ${engine.name}: in the library's database`, () => {
    it("migrates its own table next to the library's, and keeps settings across reopening", async () => {
      const scratch = await engine.create();
      const library = openDatabase<unknown>(scratch.location);
      try {
        await migrateLibraryDatabase(library, recordingLogger());
        const first = await openDatabaseSettingsStore(scratch.location);
        await first.saveAttributes('owner-1', { intervalSeconds: 30, shuffle: true, loop: true });
        await first.close();

        const again = await openDatabaseSettingsStore(scratch.location);
        assert.deepEqual(await again.getAttributes('owner-1'), {
          intervalSeconds: 30,
          shuffle: true,
          loop: true,
        });
        await again.close();

        const tables = await tableNames(library);
        for (const table of ['skill_user_settings', 'skill_migrations', 'photos', 'library_migrations']) {
          assert.ok(tables.includes(table), `${table} missing from ${tables.join(', ')}`);
        }
        const applied = await sql<{ name: string }>`select name from skill_migrations`.execute(library);
        assert.deepEqual(
          applied.rows.map((row) => row.name),
          ['0001_user_settings'],
        );
      } finally {
        await library.destroy();
        await scratch.drop();
      }
    });
  });
}

async function tableNames(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.map((table) => table.name);
}
