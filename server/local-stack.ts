import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import type { DatabaseLocation } from '../common/database';
import { errorMiddleware, notFoundRoute } from '../common/http/error-middleware';
import { createLogger, type Logger } from '../common/logger';
import { createDisplay } from '../display-service/display';
import { createSkill } from '../lambda/skill';
import { ensureDemoLibrary } from '../metadata-service/demo/demo-library';
import { createS3Client } from '../metadata-service/ingest/source-for';
import { createLibrary } from '../metadata-service/library';
import { alexaEndpoint } from './alexa-endpoint';
import type { LocalStackConfig } from './config';
import { IngestStatus } from './ingest-status';
import { loadOrCreateLocalSecrets } from './local-secrets';

export { localStackConfigFromEnv } from './config';

export interface LocalStack {
  /** Origin the stack answers on, e.g. http://localhost:8080. */
  url: string;
  port: number;
  /** Resolves when the startup ingest is over (at once for the demo library, which is ingested before listening). */
  ingestDone: Promise<void>;
  close(): Promise<void>;
}

export interface LocalStackDeps {
  logger?: Logger;
  /** The day the demo library's dates are relative to (tests pin it). */
  today?: Date;
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
  mkdirSync(config.dataDir, { recursive: true });
  const secrets = loadOrCreateLocalSecrets(config.dataDir);

  const library = await createLibrary({
    database: databaseFor(config, 'library'),
    logger: logger.child({ tier: 'library' }),
    defaultOwnerId: config.ownerId,
    albumFolders: config.albumFolders,
    s3: config.s3,
  });
  const status = new IngestStatus();
  let ingestDone: Promise<void>;
  if (config.photosDir === undefined) {
    // The demo library is small; ingest it before answering so the first request already finds photos.
    const demoDir = join(config.dataDir, 'demo-photos');
    await ensureDemoLibrary(demoDir, deps.today ?? new Date());
    await status.track(
      library.ingest(demoDir, { ownerId: config.ownerId, onProgress: (p) => status.progress(p) }),
    );
    ingestDone = Promise.resolve();
  } else {
    // A real library may take minutes: serve at once and report progress on /healthz.
    const photosDir = config.photosDir;
    ingestDone = status
      .track(library.ingest(photosDir, { ownerId: config.ownerId, onProgress: (p) => status.progress(p) }))
      .then(
        (report) => logger.info('ingest finished', { photosDir, ...summarize(report) }),
        (error: unknown) => logger.error('ingest failed', { photosDir, error }),
      );
  }

  // Until every tier is wired, answer 503 rather than leave an early request hanging.
  const starting = (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(JSON.stringify({ error: { code: 'STARTING', message: 'Photo Frame is starting' } }));
  };
  const server = createServer(starting);
  const port = await listen(server, config.port);
  const url = `http://localhost:${port}`;

  // Originals in S3 are fetched by the display tier itself (never through the library).
  const s3Client = config.s3 ? createS3Client(config.s3) : undefined;
  const display = await createDisplay({
    database: databaseFor(config, 'display'),
    library: library.api,
    renditionsDir: join(config.dataDir, 'renditions'),
    publicBaseUrl: config.publicBaseUrl ?? url,
    signingKey: config.renditionSigningKey ?? secrets.renditionSigningKey,
    urlTtlSeconds: config.renditionUrlTtlSeconds,
    logger: logger.child({ tier: 'display' }),
    s3Client,
  });
  const skill = createSkill({
    display: display.api,
    library: library.api,
    ownerIdFor: () => config.ownerId,
    logger: logger.child({ tier: 'skill' }),
    skillId: config.skillId,
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', ingest: status.snapshot() });
  });
  // Prometheus scrape endpoint (text format 0.0.4): rendition sources per cache tier, render latency, bytes served.
  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4').send(display.metrics.toPrometheus());
  });
  app.use(
    '/alexa',
    alexaEndpoint(skill, {
      verifyRequests: config.verifyAlexaRequests,
      simulatorToken: config.acceptLocalSimulator ? secrets.simulatorToken : undefined,
    }),
  );
  app.use('/v1/library', library.router);
  app.use('/v1/display', display.router);
  app.use(notFoundRoute);
  app.use(errorMiddleware(logger));
  server.off('request', starting);
  // Hot renditions are answered on plain node:http before express: a cached hit is most of the traffic a frame makes.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!display.handleRenditionRequest(req, res)) app(req, res);
  });

  if (!config.verifyAlexaRequests) {
    logger.warn('Alexa request verification is OFF (ALEXA_VERIFY_REQUESTS=false): do not expose this port');
  }

  return {
    url,
    port,
    ingestDone,
    close: async () => {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      await ingestDone;
      await display.close();
      await library.close();
      s3Client?.destroy();
    },
  };
}

function databaseFor(config: LocalStackConfig, tier: 'library' | 'display'): DatabaseLocation {
  if (config.databaseUrl !== undefined) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'sqlite', file: join(config.dataDir, `${tier}.sqlite`) };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

function summarize(report: { added: number; updated: number; unchanged: number; skipped: unknown[] }) {
  return {
    added: report.added,
    updated: report.updated,
    unchanged: report.unchanged,
    skipped: report.skipped.length,
  };
}
