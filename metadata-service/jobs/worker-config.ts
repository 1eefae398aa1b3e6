import { z } from 'zod';
import { envFlag, envLogLevel, loadEnv } from '../../common/config';
import type { DatabaseLocation } from '../../common/database';
import type { LogLevel } from '../../common/logger';
import {
  libraryDatabaseLocation,
  libraryEnvFrom,
  s3SettingsFrom,
  visionSettingsFrom,
  type S3Settings,
} from '../config';
import type { AlbumFolderMode } from '../ingest/photo-record';
import type { VisionSettings } from '../vision/vision-settings';
import { DEFAULT_POLICIES, QUEUE_NAMES, type QueueName, type RetryPolicy } from './queue-definitions';

const seconds = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : Number(v)))
    .refine((v) => v === undefined || (Number.isFinite(v) && v >= 1 && v <= max), {
      message: `must be a number of seconds from 1 to ${max}`,
    });

const workerEnvSchema = z.object({
  VISION: envFlag(true),
  LOG_LEVEL: envLogLevel,
  JOBS_SCHEMA: z.string().trim().min(1).default('pgboss'),
  /** Operators and tests: one lease and one backoff base for every queue instead of the defaults. */
  JOB_LEASE_SECONDS: seconds(20 * 3600),
  JOB_RETRY_DELAY_SECONDS: seconds(3600),
  JOB_POLL_SECONDS: seconds(60),
  /** How long SIGTERM waits for jobs in flight before releasing them. */
  JOB_GRACE_SECONDS: seconds(3600),
});

export interface WorkerConfig {
  database: DatabaseLocation;
  ownerId: string;
  albumFolders: AlbumFolderMode;
  s3: S3Settings;
  vision: VisionSettings | undefined;
  logLevel: LogLevel;
  jobsSchema: string;
  policies: Record<QueueName, RetryPolicy>;
  pollIntervalSeconds: number;
  graceMs: number;
}

/** JOBS_SCHEMA, for processes that only look at the queue or send to it (the library tier, the S3 Lambda). */
export function jobsSchemaFrom(env: NodeJS.ProcessEnv): string {
  return loadEnv(z.object({ JOBS_SCHEMA: workerEnvSchema.shape.JOBS_SCHEMA }), env).JOBS_SCHEMA;
}

/** `npm run worker`'s environment, read once and validated (a bad value names its variable). */
export function workerConfigFrom(
  env: NodeJS.ProcessEnv,
  overrides: { visionWorkers?: number } = {},
): WorkerConfig {
  const e = loadEnv(workerEnvSchema, env);
  const library = libraryEnvFrom(env);
  const policies = Object.fromEntries(
    QUEUE_NAMES.map((queue) => [
      queue,
      {
        ...DEFAULT_POLICIES[queue],
        ...(e.JOB_LEASE_SECONDS === undefined ? {} : { leaseSeconds: Math.round(e.JOB_LEASE_SECONDS) }),
        ...(e.JOB_RETRY_DELAY_SECONDS === undefined
          ? {}
          : { retryDelaySeconds: Math.round(e.JOB_RETRY_DELAY_SECONDS) }),
      },
    ]),
  ) as Record<QueueName, RetryPolicy>;
  return {
    database: libraryDatabaseLocation(env),
    ownerId: library.ownerId,
    albumFolders: library.albumFolders,
    s3: s3SettingsFrom(env),
    vision: e.VISION ? visionSettingsFrom(env, { workers: overrides.visionWorkers }) : undefined,
    logLevel: e.LOG_LEVEL,
    jobsSchema: e.JOBS_SCHEMA,
    policies,
    pollIntervalSeconds: e.JOB_POLL_SECONDS ?? 2,
    graceMs: (e.JOB_GRACE_SECONDS ?? 30) * 1000,
  };
}
