/**
 * The display as the bench measures it, in its own process (so its RSS is its own): the router mounted at
 * /v1/display behind express, with Display.handleRenditionRequest in front for cached renditions (unless
 * `--express-only`). Prints `READY <port>` when listening; stops on SIGTERM.
 * Usage: tsx bench/display/serve-display.ts '<json BenchServerConfig>'
 */
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { createLogger } from '../../common/logger';
import { createDisplay } from '../../display-service/display';
import { BenchLibrary } from './bench-library';
import { TWELVE_MP } from './fixtures';

export interface BenchServerConfig {
  files: string[];
  copies: number;
  dataDir: string;
  signingKey: string;
  expressOnly: boolean;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as BenchServerConfig;
  await mkdir(config.dataDir, { recursive: true });
  const app = express();
  app.disable('x-powered-by');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const display = await createDisplay({
    database: { kind: 'sqlite', file: join(config.dataDir, 'library.sqlite') },
    library: new BenchLibrary(config.files, config.copies, TWELVE_MP),
    renditionsDir: join(config.dataDir, 'renditions'),
    publicBaseUrl: `http://127.0.0.1:${port}`,
    signingKey: config.signingKey,
    urlTtlSeconds: 6 * 3600,
    logger: createLogger('warn'),
  });
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
  process.stdout.write(`READY ${port}\n`);
}

void main();
