/**
 * Section 5 of `npm run bench:display`: clip renditions for an Echo Show 8 (1280x800). A 10 s 1080p clip made with
 * ffmpeg's test sources, served by an in-process display on node:http; time to first byte of a Range request cold
 * (probe + transcode + first bytes) and cached (from the disk file), side by side with ffmpeg alone making the same
 * rendition, so the figures say what the service adds.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PhotoFacts } from '../../common/contracts';
import { createLogger } from '../../common/logger';
import { createDisplay } from '../../display-service/display';
import { clipSizeFor } from '../../display-service/renditions/video/clip-size';
import { createClipUrlSigner } from '../../display-service/renditions/video/clip-url';
import { mediaToolsFromEnv } from '../../display-service/renditions/video/media-tools';
import { probeVideo } from '../../display-service/renditions/video/probe-video';
import { transcodeClip } from '../../display-service/renditions/video/transcode-clip';
import { DEFAULT_VIDEO_LIMITS } from '../../display-service/renditions/video/video-limits';
import { BenchLibrary } from './bench-library';
import { fmt, percentile } from './measure';

const run = promisify(execFile);
const SIGNING_KEY = 'bench-clip-signing-key-0123456789';
const ECHO_SHOW_8 = { width: 1280, height: 800 };
const CACHED_SAMPLES = 20;

/** Facts of every photo of the bench library, as the clips they are. */
class ClipLibrary extends BenchLibrary {
  override async getPhoto(ownerId: string, photoId: string): Promise<PhotoFacts> {
    return { ...(await super.getPhoto(ownerId, photoId)), mediaKind: 'video', durationMs: 10_000 };
  }
}

/** Milliseconds from sending a Range request to the first body byte arriving. */
async function timeToFirstByte(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { range: 'bytes=0-' } });
  if (response.status !== 206)
    throw new Error(`HTTP ${response.status} for ${url}: ${await response.text()}`);
  const reader = response.body?.getReader();
  const first = await reader?.read();
  const elapsed = performance.now() - started;
  if (!first || first.done) throw new Error('no body');
  await reader?.cancel();
  return elapsed;
}

export async function benchClipRenditions(dir: string, log: (line: string) => void): Promise<void> {
  const tools = mediaToolsFromEnv();
  await mkdir(dir, { recursive: true });
  const clip = join(dir, 'clip-1080p-10s.mp4');
  await run(tools.ffmpeg, [
    ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=10'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=10', '-c:v', 'libx264', '-preset', 'veryfast'],
    ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clip],
  ]);

  // ffmpeg alone, the same probe and transcode the service runs, no HTTP and no cache.
  const started = performance.now();
  const probed = await probeVideo(clip, tools, DEFAULT_VIDEO_LIMITS);
  const size = clipSizeFor(probed, ECHO_SHOW_8);
  await transcodeClip(clip, join(dir, 'alone.mp4'), probed, size, tools, DEFAULT_VIDEO_LIMITS);
  const aloneMs = performance.now() - started;

  const late: {
    handle?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean;
  } = {};
  const server = createServer((req, res) => {
    if (!late.handle?.(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const display = await createDisplay({
    database: { kind: 'sqlite', file: join(dir, 'display.sqlite') },
    library: new ClipLibrary([clip], 1, { width: 1920, height: 1080 }),
    renditionsDir: join(dir, 'renditions'),
    publicBaseUrl: baseUrl,
    signingKey: SIGNING_KEY,
    urlTtlSeconds: 3600,
    logger: createLogger('silent'),
  });
  late.handle = (req, res) => display.handleRenditionRequest(req, res);
  try {
    const url = createClipUrlSigner({
      publicBaseUrl: baseUrl,
      signingKeys: [SIGNING_KEY],
      ttlSeconds: 3600,
      now: Date.now,
    }).sign({ ownerId: 'bench', photoId: 'bench_0_0', ...ECHO_SHOW_8 });
    const coldMs = await timeToFirstByte(url);
    const cached: number[] = [];
    for (let i = 0; i < CACHED_SAMPLES; i++) cached.push(await timeToFirstByte(url));
    const cachedMs = percentile(cached, 50);
    log(
      `\n5. clip renditions: a 10 s 1080p30 clip for an Echo Show 8 (${size.width}x${size.height} H.264/AAC MP4)`,
    );
    log(`   ffmpeg alone (probe + transcode)   ${fmt(aloneMs, 0)} ms`);
    log(
      `   cold, time to first byte (206)     ${fmt(coldMs, 0)} ms  (${fmt(coldMs / aloneMs, 2)}x ffmpeg alone)`,
    );
    log(
      `   cached, time to first byte (206)   p50 ${fmt(cachedMs, 1)} ms, p95 ${fmt(percentile(cached, 95), 1)} ms  (${fmt(coldMs / cachedMs, 0)}x faster than cold)`,
    );
  } finally {
    await display.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
