import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { createLogger } from '../../../common/logger';
import { createDisplay, type Display, type DisplayOptions } from '../../../display-service/display';
import {
  createRenditionUrlSigner,
  type RenditionTarget,
} from '../../../display-service/renditions/rendition-url';
import { authenticateV1 } from '../../support/test-credentials';
import { InMemoryLibrary } from './in-memory-library';

export const TEST_SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export interface RunningDisplay {
  display: Display;
  library: InMemoryLibrary;
  /** e.g. http://127.0.0.1:12345 */
  publicBaseUrl: string;
  /** e.g. http://127.0.0.1:12345/v1/display */
  displayUrl: string;
  /** A rendition URL signed the way the display signs them (its first key, base URL and clock). */
  signedUrl(target: RenditionTarget): string;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<DisplayOptions> {
  library?: InMemoryLibrary;
  /** Serve renditions through Display.handleRenditionRequest in front of express, as a fast composition root would. */
  fastPath?: boolean;
}

/** The display router mounted at /v1/display in an express app on an ephemeral port, as the lead mounts it. */
export async function startDisplay(dir: string, overrides: HarnessOptions = {}): Promise<RunningDisplay> {
  const { fastPath = false, library: givenLibrary, ...options } = overrides;
  const app = express();
  // The server must listen before the display exists (its URL names the port), so the handler looks it up late.
  const late: { display?: Display } = {};
  const server = createServer((req, res) => {
    if (fastPath && late.display?.handleRenditionRequest(req, res)) return;
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const library = givenLibrary ?? new InMemoryLibrary();
  const publicBaseUrl = `http://127.0.0.1:${port}`;
  const keys = options.signingKeys === undefined ? { signingKey: TEST_SIGNING_KEY } : {};
  const display = await createDisplay({
    database: { kind: 'sqlite', file: join(dir, 'library.sqlite') },
    renditionsDir: join(dir, 'renditions'),
    publicBaseUrl,
    urlTtlSeconds: 6 * 3600,
    logger: createLogger('silent'),
    ...keys,
    ...options,
    library,
  });
  late.display = display;
  authenticateV1(app);
  app.use('/v1/display', display.router);
  return {
    display,
    library,
    publicBaseUrl,
    displayUrl: `${publicBaseUrl}/v1/display`,
    signedUrl: (target) =>
      createRenditionUrlSigner({
        publicBaseUrl,
        signingKeys: options.signingKeys ?? [TEST_SIGNING_KEY],
        ttlSeconds: 6 * 3600,
        now: options.now ?? Date.now,
      }).sign(target),
    async close() {
      await display.close();
      server.closeAllConnections();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}
