import '../common/load-env';
import { cliArgumentsOrExit } from '../common/cli-arguments';
import { createLogger } from '../common/logger';
import { assertPortAvailable } from '../common/port-check';
import { localStackConfigFromEnv, type LocalStackConfig } from './config';
import { allowedHostNames } from './host-check';
import { localSecretsFile } from './local-secrets';

const USAGE = `Usage: npm start [-- --help]

The whole product on one port: the Alexa skill endpoint (POST /alexa), the library and display APIs (/v1), the
web frame (/frame), the device preview (/preview), a home page (/), /healthz, /readyz and /metrics. Without
PHOTOS_DIR it generates a demo library into DATA_DIR/demo-photos first.

Environment (validated at startup):
  PORT                          8080                   the one port
  HOST                          127.0.0.1              listen address; 0.0.0.0 lets other machines in
  DATA_DIR                      ./data                 SQLite database, renditions, demo library, local secrets
  PHOTOS_DIR                    unset → demo library   your photo folder or s3://bucket/prefix
  DATABASE_URL                  unset → SQLite         postgres://… for the library and slideshows
  PUBLIC_BASE_URL               http://localhost:PORT  origin devices fetch renditions from
  SERVICE_TOKENS                generated              the tiers' service credentials, comma-separated
  PHOTO_OWNER_ID                local                  the owner the skill and local pages serve
  VISION                        true                   labels and faces for PHOTOS_DIR (VISION_PROVIDER, …)
  ALEXA_VERIFY_REQUESTS         true                   Alexa signature checks on POST /alexa
  ALEXA_ACCEPT_LOCAL_SIMULATOR  true                   accept npm run alexa (loopback only)
  ALEXA_SKILL_ID                unset                  reject requests for other skills
  RENDITION_SIGNING_KEY         generated              HMAC key for rendition URLs
  RENDITION_URL_TTL_SECONDS     21600                  rendition URL lifetime
  FRAME_ACCOUNTS                false                  web frames show a code until an owner links them
  SLIDESHOW_TTL_HOURS           72                     unused slideshows are deleted after this long
  SLIDESHOWS_PER_OWNER          200                    each owner keeps at most this many
  SKILL_TIME_ZONE               this machine's zone    where "today" is when the device does not say
  LOG_LEVEL                     info                   debug, info, warn, error, silent
The README's configuration table has the rest.`;

/** `npm start`: the whole product on one port. */
async function main(): Promise<void> {
  cliArgumentsOrExit({ name: 'npm start', usage: USAGE, options: {} });
  const config = localStackConfigFromEnv();
  const logger = createLogger(config.logLevel, { service: 'photo-frame' });
  // Before the demo library is generated or anything ingested: a taken port is reported in a moment, not minutes.
  await assertPortAvailable(config.port, config.host, portAdvice(config.port));
  // Loaded only now: the tiers take seconds to load, and help or a taken port should not wait for them.
  const { startLocalStack } = await import('./local-stack');
  const stack = await startLocalStack(config, { logger });
  const { warmUpInBackground } = await import('../metadata-service/query-text/warm-up');
  const { warmUpConnectionsInBackground } = await import('../common/database-warm-up');
  warmUpInBackground(logger);
  warmUpConnectionsInBackground(() => stack.warmUp(), logger);
  const library = config.photosDir ?? `${config.dataDir}/demo-photos (generated demo content)`;
  process.stdout.write(
    [
      `Photo Frame is listening on ${stack.url}`,
      ...reachability(config, stack.port),
      `  credentials     owner token in ${localSecretsFile(config.dataDir)} (ownerToken); more: npm run credentials -- create`,
      `  skill endpoint  POST ${stack.url}/alexa  (Alexa request verification ${config.verifyAlexaRequests ? 'on' : 'OFF'})`,
      `  library API     ${stack.url}/v1/library   display API ${stack.url}/v1/display   health ${stack.url}/healthz`,
      `  photos          ${library}`,
      `  data            ${config.dataDir}${config.databaseUrl ? ' + PostgreSQL' : ' (SQLite)'}`,
      `Try it: npm run alexa -- "show beach photos from last summer" --device "Echo Show 8"`,
      '',
    ].join('\n'),
  );
  const stop = (signal: string): void => {
    logger.info('shutting down', { signal });
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // The usual daemon "look again": walk PHOTOS_DIR now, e.g. after freeing disk space or restoring a folder.
  process.on('SIGHUP', () => {
    logger.info('rescanning PHOTOS_DIR', { signal: 'SIGHUP' });
    void stack.rescan();
  });
}

function portAdvice(port: number): string {
  return `Stop the program that holds it (\`lsof -i :${port}\` or \`ss -ltnp\` shows which), or start on another port: PORT=${port + 1} npm start`;
}

/** What the banner says about who can reach the stack, so exposing it is never an accident. */
function reachability(config: LocalStackConfig, port: number): string[] {
  const hosts = [...allowedHostNames({ publicBaseUrl: config.publicBaseUrl, host: config.host })].join(', ');
  if (isLoopbackAddress(config.host)) {
    return [
      `  reachable from  this machine only (${config.host}:${port}); HOST=0.0.0.0 lets other machines in`,
    ];
  }
  return [
    `  reachable from  OTHER MACHINES too (${config.host}:${port}): /v1 needs a credential, /frame and /preview a`,
    `                  sign-in (opened here they need none), renditions are signed URLs; Host must be one of ${hosts}`,
  ];
}

function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Photo Frame failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
