/**
 * The job queue of the embedded default: a table in the library's own SQLite file, so `npm start` needs no other
 * process or service and a job survives a restart.
 *
 * Hand-written on purpose: pg-boss and graphile-worker (the PostgreSQL engine, pg-boss-job-queue.ts) run only on
 * PostgreSQL, and the SQLite queues on npm either bring another SQLite driver (better-queue-sqlite: sqlite3),
 * are pre-1.0 without leases (plainjob, liteque), or are a whole other job system (sidequest) whose semantics would
 * then differ from pg-boss's. What is needed is small: the same semantics as the pg-boss engine (leases that expire
 * when a worker dies, exponential backoff with jitter, dead letters, per key one waiting job and one running) on a
 * file several processes share, each step one IMMEDIATE transaction (better-sqlite3, WAL: workers in other
 * processes see the same rows and never take the same job).
 *
 * Two things pg-boss does its own way: a running job's lease is renewed (a heartbeat every third of the lease), so
 * a lease only has to outlast a dead worker, not the longest job (the embedded stack's folder passes may take an
 * hour, and a restart after a crash should not wait that long to resume them); and each finished job leaves a row
 * in `job_queue_done` (kept DONE_KEPT_DAYS), the record that a job ran to the end and how often it was tried.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Logger } from '../../common/logger';
import type { JobHandler, JobQueue, QueueCounts, SendOptions, StopOptions, WorkOptions } from './job-queue';
import { backoffMs, DEFAULT_POLICIES, type QueueName, type RetryPolicy } from './queue-definitions';

export interface SqliteJobQueueOptions {
  /** The library's SQLite file (the queue's table lives next to the library's). */
  file: string;
  logger: Logger;
  policies?: Partial<Record<QueueName, RetryPolicy>>;
  /** How often an idle worker looks for a job (a send in this process wakes it at once). */
  pollIntervalMs?: number;
  now?: () => number;
}

interface JobRow {
  id: string;
  data: string;
  attempts: number;
  lease_token: string;
}

interface Lease {
  id: string;
  queue: QueueName;
  token: string;
  attempts: number;
}

const SCHEMA = `
  create table if not exists job_queue (
    id text primary key,
    queue text not null,
    job_key text,
    owner_id text,
    data text not null,
    state text not null check (state in ('queued', 'active', 'dead')),
    attempts integer not null default 0,
    run_after integer not null,
    lease_until integer,
    lease_token text,
    last_error text,
    created_at integer not null,
    updated_at integer not null
  );
  create unique index if not exists job_queue_waiting_key
    on job_queue (queue, job_key) where job_key is not null and state = 'queued' and attempts = 0;
  create index if not exists job_queue_next on job_queue (queue, state, run_after);
  create table if not exists job_queue_done (
    id text primary key,
    queue text not null,
    job_key text,
    owner_id text,
    attempts integer not null,
    completed_at integer not null
  );
  create index if not exists job_queue_done_at on job_queue_done (completed_at);
`;

const DONE_KEPT_DAYS = 7;

export class SqliteJobQueue implements JobQueue {
  readonly engine = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly inFlight = new Map<string, { lease: Lease; done: Promise<void> }>();
  private readonly wakers = new Set<() => void>();
  private readonly loops: Promise<void>[] = [];
  private stopping = false;

  constructor(private readonly options: SqliteJobQueueOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.now = options.now ?? Date.now;
  }

  start(): Promise<void> {
    this.db.exec(SCHEMA);
    this.db
      .prepare('delete from job_queue_done where completed_at < ?')
      .run(this.now() - DONE_KEPT_DAYS * 24 * 3600_000);
    return Promise.resolve();
  }

  send(queue: QueueName, data: object, options: SendOptions = {}): Promise<string | null> {
    const id = randomUUID();
    const now = this.now();
    const ownerId = (data as { ownerId?: unknown }).ownerId;
    const inserted = this.db
      .prepare(
        `insert or ignore into job_queue (id, queue, job_key, owner_id, data, state, attempts, run_after,
           created_at, updated_at) values (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`,
      )
      .run(
        id,
        queue,
        options.key ?? null,
        typeof ownerId === 'string' ? ownerId : null,
        JSON.stringify(data),
        now,
        now,
        now,
      );
    if (inserted.changes === 0) return Promise.resolve(null);
    for (const wake of this.wakers) wake();
    return Promise.resolve(id);
  }

  work(queue: QueueName, handler: JobHandler<unknown>, options: WorkOptions = {}): Promise<void> {
    for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
      this.loops.push(this.loop(queue, handler));
    }
    return Promise.resolve();
  }

  counts(queue: QueueName, ownerId?: string): Promise<QueueCounts> {
    const rows = this.db
      .prepare(
        `select state, attempts > 0 as retried, count(*) as n from job_queue
         where queue = ? and (? is null or owner_id = ?) group by 1, 2`,
      )
      .all(queue, ownerId ?? null, ownerId ?? null) as { state: string; retried: number; n: number }[];
    const counts: QueueCounts = { queued: 0, active: 0, failed: 0, dead: 0 };
    for (const row of rows) {
      if (row.state === 'active') counts.active += row.n;
      else if (row.state === 'dead') counts.dead += row.n;
      else if (row.retried) counts.failed += row.n;
      else counts.queued += row.n;
    }
    return Promise.resolve(counts);
  }

  retryDead(queue: QueueName): Promise<number> {
    const now = this.now();
    // A dead job whose key already has a fresh job waiting is covered by that job.
    const revived = this.db.transaction(() => {
      this.db
        .prepare(
          `delete from job_queue as dead where queue = ? and state = 'dead' and job_key is not null and exists (
             select 1 from job_queue w where w.queue = dead.queue and w.job_key = dead.job_key
               and w.state = 'queued' and w.attempts = 0)`,
        )
        .run(queue);
      return this.db
        .prepare(
          `update job_queue set state = 'queued', attempts = 0, run_after = ?, last_error = null, updated_at = ?
           where queue = ? and state = 'dead'`,
        )
        .run(now, now, queue).changes;
    })();
    for (const wake of this.wakers) wake();
    return Promise.resolve(revived);
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.stopping = true;
    for (const wake of this.wakers) wake();
    const grace = new Promise<'late'>((resolve) =>
      setTimeout(() => resolve('late'), options.graceMs ?? 30_000).unref(),
    );
    const finished = await Promise.race([Promise.all(this.loops).then(() => 'finished' as const), grace]);
    if (finished === 'late') {
      // Jobs still running go back to the queue now, as if never taken, rather than waiting out their lease.
      for (const { lease } of this.inFlight.values()) {
        try {
          this.release(lease);
        } catch (error) {
          // A file that refuses writes: the lease (no longer renewed) hands the job on when it ends.
          this.options.logger.warn('job not handed back', { jobId: lease.id, error });
        }
      }
    }
    try {
      this.db.close();
    } catch (error) {
      this.options.logger.warn('job queue file not closed cleanly', { error });
    }
  }

  private async loop(queue: QueueName, handler: JobHandler<unknown>): Promise<void> {
    while (!this.stopping) {
      let lease: (Lease & { data: unknown }) | undefined;
      try {
        lease = this.claim(queue);
      } catch (error) {
        this.options.logger.warn('job queue could not take a job', { queue, error });
      }
      if (!lease) {
        await this.idle();
        continue;
      }
      const run = this.runOne(lease, handler);
      this.inFlight.set(lease.token, { lease, done: run });
      await run;
      this.inFlight.delete(lease.token);
    }
  }

  private async runOne(lease: Lease & { data: unknown }, handler: JobHandler<unknown>): Promise<void> {
    const leaseMs = this.policyOf(lease.queue).leaseSeconds * 1000;
    const heartbeat = setInterval(() => this.renew(lease, leaseMs), Math.max(50, leaseMs / 3));
    heartbeat.unref();
    let failure: { error: unknown } | undefined;
    try {
      await handler({ id: lease.id, data: lease.data, attempt: lease.attempts });
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(heartbeat);
    }
    await this.settle(lease, () => (failure ? this.fail(lease, failure.error) : this.complete(lease)));
  }

  /**
   * Records a job's end, trying again while the file refuses writes (a full or read-only disk): until it is
   * recorded the job stays leased to this worker, and giving up would leave it to wait out its lease.
   */
  private async settle(lease: Lease, record: () => void): Promise<void> {
    for (let attempt = 1; this.db.open; attempt++) {
      try {
        record();
        return;
      } catch (error) {
        if (attempt === 1) this.options.logger.warn('job end not recorded yet', { jobId: lease.id, error });
        if (this.stopping) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 200 * attempt)));
      }
    }
  }

  /** Done: the job leaves the queue and its record goes to job_queue_done, in one transaction. */
  private complete(lease: Lease): void {
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `insert or replace into job_queue_done (id, queue, job_key, owner_id, attempts, completed_at)
             select id, queue, job_key, owner_id, attempts, ? from job_queue where id = ? and lease_token = ?`,
          )
          .run(this.now(), lease.id, lease.token);
        this.db.prepare('delete from job_queue where id = ? and lease_token = ?').run(lease.id, lease.token);
      })
      .immediate();
  }

  /** The worker is alive: its lease runs on. A failed renewal (a full disk) is tried again at the next beat. */
  private renew(lease: Lease, leaseMs: number): void {
    if (!this.db.open) return;
    try {
      this.db
        .prepare('update job_queue set lease_until = ? where id = ? and lease_token = ?')
        .run(this.now() + leaseMs, lease.id, lease.token);
    } catch (error) {
      this.options.logger.debug('job lease not renewed', { queue: lease.queue, jobId: lease.id, error });
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.options.pollIntervalMs ?? 1000);
      this.wakers.add(wake);
    });
  }

  private policyOf(queue: QueueName): RetryPolicy {
    return this.options.policies?.[queue] ?? DEFAULT_POLICIES[queue];
  }

  /** Expired leases first (their workers are gone: that attempt failed), then the next job due. */
  private claim(queue: QueueName): (Lease & { data: unknown }) | undefined {
    const policy = this.policyOf(queue);
    // A read first (WAL: no lock): an idle worker never waits for, or holds, the file's write lock just to look.
    const due = this.db
      .prepare(
        `select 1 from job_queue where queue = ? and ((state = 'queued' and run_after <= ?)
           or (state = 'active' and lease_until < ?)) limit 1`,
      )
      .get(queue, this.now(), this.now());
    if (due === undefined) return undefined;
    return this.db
      .transaction(() => {
        const now = this.now();
        const expired = this.db
          .prepare(
            `select id, attempts, lease_token from job_queue
           where queue = ? and state = 'active' and lease_until < ?`,
          )
          .all(queue, now) as Omit<JobRow, 'data'>[];
        for (const row of expired) {
          this.settleFailure(
            { id: row.id, queue, token: row.lease_token, attempts: row.attempts },
            `lease expired after ${policy.leaseSeconds} s: its worker stopped answering`,
            now,
          );
        }
        const next = this.db
          .prepare(
            `select id, data, attempts from job_queue as next where queue = ? and state = 'queued' and run_after <= ?
             and (job_key is null or not exists (select 1 from job_queue running where running.queue = next.queue
               and running.job_key = next.job_key and running.state = 'active'))
           order by run_after, created_at limit 1`,
          )
          .get(queue, now) as Omit<JobRow, 'lease_token'> | undefined;
        if (!next) return undefined;
        const token = randomUUID();
        this.db
          .prepare(
            `update job_queue set state = 'active', attempts = attempts + 1, lease_until = ?, lease_token = ?,
           updated_at = ? where id = ?`,
          )
          .run(now + policy.leaseSeconds * 1000, token, now, next.id);
        return {
          id: next.id,
          queue,
          token,
          attempts: next.attempts + 1,
          data: JSON.parse(next.data) as unknown,
        };
      })
      .immediate();
  }

  private fail(lease: Lease, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.db.transaction(() => this.settleFailure(lease, message, this.now())).immediate();
    this.options.logger.warn('job failed', {
      queue: lease.queue,
      jobId: lease.id,
      attempt: lease.attempts,
      error,
    });
  }

  /** After its last allowed attempt a job is dead; before, it waits out its backoff. Only the lease holder may. */
  private settleFailure(lease: Lease, message: string, now: number): void {
    const policy = this.policyOf(lease.queue);
    if (lease.attempts > policy.retryLimit) {
      this.db
        .prepare(
          `update job_queue set state = 'dead', lease_until = null, lease_token = null, last_error = ?,
           updated_at = ? where id = ? and lease_token = ?`,
        )
        .run(message.slice(0, 2000), now, lease.id, lease.token);
      return;
    }
    this.db
      .prepare(
        `update job_queue set state = 'queued', run_after = ?, lease_until = null, lease_token = null,
         last_error = ?, updated_at = ? where id = ? and lease_token = ?`,
      )
      .run(now + backoffMs(policy, lease.attempts), message.slice(0, 2000), now, lease.id, lease.token);
  }

  private release(lease: Lease): void {
    try {
      this.db
        .prepare(
          `update job_queue set state = 'queued', attempts = attempts - 1, run_after = ?, lease_until = null,
           lease_token = null, updated_at = ? where id = ? and lease_token = ?`,
        )
        .run(this.now(), this.now(), lease.id, lease.token);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      // A fresh job with the same key already waits: it does this job's work.
      this.db.prepare('delete from job_queue where id = ? and lease_token = ?').run(lease.id, lease.token);
    }
  }
}
