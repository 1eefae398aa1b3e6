import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { Authenticator } from '../common/auth/authenticator';
import type { CredentialRepository } from '../common/auth/credential-repository';
import { authenticateRequests } from '../common/auth/request-principal';
import { ServiceCredentials } from '../common/auth/service-credentials';
import { SERVER_KEPT_CONNECTIONS, type DatabaseLocation } from '../common/database';
import { errorMiddleware, notFoundRoute } from '../common/http/error-middleware';
import { createLogger, type Logger } from '../common/logger';
import { metricsRoute } from '../common/metrics/metrics-route';
import { localMetrics } from '../common/metrics/metrics-source';
import { processMetrics } from '../common/metrics/process-metrics';
import { DISPLAY_KEPT_CONNECTIONS, NotReadyError, createDisplay } from '../display-service/display';
import { openDatabaseSettingsStore } from '../lambda/persistence/database-settings-store';
import { createSkill } from '../lambda/skill';
import { ensureDemoLibrary } from '../metadata-service/demo/demo-library';
import { createS3Client } from '../metadata-service/ingest/source-for';
import { createLibrary } from '../metadata-service/library';
import { alexaEndpoint } from './alexa-endpoint';
import type { LocalStackConfig } from './config';
import { prepareDataDir } from './data-dir';
import { EMBEDDED_SQLITE_POLICIES, EmbeddedJobs } from './embedded-jobs';
import { IngestStatus, publicVisionProgress } from './ingest-status';
import { followPhotos } from './follow-photos';
import { QueueVisionProgress } from './queue-vision-progress';
import type { QueueName, RetryPolicy } from '../metadata-service/jobs/queue-definitions';
import { assertPhotosDirExists } from './photos-dir';
import { admitHost, allowedHostNames } from './host-check';
import { routeTable, type MountedRoute } from './route-table';
import { loadOrCreateLocalSecrets, updateLocalSecrets } from './local-secrets';

/** The label of the credential the stack makes for its local owner (what `npm run credentials -- list` shows). */
export const LOCAL_OWNER_CREDENTIAL_LABEL = 'local owner (npm start)';

export { localStackConfigFromEnv } from './config';

export interface LocalStack {
  /** Origin the stack answers on, e.g. http://localhost:8080. */
  url: string;
  port: number;
  /** The address it listens on (127.0.0.1 unless HOST said otherwise). */
  host: string;
  /** The local owner's full credential, also in DATA_DIR/local-secrets.json as `ownerToken`. */
  ownerToken: string;
  /** The service credential the tiers send (the first of SERVICE_TOKENS, or the generated one). */
  serviceToken: string;
  /** Every route of the library and display APIs as mounted (`/v1/…`), read from the routers themselves. */
  apiRoutes: MountedRoute[];
  /** Every route of the web frame and preview pages (`/frame/…`, `/preview/…`, their APIs included). */
  pageRoutes: MountedRoute[];
  /** Resolves when the startup ingest is over (at once for the demo library, which is ingested before listening). */
  ingestDone: Promise<void>;
  /** Walks PHOTOS_DIR again now (SIGHUP): new and changed files indexed, vanished ones removed. */
  rescan(): Promise<void>;
  /** Opens the library's and the display's kept PostgreSQL connections before requests need them (nothing on SQLite). */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export interface LocalStackDeps {
  logger?: Logger;
  /** The day the demo library's dates are relative to (tests pin it). */
  today?: Date;
  /**
   * The job queue's retry policies, per queue, over the embedded defaults (embedded-jobs.ts): tests shorten the
   * backoff of failed passes and vision jobs.
   */
  jobPolicies?: Partial<Record<QueueName, RetryPolicy>>;
  /**
   * Shorthand for the ingest policy's backoff (fault tests): the first wait after a failed pass and the longest.
   * Default 30 s doubling up to 15 minutes.
   */
  ingestRetryDelaysMs?: readonly number[];
  /** How long close() lets jobs in flight finish before handing them back to the queue (default 5 s). */
  jobGraceMs?: number;
  /** "Now" for the skill's relative dates ("this weekend", "on this day"); the acceptance eval pins it. */
  now?: () => Date;
}

/**
 * The embedded default: skill endpoint, library and display on one port, SQLite (or PostgreSQL) and a local
 * folder of originals. The tiers are wired in-process through the same interfaces they serve over HTTP.
 */
export async function startLocalStack(
  config: LocalStackConfig,
  deps: LocalStackDeps = {},
): Promise<LocalStack> {
  const logger = deps.logger ?? createLogger(config.logLevel, { service: 'photo-frame' });
  assertPhotosDirExists(config.photosDir);
  prepareDataDir(config.dataDir);
  const secrets = loadOrCreateLocalSecrets(config.dataDir);

  // One database for both tiers (the library's file, or DATABASE_URL): each keeps to its own tables and migrations.
  const database = databaseFor(config);
  // The display is made after the library (it reads photos through it); until then no photo can be cached there.
  let forgetPhoto: (ownerId: string, photoId: string) => void = () => undefined;
  // No vision settings for the library itself: PHOTOS_DIR's photos are analysed by vision jobs on the job queue,
  // and the demo library has nothing to find.
  const library = await createLibrary({
    database,
    logger: logger.child({ tier: 'library' }),
    albumFolders: config.albumFolders,
    s3: config.s3,
    // A photo hidden through the API is refused by the display at once, not within the minute it keeps facts.
    onPhotoChanged: (ownerId, photoId) => forgetPhoto(ownerId, photoId),
    keptConnections: SERVER_KEPT_CONNECTIONS,
  });
  const status = new IngestStatus();
  let ingestDone: Promise<void>;
  let jobs: EmbeddedJobs | undefined;
  if (config.photosDir === undefined) {
    // The demo library is small; ingest it before answering so the first request already finds photos.
    const demoDir = join(config.dataDir, 'demo-photos');
    await ensureDemoLibrary(demoDir, deps.today ?? new Date());
    // The generated demo photos have no faces or objects to find: vision would only burn CPU at startup.
    await status.track(
      library.ingest(demoDir, {
        ownerId: config.ownerId,
        onProgress: (p) => status.progress(p),
        vision: 'off',
      }),
      demoDir,
    );
    ingestDone = Promise.resolve();
  } else {
    // A real library may take minutes: serve at once and report progress on /healthz. Passes and each photo's
    // vision go through the job queue in the library's database, worked in this process (embedded-jobs.ts): a
    // failed pass is retried with backoff, and a restart resumes what the last run left in the queue.
    jobs = await EmbeddedJobs.start({
      database,
      photosDir: config.photosDir,
      ownerId: config.ownerId,
      vision: config.vision,
      s3: config.s3,
      albumFolders: config.albumFolders,
      status,
      logger,
      policies: jobPoliciesOf(deps),
      graceMs: deps.jobGraceMs,
      schema: config.jobsSchema,
    });
    ingestDone = jobs.startupPass;
  }
  // New, changed, moved and deleted photos are indexed while the stack runs (WATCH_PHOTOS, WATCH_RESCAN_MINUTES).
  const queued = jobs;
  const follower =
    config.photosDir === undefined || queued === undefined
      ? undefined
      : followPhotos({
          photosDir: config.photosDir,
          settings: config.followPhotos,
          jobs: queued,
          status,
          startAfter: ingestDone,
          logger,
        });
  const demoVision = new QueueVisionProgress(false);

  // Until every tier is wired, answer 503 rather than leave an early request hanging.
  const starting = (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(JSON.stringify({ error: { code: 'STARTING', message: 'Photo Frame is starting' } }));
  };
  const server = createServer(starting);
  const port = await listen(server, config.port, config.host);
  const url = `http://localhost:${port}`;
  const allowedHosts = allowedHostNames({ publicBaseUrl: config.publicBaseUrl, host: config.host });

  const serviceTokens = config.serviceTokens ?? [secrets.serviceToken];
  const authenticator = new Authenticator(new ServiceCredentials(serviceTokens), library.credentials);
  const ownerToken = await ensureOwnerToken(config, library.credentials, secrets.ownerToken);

  // Originals in S3 are fetched by the display tier itself (never through the library).
  const s3Client = config.s3 ? createS3Client(config.s3) : undefined;
  const display = await createDisplay({
    database,
    keptConnections: DISPLAY_KEPT_CONNECTIONS,
    library: library.api,
    renditionsDir: join(config.dataDir, 'renditions'),
    publicBaseUrl: config.publicBaseUrl ?? url,
    signingKey: config.renditionSigningKey ?? secrets.renditionSigningKey,
    urlTtlSeconds: config.renditionUrlTtlSeconds,
    logger: logger.child({ tier: 'display' }),
    s3Client,
    // By default every web frame shows the local owner's library; with FRAME_ACCOUNTS a frame shows a code until
    // an owner links it ("Alexa, ask Photo Frame to link frame 4821").
    frame: { accounts: config.frameAccounts, ownerId: config.ownerId },
    retention: config.retention,
    ...(config.ambientClipSharePercent === undefined
      ? {}
      : { ambientClipSharePercent: config.ambientClipSharePercent }),
    session: {
      key: secrets.sessionKey,
      authenticator,
      secureCookie: (config.publicBaseUrl ?? url).startsWith('https:'),
    },
  });
  forgetPhoto = (ownerId, photoId) => display.forgetPhoto(ownerId, photoId);
  const skillLogger = logger.child({ tier: 'skill' });
  // Per-user settings (interval, shuffle, positions…) in the same database, in the skill's own table.
  const userSettings = await openDatabaseSettingsStore(database, { logger: skillLogger });
  const skill = createSkill({
    display: display.api,
    library: library.api,
    identity: { kind: 'local', ownerId: config.ownerId },
    userSettings,
    logger: skillLogger,
    skillId: config.skillId,
    timeZone: config.skillTimeZone,
    now: deps.now,
  });

  const app = express();
  app.disable('x-powered-by');
  // Liveness: the process serves (200) even when the startup ingest failed, since a restart would not repair a
  // read-only database or an unreadable folder; 'degraded' and the ingest's reason tell the operator what did fail.
  const health = async () => {
    const ingest = status.snapshot();
    const watch = follower?.snapshot();
    const degraded = ingest.state === 'failed' || watch?.watcher === 'failed';
    const vision = jobs ? await jobs.visionProgress() : demoVision.snapshot(undefined);
    return {
      status: degraded ? ('degraded' as const) : ('ok' as const),
      ingest,
      vision: { ...vision, ...publicVisionProgress(vision, config.photosDir) },
      ...(watch ? { watch } : {}),
    };
  };
  app.get('/healthz', (_req, res, next) => {
    health().then((body) => res.json(body), next);
  });
  // Readiness (for a load balancer): 200 only while every tier can serve; 503 names what is wrong.
  const notReady = () =>
    notReadyReasons({ library: () => library.ready(), display: () => display.ready() }, logger);
  app.get('/readyz', async (_req, res) => {
    const reasons = await notReady();
    if (reasons.length === 0) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'not-ready', reasons });
  });
  // The web app for the library (display-service/webapp/), behind the same page session as /frame.
  app.use(
    display.webAppRouter({
      library: library.api,
      status: async (ownerId) => {
        const [photoCount, notReadyNow] = await Promise.all([
          library.api.search(ownerId, { limit: 1 }).then((answer) => answer.total),
          notReady(),
        ]);
        const { ingest, vision } = await health();
        return { photoCount, ingest, vision, skipped: status.skippedFiles(), notReady: notReadyNow };
      },
    }),
  );
  // Prometheus scrape endpoint: process metrics, rendition sources per cache tier, render latency, bytes served.
  // With PHOTOS_DIR, the job queue's counts too (photoframe_library_jobs{queue, state}).
  app.get(
    '/metrics',
    metricsRoute(
      localMetrics([processMetrics(), display.metrics.registry, ...(jobs ? [jobs.metrics()] : [])]),
    ),
  );
  app.use(
    '/alexa',
    alexaEndpoint(skill, {
      verifyRequests: config.verifyAlexaRequests,
      simulatorToken: config.acceptLocalSimulator ? secrets.simulatorToken : undefined,
    }),
  );
  // A bearer credential, when sent, is checked here for every /v1 route; each router then refuses a request
  // without one (renditions excepted: signed URLs are their own capability).
  app.use('/v1', authenticateRequests(authenticator));
  app.use('/v1/library', library.router);
  app.use('/v1/display', display.router);
  app.use('/frame', display.frameRouter);
  app.use('/preview', display.previewRouter);
  app.use(notFoundRoute);
  app.use(errorMiddleware(logger));
  server.off('request', starting);
  // Hot renditions are answered on plain node:http before express: a cached hit is most of the traffic a frame makes.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!admitHost(allowedHosts, req, res)) return;
    if (!display.handleRenditionRequest(req, res)) app(req, res);
  });

  if (!config.verifyAlexaRequests) {
    logger.warn('Alexa request verification is OFF (ALEXA_VERIFY_REQUESTS=false): do not expose this port');
  }

  return {
    url,
    port,
    host: config.host,
    ownerToken,
    serviceToken: serviceTokens[0] ?? secrets.serviceToken,
    apiRoutes: routeTable([
      ['/v1/library', library.router],
      ['/v1/display', display.router],
    ]),
    pageRoutes: routeTable([
      ['/frame', display.frameRouter],
      ['/preview', display.previewRouter],
    ]),
    ingestDone,
    rescan: () => jobs?.rescan() ?? Promise.resolve(),
    warmUp: async () => {
      await Promise.all([library.warmUp(), display.warmUp()]);
    },
    close: async () => {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      // The follower first stops queueing; closing the queue then ends the waits of passes still queued.
      const followerClosed = follower?.close();
      await jobs?.close();
      await followerClosed;
      await ingestDone;
      await display.close();
      await userSettings.close();
      await library.close();
      s3Client?.destroy();
    },
  };
}

function jobPoliciesOf(deps: LocalStackDeps): Partial<Record<QueueName, RetryPolicy>> | undefined {
  const delays = deps.ingestRetryDelaysMs;
  if (delays === undefined || delays.length === 0) return deps.jobPolicies;
  const ingest: RetryPolicy = {
    ...EMBEDDED_SQLITE_POLICIES.ingest,
    retryDelaySeconds: (delays[0] ?? 30_000) / 1000,
    maxRetryDelaySeconds: Math.max(...delays) / 1000,
  };
  return { ingest, ...deps.jobPolicies };
}

/**
 * PostgreSQL when DATABASE_URL is set, else `DATA_DIR/library.sqlite`. Slideshows used to live in their own
 * `display.sqlite`; that file is no longer read (its slideshows were short-lived anyway).
 */
function databaseFor(config: LocalStackConfig): DatabaseLocation {
  if (config.databaseUrl !== undefined) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'sqlite', file: join(config.dataDir, 'library.sqlite') };
}

/**
 * Runs each tier's readiness check; a tier that fails contributes its reasons, prefixed with its name. Causes
 * other than a NotReadyError's public reasons (driver errors naming hosts) go to the log, not the answer.
 */
async function notReadyReasons(
  checks: Record<string, () => Promise<void>>,
  logger: Logger,
): Promise<string[]> {
  const reasons = await Promise.all(
    Object.entries(checks).map(async ([tier, check]) => {
      try {
        await check();
        return [];
      } catch (error) {
        if (error instanceof NotReadyError) return error.reasons.map((reason) => `${tier}: ${reason}`);
        logger.warn('not ready', { tier, error });
        return [`${tier}: does not answer`];
      }
    }),
  );
  return reasons.flat();
}

/**
 * The local owner's credential from local-secrets.json while it is still active in this database; otherwise (first
 * run, a new database, or the old one revoked) a new full-owner credential, written back to the file.
 */
async function ensureOwnerToken(
  config: LocalStackConfig,
  credentials: CredentialRepository,
  current: string | undefined,
): Promise<string> {
  if (current !== undefined) {
    const principal = await credentials.verify(current);
    if (principal?.ownerId === config.ownerId) return current;
  }
  const { token } = await credentials.create({
    ownerId: config.ownerId,
    scopes: ['owner'],
    label: LOCAL_OWNER_CREDENTIAL_LABEL,
  });
  updateLocalSecrets(config.dataDir, { ownerToken: token });
  return token;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}
