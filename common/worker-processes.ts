import cluster from 'node:cluster';
import type { Logger } from './logger';
import { aggregateWorkerMetrics } from './metrics/cluster-metrics';

/** Stops what one process started (close the server, the tier, the database). */
export type StopServing = () => Promise<void>;

/** How long a replacement waits after a worker died, growing while workers keep dying (a crash loop). */
const RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;

export interface WorkerProcessOptions {
  /** Which tier the processes serve, for the log ('display', 'library'). */
  tier: string;
  /** Runs in the primary once every worker has exited (or after `serve` stopped when serving in-process). */
  beforeExit?: StopServing;
}

/**
 * Runs `serve` in `count` processes sharing one listening port (node:cluster): a display or library instance keeps
 * no state of its own (everything is in the database and the shared stores), so one process per core is how it
 * uses a machine's cores, as nginx does with its workers. A worker that dies is replaced; SIGTERM/SIGINT stop them
 * all. With `count` 1 it simply serves in this process.
 */
export async function serveInWorkerProcesses(
  count: number,
  serve: () => Promise<StopServing>,
  logger: Logger,
  options: WorkerProcessOptions = { tier: 'display' },
): Promise<void> {
  const beforeExit = options.beforeExit ?? (() => Promise.resolve());
  if (count <= 1 || !cluster.isPrimary) {
    const stop = await serve();
    const inPrimary = cluster.isPrimary;
    const shutdown = () =>
      void stop()
        .then(() => (inPrimary ? beforeExit() : undefined))
        .then(() => process.exit(0));
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
    return;
  }
  // A scrape of /metrics, whichever worker it reaches, answers the sum over all workers.
  aggregateWorkerMetrics(logger);
  let stopping = false;
  let delay = RESTART_DELAY_MS;
  const fork = () => cluster.fork();
  cluster.on('online', () => {
    delay = RESTART_DELAY_MS;
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error(`${options.tier} worker died; starting another`, { pid: worker.process.pid, code, signal });
    setTimeout(fork, delay);
    delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
  });
  for (let i = 0; i < count; i++) fork();
  const shutdown = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(check);
        void beforeExit().then(() => process.exit(0));
      }
    }, 50);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  logger.info(`${options.tier} serving in worker processes`, { workers: count });
}
