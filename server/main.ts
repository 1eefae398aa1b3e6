import '../common/load-env';
import { createLogger } from '../common/logger';
import { localStackConfigFromEnv, type LocalStackConfig } from './config';
import { allowedHostNames } from './host-check';
import { localSecretsFile } from './local-secrets';
import { startLocalStack } from './local-stack';

/** `npm start`: the whole product on one port. */
async function main(): Promise<void> {
  const config = localStackConfigFromEnv();
  const logger = createLogger(config.logLevel, { service: 'photo-frame' });
  const stack = await startLocalStack(config, { logger });
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
