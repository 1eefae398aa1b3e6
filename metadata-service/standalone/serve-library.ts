import { createServer } from 'node:http';
import express from 'express';
import { Authenticator } from '../../common/auth/authenticator';
import { authenticateRequests } from '../../common/auth/request-principal';
import { ServiceCredentials } from '../../common/auth/service-credentials';
import { errorMiddleware, notFoundRoute } from '../../common/http/error-middleware';
import type { Logger } from '../../common/logger';
import { servedMetrics } from '../../common/metrics/cluster-metrics';
import { metricsRoute } from '../../common/metrics/metrics-route';
import { processMetrics } from '../../common/metrics/process-metrics';
import { NotReadyError } from '../../common/readiness';
import type { StopServing } from '../../common/worker-processes';
import { LibraryMetrics } from '../http/library-metrics';
import { openJobQueue } from '../jobs/open-job-queue';
import { queueMetrics } from '../jobs/queue-metrics';
import { ownerVisionJobs } from '../jobs/queue-progress';
import { jobsSchemaFrom } from '../jobs/worker-config';
import { createLibrary } from '../library';
import { warmUpInBackground } from '../query-text/warm-up';
import { SERVER_KEPT_CONNECTIONS } from '../../common/database';
import { warmUpConnectionsInBackground } from '../../common/database-warm-up';
import { libraryHomePage } from './home-page';
import { followIngestState, startupIngest } from './ingest-relay';
import type { StandaloneLibraryConfig } from './config';

/**
 * One library process: the library API at /v1/library behind the same authentication as in the embedded stack
 * (service credentials from SERVICE_TOKENS, person credentials from the library's own database), plus /healthz
 * (with this process's pid), /readyz (the database answers and takes writes) and /metrics. It never ingests: the
 * primary process does that once (main.ts), so workers are pure readers and writers of the API.
 */
export async function serveLibrary(config: StandaloneLibraryConfig, logger: Logger): Promise<StopServing> {
  const library = await createLibrary({
    database: config.database,
    logger,
    albumFolders: config.albumFolders,
    // Face crops read originals, which may be in S3 even when this instance ingests nothing.
    s3: config.s3,
    keptConnections: SERVER_KEPT_CONNECTIONS,
  });
  const authenticator = new Authenticator(new ServiceCredentials(config.serviceTokens), library.credentials);
  const metrics = new LibraryMetrics();
  // The job queue is only looked at here (counts for /metrics and /healthz); `npm run worker` works it.
  const jobs = await openJobQueue(config.database, {
    logger,
    schema: jobsSchemaFrom(process.env),
    producerOnly: true,
  });

  const app = express();
  app.disable('x-powered-by');
  followIngestState();
  // Liveness, as in the embedded stack: 200 while the process serves; 'degraded' when the startup ingest failed.
  app.get('/healthz', (_req, res) => {
    const ingest = startupIngest();
    void ownerVisionJobs(jobs, config.ownerId).then((visionJobs) =>
      res.json({
        status: ingest?.state === 'failed' ? 'degraded' : 'ok',
        pid: process.pid,
        ...(ingest ? { ingest } : {}),
        // PHOTO_OWNER_ID's photos still waiting for vision in the job queue (null: the queue did not answer).
        vision: { ownerId: config.ownerId, jobs: visionJobs ?? null },
      }),
    );
  });
  app.get('/readyz', (_req, res) => {
    library.ready().then(
      () => res.json({ status: 'ready' }),
      (error: unknown) =>
        res.status(503).json({
          status: 'not-ready',
          reasons: error instanceof NotReadyError ? error.reasons : ['library is not ready'],
        }),
    );
  });
  // Process metrics next to the library's, summed over every worker process, whichever one the scrape reaches.
  app.get(
    '/metrics',
    metricsRoute(servedMetrics([processMetrics(), metrics.registry, queueMetrics(jobs, logger)])),
  );
  app.get(
    '/',
    libraryHomePage(() => library.ready(), startupIngest),
  );
  app.use('/v1/library', metrics.middleware());
  app.use('/v1', authenticateRequests(authenticator));
  app.use('/v1/library', library.router);
  app.use(notFoundRoute);
  app.use(errorMiddleware(logger));

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  logger.info('library listening', { host: config.host, port: config.port, pid: process.pid });
  warmUpInBackground(logger);
  warmUpConnectionsInBackground(() => library.warmUp(), logger);
  return async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await jobs.stop({ graceMs: 1000 });
    await library.close();
  };
}
