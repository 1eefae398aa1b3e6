import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { createLogger } from '../../../common/logger';
import { createDisplay, type Display, type DisplayOptions } from '../../../display-service/display';
import {
  createRenditionUrlSigner,
  type RenditionTarget,
} from '../../../display-service/renditions/rendition-url';
import { InMemoryLibrary } from './in-memory-library';

export const TEST_SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export interface RunningDisplay {
  display: Display;
  library: InMemoryLibrary;
  /** e.g. http://127.0.0.1:12345 */
  publicBaseUrl: string;
  /** e.g. http://127.0.0.1:12345/v1/display */
  displayUrl: string;
  /** A rendition URL signed the way the display signs them (same key, base URL and clock). */
  signedUrl(target: RenditionTarget): string;
  close(): Promise<void>;
}

/** The display router mounted at /v1/display in an express app on an ephemeral port, as the lead mounts it. */
export async function startDisplay(
  dir: string,
  overrides: Partial<DisplayOptions> & { library?: InMemoryLibrary } = {},
): Promise<RunningDisplay> {
  const app = express();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const library = overrides.library ?? new InMemoryLibrary();
  const publicBaseUrl = `http://127.0.0.1:${port}`;
  const display = await createDisplay({
    database: { kind: 'sqlite', file: join(dir, 'display.sqlite') },
    renditionsDir: join(dir, 'renditions'),
    publicBaseUrl,
    signingKey: TEST_SIGNING_KEY,
    urlTtlSeconds: 6 * 3600,
    logger: createLogger('silent'),
    ...overrides,
    library,
  });
  app.use('/v1/display', display.router);
  return {
    display,
    library,
    publicBaseUrl,
    displayUrl: `${publicBaseUrl}/v1/display`,
    signedUrl: (target) =>
      createRenditionUrlSigner({
        publicBaseUrl,
        signingKey: TEST_SIGNING_KEY,
        ttlSeconds: 6 * 3600,
        now: overrides.now ?? Date.now,
      }).sign(target),
    async close() {
      await display.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
