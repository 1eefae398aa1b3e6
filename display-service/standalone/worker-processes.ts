import cluster from 'node:cluster';
import type { Logger } from '../../common/logger';

/** Stops what one process started (close the server, the display, the database). */
export type StopServing = () => Promise<void>;

/** How long a replacement waits after a worker died, growing while workers keep dying (a crash loop). */
const RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Runs `serve` in `count` processes sharing one listening port (node:cluster): a display instance keeps no state
 * of its own (slideshows in the database, renditions in the shared store), so one process per core is how it uses
 * a machine's cores, as nginx does with its workers. A worker that dies is replaced; SIGTERM/SIGINT stop them all.
 * With `count` 1 it simply serves in this process.
 */
export async function serveInWorkerProcesses(
  count: number,
  serve: () => Promise<StopServing>,
  logger: Logger,
): Promise<void> {
  if (count <= 1 || !cluster.isPrimary) {
    const stop = await serve();
    const shutdown = () => void stop().then(() => process.exit(0));
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
    return;
  }
  let stopping = false;
  let delay = RESTART_DELAY_MS;
  const fork = () => cluster.fork();
  cluster.on('online', () => {
    delay = RESTART_DELAY_MS;
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error('display worker died; starting another', { pid: worker.process.pid, code, signal });
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
        process.exit(0);
      }
    }, 50);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  logger.info('display serving in worker processes', { workers: count });
}
