import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import sharp from 'sharp';
import { OWNER_HEADER, slideshowPageSchema } from '../../../common/contracts';
import { createLogger } from '../../../common/logger';
import { DisplayMetrics } from '../../../display-service/metrics/display-metrics';
import { createLibrary, type Library } from '../../../metadata-service/library';
import { prometheusSamples, rawGet } from '../../support/raw-http';
import { SERVICE_AUTH, TEST_SERVICE_TOKEN, authenticateV1 } from '../../support/test-credentials';
import { startTierProcess, type TierProcess } from '../../support/tier-process';

describe('DisplayMetrics (prom-client)', () => {
  it('keeps the names and meanings of the rendition counters and the render histogram', async () => {
    const metrics = new DisplayMetrics();
    metrics.cacheHit('render');
    metrics.cacheHit('memory');
    metrics.cacheHit('memory');
    metrics.rendered(0.07);
    metrics.rendered(3);
    metrics.renderFailed();
    metrics.answered('image', 1000);
    metrics.answered('image', 500);
    metrics.answered('not-modified', 0);
    const text = await metrics.registry.metrics();
    const values = prometheusSamples(text);
    assert.equal(values.get('photoframe_rendition_source_total{tier="memory"}'), 2);
    assert.equal(values.get('photoframe_rendition_source_total{tier="render"}'), 1);
    assert.equal(values.get('photoframe_rendition_source_total{tier="disk"}'), 0);
    assert.equal(values.get('photoframe_renditions_served_total{outcome="image"}'), 2);
    assert.equal(values.get('photoframe_renditions_served_total{outcome="not_modified"}'), 1);
    assert.equal(values.get('photoframe_rendition_bytes_served_total'), 1500);
    assert.equal(values.get('photoframe_render_failures_total'), 1);
    assert.equal(values.get('photoframe_render_seconds_bucket{le="0.05"}'), 0);
    assert.equal(values.get('photoframe_render_seconds_bucket{le="0.1"}'), 1);
    assert.equal(values.get('photoframe_render_seconds_bucket{le="2.5"}'), 1);
    assert.equal(values.get('photoframe_render_seconds_bucket{le="5"}'), 2);
    assert.equal(values.get('photoframe_render_seconds_bucket{le="+Inf"}'), 2);
    assert.equal(values.get('photoframe_render_seconds_count'), 2);
    assert.equal(values.get('photoframe_render_seconds_sum'), 3.07);
    assert.match(text, /# TYPE photoframe_renditions_served_total counter/);
    assert.match(text, /# TYPE photoframe_render_seconds histogram/);
  });

  it('times each render stage in one histogram labelled by stage', async () => {
    const metrics = new DisplayMetrics();
    metrics.renderStage('decode', 0.03);
    metrics.renderStage('decode', 0.004);
    metrics.renderStage('encode', 0.012);
    const values = prometheusSamples(await metrics.registry.metrics());
    assert.equal(values.get('photoframe_render_stage_seconds_count{stage="decode"}'), 2);
    assert.equal(values.get('photoframe_render_stage_seconds_bucket{le="0.005",stage="decode"}'), 1);
    assert.equal(values.get('photoframe_render_stage_seconds_bucket{le="0.05",stage="decode"}'), 2);
    assert.equal(values.get('photoframe_render_stage_seconds_count{stage="encode"}'), 1);
  });

  it('gives every display its own counters (two displays in one process never add up)', async () => {
    const first = new DisplayMetrics();
    const second = new DisplayMetrics();
    first.answered('image', 10);
    assert.equal(
      prometheusSamples(await first.registry.metrics()).get('photoframe_rendition_bytes_served_total'),
      10,
    );
    assert.equal(
      prometheusSamples(await second.registry.metrics()).get('photoframe_rendition_bytes_served_total'),
      0,
    );
  });
});

describe('/metrics of npm run start:display with two worker processes', function () {
  this.timeout(120_000);
  let dir: string;
  let library: Library;
  let libraryServer: Server;
  let display: TierProcess | undefined;
  let base: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pf-display-metrics-'));
    const photos = join(dir, 'photos');
    await mkdir(photos, { recursive: true });
    for (const [i, corner] of [
      { left: 0, top: 0 },
      { left: 480, top: 320 },
    ].entries()) {
      await sharp({ create: { width: 640, height: 480, channels: 3, background: '#d04020' } })
        .composite([
          { input: { create: { width: 160, height: 160, channels: 3, background: '#ffffff' } }, ...corner },
        ])
        .jpeg()
        .toFile(join(photos, `IMG_${i}.jpg`));
    }
    library = await createLibrary({
      database: { kind: 'sqlite', file: join(dir, 'library.sqlite') },
      logger: createLogger('silent'),
    });
    await library.ingest(photos, { ownerId: 'local' });
    const app = express();
    authenticateV1(app, library.credentials);
    app.use('/v1/library', library.router);
    libraryServer = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => libraryServer.once('listening', resolve));
    const libraryPort = (libraryServer.address() as AddressInfo).port;

    display = await startTierProcess({
      main: 'display-service/standalone/main.ts',
      env: (url) => ({
        DISPLAY_SQLITE_FILE: join(dir, 'display.sqlite'),
        DATABASE_URL: '',
        METADATA_SERVICE_URL: `http://127.0.0.1:${libraryPort}`,
        PUBLIC_BASE_URL: url,
        RENDITION_SIGNING_KEYS: 'display-metrics-test-key-0123456789abcdef',
        SERVICE_TOKENS: TEST_SERVICE_TOKEN,
        DISPLAY_RENDITIONS_DIR: join(dir, 'renditions'),
        DISPLAY_WORKERS: '2',
        LOG_LEVEL: 'silent',
      }),
      // Both workers up: round-robin connections reach two different pids.
      ready: async (url) => {
        const pids = new Set<number>();
        for (let i = 0; i < 6; i++) {
          const health = await rawGet(`${url}/healthz`);
          if (health.status === 200) pids.add((JSON.parse(health.body.toString()) as { pid: number }).pid);
        }
        return pids.size === 2 ? pids : undefined;
      },
    });
    base = display.base;
  });

  after(async () => {
    await display?.stop();
    await new Promise<void>((resolve) => libraryServer.close(() => resolve()));
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every scrape, whichever worker it reaches, with the sum of both workers’ counters', async () => {
    const created = await fetch(`${base}/v1/display/slideshows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...SERVICE_AUTH, [OWNER_HEADER]: 'local' },
      body: JSON.stringify({ ownerId: 'local', query: {}, viewport: { width: 800, height: 600 } }),
    });
    assert.equal(created.status, 201);
    const urls = slideshowPageSchema.parse(await created.json()).items.map((item) => item.url);
    assert.equal(urls.length, 2);

    // Each on a connection of its own: the cluster alternates workers, so both serve about half.
    const images = 14;
    let bytes = 0;
    const etags: string[] = [];
    for (let i = 0; i < images; i++) {
      const answer = await rawGet(urls[i % urls.length] ?? '');
      assert.equal(answer.status, 200);
      bytes += answer.body.length;
      etags.push(answer.headers.get('etag') ?? '');
    }
    const notModified = 6;
    for (let i = 0; i < notModified; i++) {
      const answer = await rawGet(urls[i % urls.length] ?? '', {
        'if-none-match': etags[i % urls.length] ?? '',
      });
      assert.equal(answer.status, 304);
    }

    const scrapes = [];
    for (let i = 0; i < 6; i++) {
      const scrape = await rawGet(`${base}/metrics`);
      assert.equal(scrape.status, 200, scrape.body.toString());
      assert.match(scrape.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      scrapes.push(prometheusSamples(scrape.body.toString()));
    }
    for (const values of scrapes) {
      assert.equal(values.get('photoframe_renditions_served_total{outcome="image"}'), images);
      assert.equal(values.get('photoframe_renditions_served_total{outcome="not_modified"}'), notModified);
      assert.equal(values.get('photoframe_rendition_bytes_served_total'), bytes);
      // Default process metrics of both workers are there too (summed: both workers' CPU time).
      assert.ok((values.get('process_cpu_user_seconds_total') ?? 0) > 0);
      assert.ok(values.has('nodejs_eventloop_lag_seconds'));
    }
  });
});
