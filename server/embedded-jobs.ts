import type { Registry } from 'prom-client';
import type { DatabaseLocation } from '../common/database';
import type { Logger } from '../common/logger';
import type { S3Settings } from '../metadata-service/config';
import type { IngestReport } from '../metadata-service/ingest/ingest-run';
import type { AlbumFolderMode } from '../metadata-service/ingest/photo-record';
import type { FolderChanges } from '../metadata-service/ingest/watch/folder-changes';
import type { ChangesReport } from '../metadata-service/ingest/watch/ingest-changes';
import type { JobContext, JobQueue } from '../metadata-service/jobs/job-queue';
import { startJobWorkers, type JobWorkers } from '../metadata-service/jobs/job-workers';
import { openJobQueue } from '../metadata-service/jobs/open-job-queue';
import {
  DEFAULT_POLICIES,
  QUEUE_NAMES,
  ingestJobSchema,
  type IngestJob,
  type QueueName,
  type RetryPolicy,
} from '../metadata-service/jobs/queue-definitions';
import { queueMetrics } from '../metadata-service/jobs/queue-metrics';
import type { VisionSettings } from '../metadata-service/vision/vision-settings';
import type { IngestStatus } from './ingest-status';
import { QueueVisionProgress, type QueueVisionSnapshot } from './queue-vision-progress';

/**
 * The embedded stack's retry policies on SQLite. Leases are short because the SQLite queue renews them while a job
 * runs: after a crash the next start resumes the interrupted pass within LEASE_SECONDS. A pass over PHOTOS_DIR is
 * retried for as long as its fault lasts (a full or read-only disk is repaired, not given up on), at most every
 * 15 minutes; vision and people jobs keep the queue's limits and end in the dead letters.
 */
const LEASE_SECONDS = 30;
export const EMBEDDED_SQLITE_POLICIES: Readonly<Record<QueueName, RetryPolicy>> = {
  ingest: {
    ...DEFAULT_POLICIES.ingest,
    retryLimit: 100_000,
    maxRetryDelaySeconds: 900,
    leaseSeconds: LEASE_SECONDS,
  },
  vision: { ...DEFAULT_POLICIES.vision, leaseSeconds: LEASE_SECONDS },
  people: { ...DEFAULT_POLICIES.people, leaseSeconds: LEASE_SECONDS },
};

export interface EmbeddedJobsOptions {
  /** The library's database: the queue lives in it (a table in the SQLite file, or pg-boss on PostgreSQL). */
  database: DatabaseLocation;
  /** PHOTOS_DIR, as configured (the ingest job's location and idempotency key). */
  photosDir: string;
  ownerId: string;
  vision: VisionSettings | undefined;
  s3?: S3Settings;
  albumFolders?: AlbumFolderMode;
  /** What /healthz says about the passes over PHOTOS_DIR. */
  status: IngestStatus;
  logger: Logger;
  /** Per queue, over the embedded defaults (tests shorten retries). */
  policies?: Partial<Record<QueueName, RetryPolicy>>;
  pollIntervalSeconds?: number;
  /** PostgreSQL schema of pg-boss's tables (JOBS_SCHEMA). */
  schema?: string;
  /** How long close() waits for jobs in flight before handing them back to the queue. */
  graceMs?: number;
}

interface Deferred<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

interface RunningPass {
  waiters: Deferred<void>[];
  /** Settles the promise /healthz's IngestStatus tracks. */
  status: Deferred<IngestReport | undefined>;
  report?: IngestReport;
}

/**
 * The embedded default's ingest and vision, through the same job queue and handlers as `npm run worker`, worked
 * in this process: passes over PHOTOS_DIR (startup, SIGHUP, periodic rescans) and a folder watcher's batches are
 * ingest jobs, each photo's analysis a vision job. The queue keeps them across restarts (an interrupted pass runs
 * again, a photo already analysed is not analysed again), retries failures with backoff and keeps dead letters;
 * `npm run worker -- --status` / `--retry-dead vision` work on the same queue.
 */
export class EmbeddedJobs {
  private readonly vision: QueueVisionProgress;
  /** Callers of rescan() waiting for the next full pass to start, then for it to end. */
  private awaitingPass: Deferred<void>[] = [];
  /** Full passes running in this process, by job id: who waits for them, and their report once it is in. */
  private readonly passes = new Map<string, RunningPass>();
  private readonly changeJobs = new Map<string, Deferred<void>>();
  private sendRetry: NodeJS.Timeout | undefined;
  private sendFailures = 0;
  private workers: JobWorkers | undefined;
  /** The pass asked for at startup: resolves when it is over (LocalStack.ingestDone). */
  startupPass: Promise<void> = Promise.resolve();
  /** The last request for a pass reached the queue (or failed to). */
  private sent: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly options: EmbeddedJobsOptions,
    readonly queue: JobQueue,
    private readonly policies: Record<QueueName, RetryPolicy>,
  ) {
    this.vision = new QueueVisionProgress(options.vision !== undefined);
  }

  static async start(options: EmbeddedJobsOptions): Promise<EmbeddedJobs> {
    const sqlite = options.database.kind === 'sqlite';
    const policies = Object.fromEntries(
      QUEUE_NAMES.map((name) => [
        name,
        options.policies?.[name] ?? (sqlite ? EMBEDDED_SQLITE_POLICIES : DEFAULT_POLICIES)[name],
      ]),
    ) as Record<QueueName, RetryPolicy>;
    const queue = await openJobQueue(options.database, {
      logger: options.logger,
      policies,
      schema: options.schema,
      pollIntervalSeconds: options.pollIntervalSeconds ?? 1,
    });
    const jobs = new EmbeddedJobs(options, queue, policies);
    // The startup pass is asked for before any worker runs: a pass a stopped stack left in the queue is then that
    // very job (one per key waits), not a second pass after it.
    jobs.startupPass = jobs.rescan();
    await jobs.sent;
    try {
      jobs.workers = await startJobWorkers({
        database: options.database,
        queue,
        logger: options.logger.child({ component: 'jobs' }),
        vision: options.vision,
        s3: options.s3,
        albumFolders: options.albumFolders,
        ingestObserver: {
          progress: (job, progress) => {
            if (jobs.isFullPass(job)) options.status.progress(progress);
          },
          ingested: (job, report) => jobs.ingested(job, report),
        },
        jobObserver: {
          started: (name, job) => jobs.started(name, job),
          finished: (name, job, error) => jobs.finished(name, job, error),
        },
      });
    } catch (error) {
      await queue.stop({ graceMs: 0 });
      throw error;
    }
    return jobs;
  }

  /**
   * Queues a full pass over PHOTOS_DIR (at most one waits; one asked for while another runs runs after it) and
   * resolves when a pass that started after this call is over, failed or not (/healthz says which).
   */
  rescan(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const ended = new Promise<void>((resolve, reject) => this.awaitingPass.push({ resolve, reject }));
    const job: IngestJob = { ownerId: this.options.ownerId, location: this.options.photosDir };
    // A queue on the same full or read-only file may refuse the job itself (synchronously, for SQLite).
    this.sent = Promise.resolve()
      .then(() => this.queue.send('ingest', job, { key: `${job.ownerId}\n${job.location}` }))
      .then(
        () => {
          this.sendFailures = 0;
        },
        (error: unknown) => this.sendFailed(error),
      );
    return ended;
  }

  /** Queues a folder watcher's batch as an ingest job; resolves when it ran, rejects when that attempt failed. */
  async ingestChanges(changes: FolderChanges): Promise<void> {
    if (this.closed) throw new Error('the job queue is closed');
    const id = await this.queue.send('ingest', {
      ownerId: this.options.ownerId,
      location: this.options.photosDir,
      changes,
    });
    if (id === null) throw new Error('the folder changes were not queued');
    return new Promise<void>((resolve, reject) => this.changeJobs.set(id, { resolve, reject }));
  }

  /** The local owner's vision progress and jobs (/healthz `vision`). */
  async visionProgress(): Promise<QueueVisionSnapshot> {
    const counts = await this.queue.counts('vision', this.options.ownerId).catch((error: unknown) => {
      this.options.logger.warn('vision job counts unavailable for /healthz', { error });
      return undefined;
    });
    return this.vision.snapshot(counts);
  }

  /** `photoframe_library_jobs{queue, state}` for /metrics. */
  metrics(): Registry {
    return queueMetrics(this.queue, this.options.logger);
  }

  /** Takes no new jobs; those in flight finish within the grace or go back to the queue for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.sendRetry);
    await this.workers?.stop({ graceMs: this.options.graceMs ?? 5_000 });
    const closed = new Error('the job queue closed');
    for (const waiter of this.awaitingPass.splice(0)) waiter.resolve();
    for (const pass of this.passes.values()) {
      pass.status.resolve(pass.report);
      for (const waiter of pass.waiters) waiter.resolve();
    }
    this.passes.clear();
    for (const waiter of this.changeJobs.values()) waiter.reject(closed);
    this.changeJobs.clear();
  }

  private isFullPass(job: IngestJob): boolean {
    return (
      job.changes === undefined &&
      job.ownerId === this.options.ownerId &&
      job.location === this.options.photosDir
    );
  }

  private parseIngest(job: JobContext<unknown>): IngestJob | undefined {
    const parsed = ingestJobSchema.safeParse(job.data);
    return parsed.success ? parsed.data : undefined;
  }

  private started(name: QueueName, job: JobContext<unknown>): void {
    if (name === 'vision') this.vision.jobStarted();
    if (name !== 'ingest') return;
    const data = this.parseIngest(job);
    if (!data || !this.isFullPass(data)) return;
    let status: Deferred<IngestReport | undefined> | undefined;
    const tracked = new Promise<IngestReport | undefined>((resolve, reject) => {
      status = { resolve, reject };
    });
    const pass: RunningPass = { waiters: this.awaitingPass.splice(0), status: status! };
    this.passes.set(job.id, pass);
    // /healthz follows the pass: 'running' now, then 'done' with its skipped files or 'failed' with the reason and
    // the next attempt; those waiting for the pass hear of its end once /healthz says it.
    const release = () => {
      for (const waiter of pass.waiters) waiter.resolve();
    };
    void this.options.status.track(tracked, this.options.photosDir).then(release, () => {
      this.retryNoted(job.attempt);
      release();
    });
  }

  /** A report arrives just before its job ends; full passes run one at a time here (ingest concurrency 1). */
  private ingested(job: IngestJob, report: IngestReport | ChangesReport): void {
    if (!this.isFullPass(job)) return;
    for (const pass of this.passes.values()) pass.report ??= report as IngestReport;
  }

  private finished(name: QueueName, job: JobContext<unknown>, error?: unknown): void {
    if (name === 'vision' && error === undefined) this.vision.jobDone();
    if (name !== 'ingest') return;
    const change = this.changeJobs.get(job.id);
    if (change) {
      this.changeJobs.delete(job.id);
      // Failed batches are retried by the queue; the watcher only learns that this attempt failed.
      if (error === undefined) change.resolve();
      else change.reject(error);
      return;
    }
    const pass = this.passes.get(job.id);
    if (!pass) return;
    this.passes.delete(job.id);
    if (error === undefined) pass.status.resolve(pass.report);
    else pass.status.reject(error);
  }

  /** /healthz: when the queue tries a failed pass again (the earliest: the queue adds up to as much of jitter). */
  private retryNoted(attempt: number): void {
    const policy = this.policies.ingest;
    if (attempt > policy.retryLimit) return;
    const base = policy.retryDelaySeconds * 1000 * 2 ** Math.min(16, attempt - 1);
    const wait = Math.min(base, (policy.maxRetryDelaySeconds ?? Infinity) * 1000);
    this.options.status.retryAt(new Date(Date.now() + wait), attempt);
  }

  /** The queue itself refused the pass (its database is the one that is full or read-only): try again later. */
  private sendFailed(error: unknown): void {
    this.sendFailures += 1;
    this.options.logger.error('could not queue a pass over PHOTOS_DIR; it will be tried again', { error });
    this.options.status.fail(error, this.options.photosDir);
    this.retryNoted(this.sendFailures);
    for (const waiter of this.awaitingPass.splice(0)) waiter.resolve();
    if (this.closed) return;
    const at = this.options.status.snapshot().retry?.at;
    clearTimeout(this.sendRetry);
    this.sendRetry = setTimeout(
      () => void this.rescan(),
      at === undefined ? 60_000 : Math.max(0, Date.parse(at) - Date.now()),
    );
    this.sendRetry.unref();
  }
}
