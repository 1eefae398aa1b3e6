import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchJson } from '../../common/http/json-client';
import { AppError } from '../../common/errors';
import { openDatabase } from '../../common/database';
import { sql } from 'kysely';
import { z } from 'zod';
import { isServiceUnavailable } from '../../common/service-unavailable';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a failure');
}

describe('isServiceUnavailable', () => {
  let silent: Server | undefined;
  afterEach(async () => {
    silent?.closeAllConnections();
    await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
    silent = undefined;
  });

  it('a tier that refuses connections or never answers is unavailable', async () => {
    const port = await closedPort();
    assert.equal(
      isServiceUnavailable(await thrownBy(fetchJson(`http://127.0.0.1:${port}/x`, z.unknown()))),
      true,
    );
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent?.listen(0, '127.0.0.1', resolve));
    const { port: silentPort } = silent.address() as AddressInfo;
    const hung = await thrownBy(
      fetchJson(`http://127.0.0.1:${silentPort}/x`, z.unknown(), { timeoutMs: 200 }),
    );
    assert.equal(isServiceUnavailable(hung), true);
  });

  it('a PostgreSQL server that is not there is unavailable (the in-process tiers throw the driver error)', async () => {
    const port = await closedPort();
    const db = openDatabase<unknown>({
      kind: 'postgres',
      url: `postgres://postgres:x@127.0.0.1:${port}/none`,
    });
    try {
      assert.equal(isServiceUnavailable(await thrownBy(sql`select 1`.execute(db))), true);
    } finally {
      await db.destroy();
    }
  });

  it('502/503/504 answers are; refusals, bad input and bugs are not', () => {
    for (const status of [502, 503, 504]) {
      assert.equal(isServiceUnavailable(new AppError({ status, code: 'X', publicMessage: 'x' })), true);
    }
    for (const status of [400, 401, 404, 500]) {
      assert.equal(isServiceUnavailable(new AppError({ status, code: 'X', publicMessage: 'x' })), false);
    }
    assert.equal(isServiceUnavailable(new TypeError('Cannot read properties of undefined')), false);
    assert.equal(isServiceUnavailable(undefined), false);
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    assert.equal(isServiceUnavailable(loop), false);
  });
});
