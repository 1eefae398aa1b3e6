import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { errorMiddleware } from '../../../common/http/error-middleware';
import { createLogger } from '../../../common/logger';

/** An app whose one route fails with `error`, served on an ephemeral loopback port. */
async function failingWith(error: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.get('/fail', () => {
    throw error;
  });
  app.use(errorMiddleware(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/fail`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('common/http/error-middleware', () => {
  it('answers a database that went away with 503 SERVICE_UNAVAILABLE and Retry-After, no internals', async () => {
    // What node-postgres throws when the server is shut down under a query (admin_shutdown).
    const dropped = Object.assign(
      new Error('terminating connection due to administrator command at db-7.internal'),
      {
        code: '57P01',
      },
    );
    const app = await failingWith(new Error('search failed', { cause: dropped }));
    try {
      const response = await fetch(app.url);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '5');
      const text = await response.text();
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'SERVICE_UNAVAILABLE');
      assert.doesNotMatch(text, /db-7|administrator|search failed/);
    } finally {
      await app.close();
    }
  });

  for (const [what, code, message] of [
    ['a full SQLite disk', 'SQLITE_FULL', 'database or disk is full'],
    ['a read-only SQLite file', 'SQLITE_READONLY', 'attempt to write a readonly database'],
    ['a full PostgreSQL disk', '53100', 'could not extend file "base/16384/2619": No space left on device'],
    ['a read-only file system', 'EROFS', "EROFS: read-only file system, open '/srv/data/x'"],
  ] as const) {
    it(`answers ${what} with 503 STORAGE_UNAVAILABLE and a minute's Retry-After, no internals`, async () => {
      const app = await failingWith(
        new Error('favourite failed', { cause: Object.assign(new Error(message), { code }) }),
      );
      try {
        const response = await fetch(app.url);
        assert.equal(response.status, 503);
        assert.equal(response.headers.get('retry-after'), '60');
        const text = await response.text();
        assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'STORAGE_UNAVAILABLE');
        assert.doesNotMatch(text, /base\/16384|srv|readonly database|favourite failed/);
      } finally {
        await app.close();
      }
    });
  }

  it('answers any other failure with a bare 500 INTERNAL that carries no internal message', async () => {
    const app = await failingWith(new Error('cannot read row 17 from /var/lib/photoframe/library.sqlite'));
    try {
      const response = await fetch(app.url);
      assert.equal(response.status, 500);
      assert.equal(response.headers.get('retry-after'), null);
      const text = await response.text();
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'INTERNAL');
      assert.doesNotMatch(text, /library\.sqlite|row 17/);
    } finally {
      await app.close();
    }
  });
});
