import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '../../common/logger';
import { isPlainRecord, type ClosableUserSettingsStore } from './user-settings-store';

export interface DynamoDbSettingsStoreOptions {
  /** The store owns the client from here on: `close()` destroys it. */
  client: DynamoDBClient;
  tableName: string;
  /**
   * The table's partition key (a string) and the attribute holding the settings map. The defaults are the ones
   * ask-sdk-dynamodb-persistence-adapter uses (`id`, `attributes`), so a table made for that adapter works as is.
   */
  partitionKeyName?: string;
  attributesName?: string;
  logger?: Logger;
  now?: () => Date;
}

/** Per-user settings in DynamoDB, for Lambda deployments: one item per owner, read consistently. */
export function createDynamoDbSettingsStore(
  options: DynamoDbSettingsStoreOptions,
): ClosableUserSettingsStore {
  const { client, tableName, logger, now = () => new Date() } = options;
  const key = options.partitionKeyName ?? 'id';
  const attributesName = options.attributesName ?? 'attributes';
  // Optional settings that are unset are simply absent; undefined must not reach the marshaller.
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    async getAttributes(ownerId) {
      const { Item } = await documents.send(
        new GetCommand({ TableName: tableName, Key: { [key]: ownerId }, ConsistentRead: true }),
      );
      if (!Item) return {};
      const attributes: unknown = Item[attributesName];
      if (isPlainRecord(attributes)) return attributes;
      logger?.warn('unreadable user settings ignored', { ownerId });
      return {};
    },
    async saveAttributes(ownerId, attributes) {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: { [key]: ownerId, [attributesName]: attributes, updatedAt: now().toISOString() },
        }),
      );
    },
    async deleteAttributes(ownerId) {
      await documents.send(new DeleteCommand({ TableName: tableName, Key: { [key]: ownerId } }));
    },
    close: () => {
      documents.destroy();
      client.destroy();
      return Promise.resolve();
    },
  };
}
