import type { DatabaseLocation } from '../../../../common/database';
import type { Logger } from '../../../../common/logger';
import type { JobQueue } from '../../../../metadata-service/jobs/job-queue';
import { openJobQueue, type JobQueueSettings } from '../../../../metadata-service/jobs/open-job-queue';
import { QUEUE_NAMES, type RetryPolicy } from '../../../../metadata-service/jobs/queue-definitions';

/** Short enough for tests of seconds: one retry, a lease of 1 s (pg-boss's minimum), polling 10 times a second. */
export const TEST_POLICY: RetryPolicy = { retryLimit: 1, retryDelaySeconds: 1, leaseSeconds: 1 };

export function testQueueSettings(
  location: DatabaseLocation,
  logger: Logger,
  policy: RetryPolicy = TEST_POLICY,
): JobQueueSettings {
  return {
    logger,
    policies: Object.fromEntries(QUEUE_NAMES.map((q) => [q, policy])),
    // pg-boss's tables go into the scratch schema, so dropping it drops them too.
    schema: schemaOf(location),
    pollIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
  };
}

export function openTestQueue(
  location: DatabaseLocation,
  logger: Logger,
  policy: RetryPolicy = TEST_POLICY,
): Promise<JobQueue> {
  return openJobQueue(location, testQueueSettings(location, logger, policy));
}

/** The search_path a scratch PostgreSQL URL selects (test/support/scratch-databases.ts). */
export function schemaOf(location: DatabaseLocation): string | undefined {
  if (location.kind !== 'postgres') return undefined;
  const options = new URL(location.url).searchParams.get('options') ?? '';
  return /search_path=(\w+)/.exec(options)?.[1];
}

/** For a job that must outlive the moment a test kills its worker: a lease of 3 s. */
export const KILL_TEST_POLICY: RetryPolicy = { ...TEST_POLICY, leaseSeconds: 3 };

/** Polls until `check` holds, or fails naming what was awaited. */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
