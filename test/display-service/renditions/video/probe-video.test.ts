import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isAppError } from '../../../../common/errors';
import { mediaToolsFromEnv } from '../../../../display-service/renditions/video/media-tools';
import { probeVideo } from '../../../../display-service/renditions/video/probe-video';
import { DEFAULT_VIDEO_LIMITS } from '../../../../display-service/renditions/video/video-limits';
import { writeClip } from './clip-fixtures';

const run = promisify(execFile);
const tools = mediaToolsFromEnv();

async function codeOf(probing: Promise<unknown>): Promise<string> {
  try {
    await probing;
  } catch (error) {
    if (isAppError(error)) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'accepted';
}

describe('display-service/renditions/video/probe-video: hostile videos refused before any decoding', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'photoframe-probe-video-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads a real clip: size, duration, audio', async () => {
    const file = join(dir, 'clip.mp4');
    await writeClip(file, { width: 320, height: 240, seconds: 2 });
    const probed = await probeVideo(file, tools, DEFAULT_VIDEO_LIMITS);
    assert.deepEqual(
      [probed.width, probed.height, probed.durationMs, probed.hasAudio],
      [320, 240, 2000, true],
    );
  });

  it('an "endless" duration in the movie header (all ones) is VIDEO_DURATION_INVALID', async () => {
    const file = join(dir, 'endless.mp4');
    await writeClip(file, { width: 160, height: 120, seconds: 1 });
    const bytes = await readFile(file);
    const mvhd = bytes.indexOf('mvhd');
    // Version 0 mvhd: version/flags, creation, modification, timescale, then the 32-bit duration.
    bytes.writeUInt32BE(0xffffffff, mvhd + 4 + 16);
    await writeFile(file, bytes);
    assert.equal(await codeOf(probeVideo(file, tools, DEFAULT_VIDEO_LIMITS)), '422 VIDEO_DURATION_INVALID');
  });

  it('frames larger than 8K are VIDEO_TOO_MANY_PIXELS', async () => {
    const file = join(dir, 'huge.mov');
    await run(tools.ffmpeg, [
      ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=size=8000x5000:rate=1:duration=1'],
      ...['-frames:v', '1', '-c:v', 'mjpeg', '-f', 'mov', file],
    ]);
    assert.equal(await codeOf(probeVideo(file, tools, DEFAULT_VIDEO_LIMITS)), '422 VIDEO_TOO_MANY_PIXELS');
  });

  it('garbage bytes, an empty file and a file over the byte limit are refused with their codes', async () => {
    const garbage = join(dir, 'garbage.mp4');
    await writeFile(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    assert.equal(await codeOf(probeVideo(garbage, tools, DEFAULT_VIDEO_LIMITS)), '422 VIDEO_UNREADABLE');
    const empty = join(dir, 'empty.mp4');
    await writeFile(empty, Buffer.alloc(0));
    assert.equal(await codeOf(probeVideo(empty, tools, DEFAULT_VIDEO_LIMITS)), '422 VIDEO_UNREADABLE');
    const clip = join(dir, 'clip.mp4');
    await writeClip(clip, { width: 160, height: 120, seconds: 1 });
    const small = { ...DEFAULT_VIDEO_LIMITS, maxBytes: 1000 };
    assert.equal(await codeOf(probeVideo(clip, tools, small)), '422 VIDEO_TOO_LARGE');
  });

  it('a missing ffprobe is the server fault (503 VIDEO_TOOLS_MISSING), never the clip', async () => {
    const clip = join(dir, 'clip.mp4');
    await writeClip(clip, { width: 160, height: 120, seconds: 1 });
    const missing = { ffmpeg: join(dir, 'no-ffmpeg'), ffprobe: join(dir, 'no-ffprobe') };
    assert.equal(await codeOf(probeVideo(clip, missing, DEFAULT_VIDEO_LIMITS)), '503 VIDEO_TOOLS_MISSING');
  });
});
