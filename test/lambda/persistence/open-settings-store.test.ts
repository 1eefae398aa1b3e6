import assert from 'node:assert/strict';
import { openUserSettingsStore } from '../../../lambda/persistence/open-settings-store';
import { recordingLogger } from '../helpers/skill-harness';
import { startLocalDynamoDb } from './dynalite-server';
import { settingsEngines } from './settings-databases';

describe('openUserSettingsStore (what PERSISTENCE selects)', function () {
  this.timeout(30_000);

  it('memory: works, and warns that settings stay in this process', async () => {
    const lines: Array<{ level: string; message: string }> = [];
    const store = await openUserSettingsStore({ kind: 'memory' }, recordingLogger(lines));
    await store.saveAttributes('owner-1', { loop: false });
    assert.deepEqual(await store.getAttributes('owner-1'), { loop: false });
    assert.deepEqual(
      lines.map((line) => line.level),
      ['warn'],
    );
    assert.match(lines[0]?.message ?? '', /kept in this process only/);
    await store.close();
  });

  it('dynamodb: the table and endpoint from the configuration, credentials from the AWS environment', async () => {
    const dynamo = await startLocalDynamoDb();
    const saved = { ...process.env };
    try {
      await dynamo.createTable('photo-frame-users');
      // As on Lambda, the SDK finds credentials in the environment.
      process.env.AWS_ACCESS_KEY_ID = 'test';
      process.env.AWS_SECRET_ACCESS_KEY = 'test';
      const store = await openUserSettingsStore(
        { kind: 'dynamodb', table: 'photo-frame-users', endpoint: dynamo.endpoint, region: 'eu-west-1' },
        recordingLogger(),
      );
      await store.saveAttributes('lwa_amzn1.account.X', { intervalSeconds: 20 });
      assert.deepEqual(await store.getAttributes('lwa_amzn1.account.X'), { intervalSeconds: 20 });
      await store.close();
    } finally {
      process.env = saved;
      await dynamo.close();
    }
  });

  const postgres = settingsEngines().find((engine) => engine.name === 'PostgreSQL');
  const onPostgres = postgres ? it : it.skip;
  onPostgres('database: the PostgreSQL in DATABASE_URL, migrated on open', async () => {
    if (!postgres) return;
    const scratch = await postgres.create();
    try {
      if (scratch.location.kind !== 'postgres') throw new Error('expected a PostgreSQL scratch database');
      const store = await openUserSettingsStore(
        { kind: 'database', databaseUrl: scratch.location.url },
        recordingLogger(),
      );
      await store.saveAttributes('owner-1', { shuffle: true });
      assert.deepEqual(await store.getAttributes('owner-1'), { shuffle: true });
      await store.close();
    } finally {
      await scratch.drop();
    }
  });
});
