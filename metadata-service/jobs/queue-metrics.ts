import { Gauge, Registry } from 'prom-client';
import type { Logger } from '../../common/logger';
import type { JobQueue, QueueCounts } from './job-queue';
import { QUEUE_NAMES } from './queue-definitions';

const STATES: readonly (keyof QueueCounts)[] = ['queued', 'active', 'failed', 'dead'];

/**
 * `photoframe_library_jobs{queue, state}`: the job queue's counts (queued, active, failed = waiting for a retry,
 * dead = in the dead letters), read from the database at each scrape. Every library process reads the same
 * numbers, so the cluster aggregate takes the largest rather than the sum.
 */
export function queueMetrics(queue: JobQueue, logger: Logger): Registry {
  const registry = new Registry();
  new Gauge({
    name: 'photoframe_library_jobs',
    help: 'Jobs in the library job queue by queue and state (failed: waiting for a retry; dead: dead letters)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    aggregator: 'max',
    async collect() {
      try {
        for (const name of QUEUE_NAMES) {
          const counts = await queue.counts(name);
          for (const state of STATES) this.set({ queue: name, state }, counts[state]);
        }
      } catch (error) {
        // A scrape during a database outage keeps the last values; /readyz reports the outage.
        logger.warn('job queue counts unavailable for /metrics', { error });
      }
    },
  });
  return registry;
}
