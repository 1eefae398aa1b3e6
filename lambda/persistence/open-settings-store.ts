import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../common/logger';
import type { PersistenceConfig } from '../config';
import { openDatabaseSettingsStore } from './database-settings-store';
import { createDynamoDbSettingsStore } from './dynamodb-settings-store';
import { createMemorySettingsStore } from './memory-settings-store';
import type { ClosableUserSettingsStore } from './user-settings-store';

/** The settings store the configuration names, ready to use (database migrations applied). */
export async function openUserSettingsStore(
  config: PersistenceConfig,
  logger: Logger,
): Promise<ClosableUserSettingsStore> {
  switch (config.kind) {
    case 'database':
      return openDatabaseSettingsStore({ kind: 'postgres', url: config.databaseUrl }, { logger });
    case 'dynamodb':
      return createDynamoDbSettingsStore({
        client: new DynamoDBClient({
          ...(config.region ? { region: config.region } : {}),
          ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        }),
        tableName: config.table,
        logger,
      });
    case 'memory':
      logger.warn(
        'per-user settings are kept in this process only: set DATABASE_URL or PERSISTENCE=dynamodb to keep them',
      );
      return createMemorySettingsStore();
  }
}
