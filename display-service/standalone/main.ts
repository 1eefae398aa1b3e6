import '../../common/load-env';
import cluster from 'node:cluster';
import { cliArgumentsOrExit } from '../../common/cli-arguments';
import { openDatabase } from '../../common/database';
import { createLogger } from '../../common/logger';
import { migrateDisplayDatabase } from '../database/migrations';
import type { DisplayDatabase } from '../database/schema';
import { standaloneDisplayConfigFromEnv } from './config';
import { serveDisplay } from './serve-display';
import { serveInWorkerProcesses } from '../../common/worker-processes';

const USAGE = `Usage: npm run start:display [-- --help]

The display tier on its own, for the scale-out deployment: slideshows and renditions at /v1/display (a credential
on every route but the signed rendition URLs), the web app for the library at / and the web frame at /frame (both
behind the owner's sign-in at /frame/sign-in), plus open /status, /healthz, /readyz and /metrics, from
DISPLAY_WORKERS processes sharing PORT. Photos come from the library tier at METADATA_SERVICE_URL.

Environment:
  PORT                       8081               port to listen on (every address)
  METADATA_SERVICE_URL       (required)         origin of the library tier, e.g. http://library.internal:8082
  PUBLIC_BASE_URL            (required)         origin devices fetch renditions from (https in production)
  RENDITION_SIGNING_KEYS     (required)         comma-separated, at least 32 characters each; the first signs
  SERVICE_TOKENS             (required)         service credentials: the first is sent to the library, all are
                                                accepted from the skill
  DATABASE_URL               one of these two   postgres://… shared by every display instance
  DISPLAY_SQLITE_FILE                           or a SQLite file (one machine)
  DISPLAY_RENDITIONS_DIR     ./data/renditions  rendition cache on disk
  DISPLAY_WORKERS            one per core       processes sharing PORT (a worker that dies is replaced)
  RENDITION_URL_TTL_SECONDS  21600              rendition URL lifetime
  SLIDESHOW_TTL_HOURS        72                 unused slideshows are deleted after this long
  SLIDESHOWS_PER_OWNER       200                each owner keeps at most this many
  AMBIENT_CLIP_SHARE         10                 percent of an ambient frame's items that are clips (0–100), unless
                                                its profile says otherwise
  FRAME_ACCOUNTS             true               web frames link by code and pages need a sign-in; false: pages
                                                opened on this machine show PHOTO_OWNER_ID's library (as npm start)
  PHOTO_OWNER_ID             local              that owner, with FRAME_ACCOUNTS=false
  FRAME_SESSION_KEY          from the first     HMAC key of sign-in sessions (at least 32 characters), the same
                             signing key        on every instance
  AWS_REGION, S3_ENDPOINT                       for s3:// originals (credentials: the AWS SDK's chain)
  LOG_LEVEL                  info               debug, info, warn, error, silent`;

/**
 * `npm run start:display`: the display tier on its own, for the scale-out deployment (the library and the skill
 * run elsewhere): DISPLAY_WORKERS processes (one per core by default) share PORT. The primary brings the schema up
 * to date once before forking, so workers never race to migrate a fresh database.
 */
async function main(): Promise<void> {
  if (cluster.isPrimary) cliArgumentsOrExit({ name: 'start:display', usage: USAGE, options: {} });
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
