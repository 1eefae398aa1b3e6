import { z } from 'zod';

/**
 * The queues and what their jobs carry. Payloads are validated when a worker takes a job (a job may have been
 * queued by an older or newer release, or by hand), so a malformed one fails with a clear message and ends in the
 * dead letters instead of crashing a worker.
 */
export const QUEUE_NAMES = ['ingest', 'vision', 'people'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const queueNameSchema = z.enum(QUEUE_NAMES);

const relativePaths = z.array(z.string().min(1).max(4096)).max(20_000);

/**
 * One pass over a library location (a folder, a file's folder, or `s3://bucket/prefix`); with `changes`, only the
 * paths a folder watcher reported under that folder (ingest/watch/), relative to it.
 */
export const ingestJobSchema = z.object({
  ownerId: z.string().min(1).max(200),
  location: z.string().min(1).max(4096),
  changes: z
    .object({
      changed: relativePaths,
      removed: relativePaths,
      removedFolders: relativePaths,
      sidecars: relativePaths,
    })
    .optional(),
});
export type IngestJob = z.infer<typeof ingestJobSchema>;

/** One photo, analysed once per model version. */
export const visionJobSchema = z.object({
  ownerId: z.string().min(1).max(200),
  photoId: z.string().min(1).max(200),
});
export type VisionJob = z.infer<typeof visionJobSchema>;

/** Cluster an owner's new faces into people (one waiting job per owner, whatever the number of photos). */
export const peopleJobSchema = z.object({ ownerId: z.string().min(1).max(200) });
export type PeopleJob = z.infer<typeof peopleJobSchema>;

export interface RetryPolicy {
  /** Tries after the first before a job is dead. */
  retryLimit: number;
  /** Backoff base: the n-th retry waits about base * 2^(n-1), with up to as much again of jitter. */
  retryDelaySeconds: number;
  /** A job running longer than this has lost its worker (crashed, killed) and is tried again. */
  leaseSeconds: number;
  /**
   * The longest backoff before a retry (jitter included); unset: no limit. The embedded stack retries its own
   * folder's passes for as long as the fault lasts, so it needs a ceiling, not a last attempt.
   */
  maxRetryDelaySeconds?: number;
}

/** A vision job takes seconds (decode, two models); ingest of a large folder may take an hour. */
export const DEFAULT_POLICIES: Readonly<Record<QueueName, RetryPolicy>> = {
  ingest: { retryLimit: 5, retryDelaySeconds: 30, leaseSeconds: 4 * 3600 },
  vision: { retryLimit: 3, retryDelaySeconds: 10, leaseSeconds: 300 },
  people: { retryLimit: 5, retryDelaySeconds: 10, leaseSeconds: 600 },
};

/** Where a queue's dead letters go on PostgreSQL (a queue of its own nobody works: `retryDead` moves them back). */
export function deadLetterQueueOf(queue: QueueName): string {
  return `${queue}-dead`;
}

/** Backoff before retry number `retry` (1-based), jitter from `random` in [0, 1). */
export function backoffMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const base = policy.retryDelaySeconds * 1000 * 2 ** Math.min(16, retry - 1);
  const delay = Math.round(base + base * random());
  return policy.maxRetryDelaySeconds === undefined
    ? delay
    : Math.min(delay, policy.maxRetryDelaySeconds * 1000);
}
