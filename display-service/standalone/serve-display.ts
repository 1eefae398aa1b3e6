import { S3Client } from '@aws-sdk/client-s3';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import express from 'express';
import { Authenticator } from '../../common/auth/authenticator';
import { LibraryCredentialVerifier } from '../../common/auth/library-credential-verifier';
import { authenticateRequests } from '../../common/auth/request-principal';
import { ServiceCredentials } from '../../common/auth/service-credentials';
import { errorMiddleware, notFoundRoute } from '../../common/http/error-middleware';
import type { Logger } from '../../common/logger';
import { servedMetrics } from '../../common/metrics/cluster-metrics';
import { metricsRoute } from '../../common/metrics/metrics-route';
import { processMetrics } from '../../common/metrics/process-metrics';
import { warmUpConnectionsInBackground } from '../../common/database-warm-up';
import { createDisplay, DISPLAY_KEPT_CONNECTIONS, NotReadyError } from '../display';
import type { StandaloneDisplayConfig } from './config';
import { createWebAppLibraryHttpClient } from '../webapp/server/webapp-library';
import { displayHomePage } from './home-page';
import { libraryStatusSource } from './library-status';
import type { StopServing } from '../../common/worker-processes';

/**
 * One display process: the display API at /v1/display with cached renditions answered on bare node:http first,
 * plus /healthz (with this process's pid, so a load test can see the workers share the load), /readyz and
 * /metrics. Photos come from the metadata service over HTTP, originals from disk or S3.
 */
export async function serveDisplay(config: StandaloneDisplayConfig, logger: Logger): Promise<StopServing> {
  const s3Client = config.s3
    ? new S3Client({
        region: config.s3.region,
        ...(config.s3.endpoint ? { endpoint: config.s3.endpoint, forcePathStyle: true } : {}),
      })
    : undefined;
  const services = new ServiceCredentials(config.serviceTokens);
  // Person credentials live in the library's database: the library says whose a token is.
  const authenticator = new Authenticator(
    services,
    new LibraryCredentialVerifier(config.libraryUrl, Date.now, services.outgoing),
  );
  // The web app's library: what the frame uses plus people and faces, for the session's owner.
  const library = createWebAppLibraryHttpClient(`${config.libraryUrl}/v1/library`, {
    credential: services.outgoing,
  });
  const display = await createDisplay({
    database: config.database,
    keptConnections: DISPLAY_KEPT_CONNECTIONS,
    library,
    renditionsDir: config.renditionsDir,
    publicBaseUrl: config.publicBaseUrl,
    signingKeys: config.signingKeys,
    urlTtlSeconds: config.urlTtlSeconds,
    logger,
    s3Client,
    retention: config.retention,
    frame: config.frame,
    // The web app's and the frame's sign-in sessions, checked with the library on every page (30 s cache).
    session: {
      key: config.sessionKey,
      authenticator,
      secureCookie: config.publicBaseUrl.startsWith('https:'),
    },
    ...(config.ambientClipSharePercent === undefined
      ? {}
      : { ambientClipSharePercent: config.ambientClipSharePercent }),
  });
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', pid: process.pid });
  });
  app.get('/readyz', (_req, res) => {
    display.ready().then(
      () => res.json({ status: 'ready' }),
      (error: unknown) =>
        res.status(503).json({
          status: 'not-ready',
          reasons: error instanceof NotReadyError ? error.reasons : ['display is not ready'],
        }),
    );
  });
  // Summed over every worker process, whichever one the scrape reaches.
  app.get('/metrics', metricsRoute(servedMetrics([processMetrics(), display.metrics.registry])));
  // The tier's own status page (no owner data); `/` is the web app, behind the owner's sign-in.
  app.get(
    '/status',
    displayHomePage(() => display.ready()),
  );
  app.use(
    display.webAppRouter({
      library,
      status: libraryStatusSource({
        library,
        libraryUrl: config.libraryUrl,
        displayReady: () => display.ready(),
      }),
    }),
  );
  app.use('/v1', authenticateRequests(authenticator));
  app.use('/v1/display', display.router);
  // The web frame and its sign-in page (where the web app sends a browser without a session), and the preview.
  app.use('/frame', display.frameRouter);
  app.use('/preview', display.previewRouter);
  app.use(notFoundRoute);
  app.use(errorMiddleware(logger));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!display.handleRenditionRequest(req, res)) app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => resolve());
  });
  logger.info('display listening', { port: config.port, pid: process.pid });
  warmUpConnectionsInBackground(() => display.warmUp(), logger);
  return async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await display.close();
    s3Client?.destroy();
  };
}
