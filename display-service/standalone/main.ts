import '../../common/load-env';
import cluster from 'node:cluster';
import { openDatabase } from '../../common/database';
import { createLogger } from '../../common/logger';
import { migrateDisplayDatabase } from '../database/migrations';
import type { DisplayDatabase } from '../database/schema';
import { standaloneDisplayConfigFromEnv } from './config';
import { serveDisplay } from './serve-display';
import { serveInWorkerProcesses } from '../../common/worker-processes';

/**
 * `npm run start:display`: the display tier on its own, for the scale-out deployment (the library and the skill
 * run elsewhere): DISPLAY_WORKERS processes (one per core by default) share PORT. The primary brings the schema up
 * to date once before forking, so workers never race to migrate a fresh database.
 */
async function main(): Promise<void> {
  const config = standaloneDisplayConfigFromEnv();
  const logger = createLogger(config.logLevel, { service: 'display', pid: process.pid });
  if (cluster.isPrimary) {
    const db = openDatabase<DisplayDatabase>(config.database);
    try {
      await migrateDisplayDatabase(db, logger);
    } finally {
      await db.destroy();
    }
  }
  await serveInWorkerProcesses(config.workers, () => serveDisplay(config, logger), logger);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `display failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
