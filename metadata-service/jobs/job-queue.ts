/**
 * The durable job queue ingest and vision work goes through, whichever engine holds it: pg-boss on PostgreSQL
 * (several machines), or a table in the library's SQLite file (the embedded default). Code above this interface
 * never knows which one it has.
 *
 * Semantics both engines keep:
 * - a job is leased to one worker; a worker that dies (kill -9, power) loses the lease when it expires and the job
 *   is tried again by any worker;
 * - a handler that throws is retried after an exponential backoff (with jitter) up to its queue's retry limit, then
 *   the job is dead: kept in the dead letters until `retryDead` sends it back;
 * - a job sent with a `key` is not queued twice: while one with the same key waits, `send` returns null; and
 *   two jobs with one key never run at once (the second is handed out when the first ends), so a handler that
 *   checks whether its work is done never does it twice.
 */
import type { QueueName } from './queue-definitions';

/** How many jobs of a queue are in each state; `failed` wait for a retry, `dead` gave up (dead letters). */
export interface QueueCounts {
  queued: number;
  active: number;
  failed: number;
  dead: number;
}

export interface JobContext<Data> {
  id: string;
  data: Data;
  /** 1 for the first try. */
  attempt: number;
}

/** Resolves when the job is done; a rejection is a failed attempt (retried, or dead after the last). */
export type JobHandler<Data> = (job: JobContext<Data>) => Promise<void>;

export interface SendOptions {
  /** Idempotency key: at most one job with this key waits (and one runs) at a time. */
  key?: string;
}

export interface WorkOptions {
  /** Jobs of this queue run at once in this process. */
  concurrency?: number;
}

export interface StopOptions {
  /** Wait this long for jobs in flight to finish; past it they are released (tried again elsewhere). */
  graceMs?: number;
}

export interface JobQueue {
  readonly engine: 'postgres' | 'sqlite';
  /** Creates what the engine keeps (tables, queues); safe to call from every process at once. */
  start(): Promise<void>;
  /** The id of the queued job, or null when a job with the same key already waits or runs. */
  send(queue: QueueName, data: object, options?: SendOptions): Promise<string | null>;
  /** Starts taking this queue's jobs in this process until `stop`. */
  work(queue: QueueName, handler: JobHandler<unknown>, options?: WorkOptions): Promise<void>;
  /** Counts for one queue, all owners or the jobs of one owner (jobs carry `ownerId` in their data). */
  counts(queue: QueueName, ownerId?: string): Promise<QueueCounts>;
  /** Sends every dead job of the queue back to it with fresh retries; how many went back. */
  retryDead(queue: QueueName): Promise<number>;
  /** Takes no new jobs, finishes (or releases) those in flight, closes its connections. */
  stop(options?: StopOptions): Promise<void>;
}
