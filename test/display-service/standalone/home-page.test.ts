import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { NotReadyError } from '../../../common/readiness';
import { displayHomePage } from '../../../display-service/standalone/home-page';

describe('status page of the display tier on its own (GET /status of start:display)', () => {
  let server: Server;
  let base: string;
  let ready: () => Promise<void>;

  before(async () => {
    const app = express();
    app.get(
      '/',
      displayHomePage(() => ready()),
    );
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('shows its state and health links to anyone (it holds no owner data)', async () => {
    ready = () => Promise.resolve();
    const response = await fetch(`${base}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const html = await response.text();
    assert.match(html, /<dt>Ready<\/dt><dd>yes<\/dd>/);
    assert.match(html, new RegExp(`<dt>Process</dt><dd>${process.pid}</dd>`));
    for (const href of ['/healthz', '/readyz', '/metrics']) assert.ok(html.includes(`href="${href}"`), href);
  });

  it("names what is not ready, with the readiness check's public reasons only", async () => {
    ready = () => Promise.reject(new NotReadyError(['renditions folder does not take writes']));
    const html = await (await fetch(`${base}/`)).text();
    assert.match(html, /<dd class="warning">no: renditions folder does not take writes<\/dd>/);
    ready = () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432'));
    const hidden = await (await fetch(`${base}/`)).text();
    assert.match(hidden, /no: display is not ready/);
    assert.ok(!hidden.includes('10.0.0.5'));
  });
});
