import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { AppError } from '../../../common/errors';
import { fetchJson } from '../../../common/http/json-client';

const answerSchema = z.object({ answer: z.number() });

async function serveOnce(
  status: number,
  body: string,
): Promise<{ url: string; server: Server; seen: Promise<string> }> {
  let resolveSeen: (v: string) => void = () => undefined;
  const seen = new Promise<string>((r) => (resolveSeen = r));
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      resolveSeen(`${req.method} ${String(req.headers['x-photo-owner'])} ${text}`);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, server, seen };
}

describe('common/http/json-client', () => {
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((s) => s.close()));

  it('sends the JSON body and headers and returns the validated answer', async () => {
    const s = await serveOnce(200, '{"answer":42,"extra":true}');
    servers.push(s.server);
    const result = await fetchJson(s.url, answerSchema, {
      method: 'POST',
      body: { q: 1 },
      headers: { 'x-photo-owner': 'o1' },
    });
    assert.deepEqual(result, { answer: 42 });
    assert.equal(await s.seen, 'POST o1 {"q":1}');
  });

  it('keeps the upstream error code and status', async () => {
    const s = await serveOnce(404, '{"error":{"code":"PHOTO_NOT_FOUND","message":"No such photo"}}');
    servers.push(s.server);
    await assert.rejects(fetchJson(s.url, answerSchema), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.status, 404);
      assert.equal(error.code, 'PHOTO_NOT_FOUND');
      return true;
    });
  });

  it('reports a contract violation when the answer does not match the schema', async () => {
    const s = await serveOnce(200, '{"answer":"forty-two"}');
    servers.push(s.server);
    await assert.rejects(fetchJson(s.url, answerSchema), {
      code: 'UPSTREAM_CONTRACT_VIOLATION',
      status: 502,
    });
  });

  it('reports an unreachable upstream as 503 UPSTREAM_UNAVAILABLE', async () => {
    const s = await serveOnce(200, '{}');
    const url = s.url;
    await new Promise<void>((r) => s.server.close(() => r()));
    await assert.rejects(fetchJson(url, answerSchema, { timeoutMs: 2000 }), {
      code: 'UPSTREAM_UNAVAILABLE',
      status: 503,
    });
  });
});
