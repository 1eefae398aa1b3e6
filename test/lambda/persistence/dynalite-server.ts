import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

/** A DynamoDB-compatible server (dynalite, in memory) on an ephemeral port, for one test. */
export interface LocalDynamoDb {
  endpoint: string;
  /** A new client for this server (the caller owns and destroys it). */
  client(): DynamoDBClient;
  /** A table keyed like ask-sdk-dynamodb-persistence-adapter's default (`id` string partition key). */
  createTable(tableName: string, partitionKeyName?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startLocalDynamoDb(): Promise<LocalDynamoDb> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = () =>
    new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  return {
    endpoint,
    client,
    async createTable(tableName, partitionKeyName = 'id') {
      const admin = client();
      try {
        await admin.send(
          new CreateTableCommand({
            TableName: tableName,
            AttributeDefinitions: [{ AttributeName: partitionKeyName, AttributeType: 'S' }],
            KeySchema: [{ AttributeName: partitionKeyName, KeyType: 'HASH' }],
            BillingMode: 'PAY_PER_REQUEST',
          }),
        );
      } finally {
        admin.destroy();
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
