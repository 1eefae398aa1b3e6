import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from '../../common/logger';
import type { JobHandler, JobQueue, QueueCounts, SendOptions, StopOptions, WorkOptions } from './job-queue';
import {
  deadLetterQueueOf,
  DEFAULT_POLICIES,
  QUEUE_NAMES,
  type QueueName,
  type RetryPolicy,
} from './queue-definitions';

export interface PgBossJobQueueOptions {
  /** postgres://… — the library's DATABASE_URL: jobs commit in the database the photos are in. */
  url: string;
  logger: Logger;
  /** Schema pg-boss keeps its tables in (default `pgboss`). */
  schema?: string;
  policies?: Partial<Record<QueueName, RetryPolicy>>;
  /** How often an idle worker asks for a job (pg-boss: at least 0.5 s). */
  pollIntervalSeconds?: number;
  /** How often expired leases are found and retried (pg-boss maintenance; at least 1 s). */
  maintenanceIntervalSeconds?: number;
  /** Only sends jobs (a Lambda): no maintenance timers, which would keep a short-lived process busy. */
  producerOnly?: boolean;
}

/** Only the rows needed for counts: states as pg-boss 10 names them. */
type PgBossState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/**
 * The queue on PostgreSQL, through pg-boss 10 (the last line for Node 20; 11+ needs Node 22): SKIP LOCKED fetches,
 * so any number of `npm run worker` processes on any machines share the work. Each queue is created with the
 * 'stately' policy: per key (the idempotency key) at most one job waits, one waits for a retry and one runs, so two
 * jobs for one photo never run at once (a job whose key runs elsewhere is handed out when that one ends). Retries
 * back off exponentially; the expiry is the lease (a job active longer is failed by pg-boss's maintenance and
 * retried); after its last retry a job goes to the dead-letter queue `<queue>-dead`.
 */
export class PgBossJobQueue implements JobQueue {
  readonly engine = 'postgres' as const;
  private readonly boss: PgBoss;
  private readonly schema: string;

  constructor(private readonly options: PgBossJobQueueOptions) {
    this.schema = options.schema ?? 'pgboss';
    this.boss = new PgBoss({
      connectionString: options.url,
      schema: this.schema,
      max: 4,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
      application_name: 'photo-frame-jobs',
      ...(options.producerOnly ? { supervise: false, schedule: false } : {}),
    });
    this.boss.on('error', (error) => options.logger.warn('job queue (pg-boss) error', { error }));
  }

  /**
   * Starts pg-boss and makes the queues, one process at a time: workers and `--enqueue` starting together on one
   * database deadlocked in pg-boss's schema and queue creation ('deadlock detected', found by the topology test), so
   * this holds a session advisory lock keyed by the schema while it sets up.
   */
  async start(): Promise<void> {
    const lock = new Client({
      connectionString: this.options.url,
      application_name: 'photo-frame-jobs-start',
    });
    const key = `photo-frame-jobs:${this.schema}`;
    await lock.connect();
    try {
      await lock.query('select pg_advisory_lock(hashtext($1))', [key]);
      await this.setUp();
    } finally {
      await lock.query('select pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      await lock.end();
    }
  }

  private async setUp(): Promise<void> {
    await this.boss.start();
    for (const queue of QUEUE_NAMES) {
      const policy = this.policyOf(queue);
      await this.ensureQueue(deadLetterQueueOf(queue), {
        name: deadLetterQueueOf(queue),
        policy: 'standard',
      });
      await this.ensureQueue(queue, {
        name: queue,
        policy: 'stately',
        retryLimit: policy.retryLimit,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: policy.leaseSeconds,
        deadLetter: deadLetterQueueOf(queue),
      });
    }
  }

  async send(queue: QueueName, data: object, options: SendOptions = {}): Promise<string | null> {
    // Under the 'stately' policy every job without a key would share the empty key: give it one of its own.
    return this.boss.send(queue, data, { singletonKey: options.key ?? randomUUID() });
  }

  async work(queue: QueueName, handler: JobHandler<unknown>, options: WorkOptions = {}): Promise<void> {
    for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
      await this.boss.work<object>(
        queue,
        {
          batchSize: 1,
          includeMetadata: true,
          pollingIntervalSeconds: this.options.pollIntervalSeconds ?? 2,
        },
        async (jobs) => {
          for (const job of jobs) {
            await handler({ id: job.id, data: job.data, attempt: job.retryCount + 1 });
          }
        },
      );
    }
  }

  async counts(queue: QueueName, ownerId?: string): Promise<QueueCounts> {
    const rows = await this.countStates([queue, deadLetterQueueOf(queue)], ownerId);
    const of = (name: string, state: PgBossState) =>
      rows.find((r) => r.name === name && r.state === state)?.n ?? 0;
    const dead = deadLetterQueueOf(queue);
    return {
      queued: of(queue, 'created'),
      active: of(queue, 'active'),
      failed: of(queue, 'retry'),
      dead: of(dead, 'created') + of(dead, 'retry') + of(dead, 'active'),
    };
  }

  async retryDead(queue: QueueName): Promise<number> {
    const dead = deadLetterQueueOf(queue);
    let moved = 0;
    for (;;) {
      const jobs = await this.boss.fetch<object>(dead, { batchSize: 100 });
      if (jobs.length === 0) return moved;
      for (const job of jobs) await this.send(queue, job.data);
      await this.boss.complete(
        dead,
        jobs.map((job) => job.id),
      );
      moved += jobs.length;
    }
  }

  async stop(options: StopOptions = {}): Promise<void> {
    // Graceful: workers finish their jobs within the grace; pg-boss then fails what is still running, which sends
    // those jobs back for a retry at once instead of after their lease.
    await this.boss.stop({ graceful: true, wait: true, timeout: options.graceMs ?? 30_000 });
  }

  private policyOf(queue: QueueName): RetryPolicy {
    return this.options.policies?.[queue] ?? DEFAULT_POLICIES[queue];
  }

  /** Every worker process starts the queue: two creating one queue at once is expected, not an error. */
  private async ensureQueue(name: string, settings: PgBoss.Queue): Promise<void> {
    if (await this.boss.getQueue(name)) {
      // The policy of an existing queue cannot change; retries, lease and dead letters follow this release.
      await this.boss.updateQueue(name, { ...settings, policy: undefined });
      return;
    }
    try {
      await this.boss.createQueue(name, settings);
    } catch (error) {
      if (!(await this.boss.getQueue(name))) throw error;
    }
  }

  private async countStates(
    names: readonly string[],
    ownerId: string | undefined,
  ): Promise<{ name: string; state: PgBossState; n: number }[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `select name, state::text as state, count(*)::int as n from "${this.schema}".job
       where name = any($1::text[]) and state < 'completed' and ($2::text is null or data->>'ownerId' = $2)
       group by name, state`,
      [names, ownerId ?? null],
    );
    return rows as { name: string; state: PgBossState; n: number }[];
  }
}
