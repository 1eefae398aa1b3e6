import assert from 'node:assert/strict';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbSettingsStore } from '../../../lambda/persistence/dynamodb-settings-store';
import { recordingLogger } from '../helpers/skill-harness';
import { startLocalDynamoDb, type LocalDynamoDb } from './dynalite-server';
import { describeSettingsStoreContract } from './settings-store-contract';

describe('DynamoDB settings store (against dynalite)', function () {
  // dynalite starts in well under a second; the first AWS SDK call loads its modules.
  this.timeout(30_000);
  let dynamo: LocalDynamoDb;
  let tableCount = 0;
  before(async () => {
    dynamo = await startLocalDynamoDb();
  });
  after(async () => {
    await dynamo.close();
  });

  describeSettingsStoreContract('DynamoDB store', async () => {
    const tableName = `photo-frame-users-${++tableCount}`;
    await dynamo.createTable(tableName);
    const store = createDynamoDbSettingsStore({
      client: dynamo.client(),
      tableName,
      logger: recordingLogger(),
    });
    return {
      store,
      async corrupt(ownerId) {
        const raw = dynamo.client();
        await raw.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { id: { S: ownerId }, attributes: { S: 'not a map' } },
          }),
        );
        raw.destroy();
      },
      cleanup: () => store.close(),
    };
  });

  it("stores one item per owner in ask-sdk's table layout: {id, attributes (a map), updatedAt}", async () => {
    await dynamo.createTable('photo-frame-layout');
    const store = createDynamoDbSettingsStore({
      client: dynamo.client(),
      tableName: 'photo-frame-layout',
      now: () => new Date('2026-11-25T12:00:00Z'),
    });
    await store.saveAttributes('lwa_amzn1.account.K2LI23KL2LK2', { intervalSeconds: 12, shuffle: true });
    await store.close();

    const raw = dynamo.client();
    const { Item } = await raw.send(
      new GetItemCommand({
        TableName: 'photo-frame-layout',
        Key: { id: { S: 'lwa_amzn1.account.K2LI23KL2LK2' } },
      }),
    );
    raw.destroy();
    assert.deepEqual(Item, {
      id: { S: 'lwa_amzn1.account.K2LI23KL2LK2' },
      attributes: { M: { intervalSeconds: { N: '12' }, shuffle: { BOOL: true } } },
      updatedAt: { S: '2026-11-25T12:00:00.000Z' },
    });
  });

  it('works with another partition key name, and fails loudly when the table does not exist', async () => {
    await dynamo.createTable('photo-frame-custom-key', 'ownerId');
    const store = createDynamoDbSettingsStore({
      client: dynamo.client(),
      tableName: 'photo-frame-custom-key',
      partitionKeyName: 'ownerId',
    });
    await store.saveAttributes('owner-1', { loop: false });
    assert.deepEqual(await store.getAttributes('owner-1'), { loop: false });
    await store.close();

    const missing = createDynamoDbSettingsStore({ client: dynamo.client(), tableName: 'no-such-table' });
    await assert.rejects(missing.getAttributes('owner-1'), { name: 'ResourceNotFoundException' });
    await missing.close();
  });
});
