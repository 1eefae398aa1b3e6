import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAppError } from '../../../../common/errors';
import { LocalFileOriginalStore } from '../../../../display-service/renditions/local-file-original-store';
import {
  withMotionVideoFile,
  type MotionPartFacts,
} from '../../../../display-service/renditions/video/motion-video-file';

describe('display-service/renditions/video/motion-video-file: a live photo motion part as a local file', () => {
  let dir: string;
  const originals = new LocalFileOriginalStore();
  const options = () => ({ maxBytes: 1024 * 1024, signal: new AbortController().signal });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'photoframe-motion-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A "photo" of `head` bytes with `tail` appended, as a motion photo lays out its JPEG and MP4. */
  async function motionPhoto(head: Buffer, tail: Buffer): Promise<string> {
    const file = join(dir, 'PXL.MP.jpg');
    await writeFile(file, Buffer.concat([head, tail]));
    return file;
  }

  const motionOf = (file: string, offset: number, bytes: number): MotionPartFacts => ({
    kind: 'motion-photo',
    uri: pathToFileURL(file).href,
    offset,
    bytes,
    durationMs: 1500,
  });

  it("cuts a motion photo's video out of its file by byte range, into a temporary file removed afterwards", async () => {
    const tail = Buffer.from('....ftypisom and the rest of an mp4');
    const file = await motionPhoto(Buffer.alloc(1000, 0xff), tail);
    let seen = '';
    const bytes = await withMotionVideoFile(
      motionOf(file, 1000, tail.length),
      originals,
      options(),
      async (path) => {
        seen = path;
        return readFile(path);
      },
    );
    assert.ok(bytes.equals(tail));
    assert.notEqual(seen, file);
    await assert.rejects(readFile(seen), /ENOENT/, 'the temporary file is gone');
  });

  it('uses a companion video where it lies', async () => {
    const mov = join(dir, 'IMG_1.MOV');
    await writeFile(mov, Buffer.from('a quicktime movie'));
    const seen = await withMotionVideoFile(
      { kind: 'live-photo', uri: pathToFileURL(mov).href, offset: 0, bytes: 17, durationMs: 1500 },
      originals,
      options(),
      (path) => Promise.resolve(path),
    );
    assert.equal(seen, mov);
  });

  it('refuses a range past the end of the file (the photo shrank since ingest) with VIDEO_UNREADABLE', async () => {
    const file = await motionPhoto(Buffer.alloc(100, 0xff), Buffer.alloc(50, 1));
    const refused = await withMotionVideoFile(motionOf(file, 120, 500), originals, options(), () =>
      Promise.resolve('read'),
    ).catch((error: unknown) => error);
    assert.ok(isAppError(refused), String(refused));
    assert.equal(refused.code, 'VIDEO_UNREADABLE');
  });

  it('refuses a motion part larger than the limit before reading it, with VIDEO_TOO_LARGE', async () => {
    const file = await motionPhoto(Buffer.alloc(100, 0xff), Buffer.alloc(50, 1));
    const refused = await withMotionVideoFile(
      motionOf(file, 100, 5 * 1024 * 1024),
      originals,
      options(),
      () => Promise.resolve('read'),
    ).catch((error: unknown) => error);
    assert.ok(isAppError(refused), String(refused));
    assert.equal(refused.code, 'VIDEO_TOO_LARGE');
  });
});
