import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { renderHomePage } from '../../common/http/home-page';
import { localStackConfigFromEnv } from '../../server/config';
import { homePageView } from '../../server/home-page';
import { startLocalStack, type LocalStack } from '../../server/local-stack';

describe('home page of the local stack (GET /)', function () {
  this.timeout(90_000);
  let root: string;
  let stack: LocalStack;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'photoframe-home-'));
    const photosDir = join(root, 'photos');
    mkdirSync(photosDir);
    for (const [i, background] of ['#2040d0', '#d04020', '#20d040'].entries()) {
      await sharp({ create: { width: 320, height: 240, channels: 3, background } })
        .jpeg()
        .toFile(join(photosDir, `IMG_${i}.jpg`));
    }
    stack = await startLocalStack({
      ...localStackConfigFromEnv({ VISION: 'false' }),
      port: 0,
      dataDir: join(root, 'data'),
      photosDir,
      logLevel: 'silent' as const,
    });
    await stack.ingestDone;
  });

  after(async () => {
    await stack.close();
    await rm(root, { recursive: true, force: true });
  });

  it('shows a page opened on this machine the state, the photo count and the links, with a page session', async () => {
    const response = await fetch(`${stack.url}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(response.headers.get('set-cookie') ?? '', /^pf_session=/);
    const html = await response.text();
    assert.match(html, /<dt>Photos<\/dt><dd>3 photos<\/dd>/);
    assert.match(html, /<dt>Ingest<\/dt><dd>done \(3 of 3 files\)<\/dd>/);
    assert.match(html, /<dt>Vision<\/dt><dd>off<\/dd>/);
    assert.match(html, /<dt>Ready<\/dt><dd>yes<\/dd>/);
    for (const href of [
      '/frame',
      '/preview?device=Echo%20Show%208',
      '/v1/library/openapi.json',
      '/healthz',
    ]) {
      assert.ok(html.includes(`href="${href}"`), href);
    }
  });

  it('sends a browser from elsewhere (through a proxy) to sign in, showing it nothing', async () => {
    const response = await fetch(`${stack.url}/`, {
      redirect: 'manual',
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/frame/sign-in');
    assert.doesNotMatch(await response.text(), /photos/);
  });

  it('escapes what it shows: an ingest failure reason is text, never markup', () => {
    const view = homePageView(
      'local',
      1,
      {
        status: 'degraded',
        ingest: {
          state: 'failed',
          done: 0,
          total: 0,
          reason: 'EACCES: <img src=x onerror=alert(1)> "PHOTOS_DIR"',
        },
      },
      ['library: database refuses writes'],
      { provider: 'local', workers: 2 },
    );
    const html = renderHomePage(view);
    assert.ok(!html.includes('<img'), html);
    assert.match(html, /failed: EACCES: &lt;img src=x onerror=alert\(1\)&gt; &quot;PHOTOS_DIR&quot;/);
    assert.match(html, /<dd class="warning">no: library: database refuses writes<\/dd>/);
    assert.match(html, /<dd>1 photo<\/dd>/);
    assert.match(html, /local models \(2 workers\)/);
  });
});
