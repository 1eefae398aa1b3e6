/**
 * The display as the bench measures it, in its own process (so its RSS is its own): the router mounted at
 * /v1/display behind express, with Display.handleRenditionRequest in front for cached renditions (unless
 * `--express-only`). With `workers` > 1 it runs as `npm run start:display` does in production: that many worker
 * processes share the port (common/worker-processes.ts). Prints `READY <port>` when every
 * process listens; stops on SIGTERM.
 * Usage: tsx bench/display/serve-display.ts '<json BenchServerConfig>'
 */
import cluster from 'node:cluster';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { openDatabase, type DatabaseLocation } from '../../common/database';
import { createLogger } from '../../common/logger';
import { migrateDisplayDatabase } from '../../display-service/database/migrations';
import type { DisplayDatabase } from '../../display-service/database/schema';
import { createDisplay } from '../../display-service/display';
import { serveInWorkerProcesses } from '../../common/worker-processes';
import { BenchLibrary } from './bench-library';
import { Authenticator } from '../../common/auth/authenticator';
import { authenticateRequests } from '../../common/auth/request-principal';
import { ServiceCredentials } from '../../common/auth/service-credentials';
import { BENCH_SERVICE_TOKEN } from './bench-credentials';
import { TWELVE_MP } from './fixtures';

export interface BenchServerConfig {
  files: string[];
  copies: number;
  dataDir: string;
  signingKey: string;
  expressOnly: boolean;
  /** Processes sharing the port (default 1). */
  workers?: number;
}

const SHARED_PORT = 'BENCH_DISPLAY_SHARED_PORT';

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as BenchServerConfig;
  await mkdir(config.dataDir, { recursive: true });
  const workers = config.workers ?? 1;
  const database: DatabaseLocation = { kind: 'sqlite', file: join(config.dataDir, 'library.sqlite') };
  if (workers > 1 && cluster.isPrimary) {
    const port = await freePort();
    let listening = 0;
    cluster.on('listening', () => {
      listening += 1;
      if (listening === workers) process.stdout.write(`READY ${port}\n`);
    });
    // As start:display does: the schema once, before the workers race to create it on a fresh file.
    const db = openDatabase<DisplayDatabase>(database);
    await migrateDisplayDatabase(db, createLogger('warn'));
    await db.destroy();
    // Forked workers inherit the environment: that is how they learn the port they share.
    process.env[SHARED_PORT] = String(port);
    await serveInWorkerProcesses(
      workers,
      () => Promise.resolve(() => Promise.resolve()),
      createLogger('warn'),
    );
    return;
  }
  const port = workers > 1 ? Number(process.env[SHARED_PORT]) : 0;
  const app = express();
  app.disable('x-powered-by');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listeningPort = (server.address() as AddressInfo).port;
  const display = await createDisplay({
    database,
    library: new BenchLibrary(config.files, config.copies, TWELVE_MP),
    renditionsDir: join(config.dataDir, 'renditions'),
    publicBaseUrl: `http://127.0.0.1:${listeningPort}`,
    signingKey: config.signingKey,
    urlTtlSeconds: 6 * 3600,
    logger: createLogger('warn'),
  });
  app.use(
    '/v1',
    authenticateRequests(new Authenticator(new ServiceCredentials([BENCH_SERVICE_TOKEN]), undefined)),
  );
  app.use('/v1/display', display.router);
  server.on('request', (req, res) => {
    if (!config.expressOnly && display.handleRenditionRequest(req, res)) return;
    app(req, res);
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close();
    void display.close().then(() => process.exit(0));
  });
  if (workers === 1) process.stdout.write(`READY ${listeningPort}\n`);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

void main();
