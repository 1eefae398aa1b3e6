import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseLocation } from '../../common/database';
import type { Logger } from '../../common/logger';
import type { JobQueue } from './job-queue';
import { PgBossJobQueue } from './pg-boss-job-queue';
import type { QueueName, RetryPolicy } from './queue-definitions';
import { SqliteJobQueue } from './sqlite-job-queue';

export interface JobQueueSettings {
  logger: Logger;
  policies?: Partial<Record<QueueName, RetryPolicy>>;
  /** PostgreSQL schema of pg-boss's tables (JOBS_SCHEMA; default `pgboss`). */
  schema?: string;
  /** How often an idle worker looks for work, and (PostgreSQL) how often lost leases are looked for. */
  pollIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  /** The process only sends jobs (the S3 event Lambda): no background maintenance. */
  producerOnly?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

/**
 * The queue in the library's own database: pg-boss beside the library's tables on PostgreSQL, a table in the
 * SQLite file otherwise. Started (its tables and queues exist) when this resolves.
 */
export async function openJobQueue(
  location: DatabaseLocation,
  settings: JobQueueSettings,
): Promise<JobQueue> {
  let queue: JobQueue;
  if (location.kind === 'postgres') {
    if (settings.schema !== undefined && !SCHEMA_NAME.test(settings.schema)) {
      throw new Error(
        `JOBS_SCHEMA must be a lower-case PostgreSQL name, not ${JSON.stringify(settings.schema)}`,
      );
    }
    queue = new PgBossJobQueue({
      url: location.url,
      logger: settings.logger,
      schema: settings.schema,
      policies: settings.policies,
      pollIntervalSeconds: settings.pollIntervalSeconds,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
      producerOnly: settings.producerOnly,
    });
  } else {
    mkdirSync(dirname(location.file), { recursive: true });
    queue = new SqliteJobQueue({
      file: location.file,
      logger: settings.logger,
      policies: settings.policies,
      pollIntervalMs:
        settings.pollIntervalSeconds === undefined ? undefined : settings.pollIntervalSeconds * 1000,
    });
  }
  await queue.start();
  return queue;
}
