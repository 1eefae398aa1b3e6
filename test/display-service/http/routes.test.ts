import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RenditionTarget } from '../../../display-service/renditions/rendition-url';
import { CountingOriginalStore } from '../helpers/counting-original-store';
import { startDisplay, type RunningDisplay } from '../helpers/display-harness';
import {
  makeTempDir,
  summaryFor,
  writeDeclaredHugePng,
  writeSidewaysRedOverBlueJpeg,
} from '../helpers/image-fixtures';

const OWNER = 'alice';

describe('http/routes (renditions)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let running: RunningDisplay | undefined;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await cleanup();
  });

  async function withPhoto(
    store = new CountingOriginalStore(),
    extra: Parameters<typeof startDisplay>[1] = {},
  ): Promise<{ target: RenditionTarget; store: CountingOriginalStore }> {
    const file = join(dir, 'sideways.jpg');
    await writeSidewaysRedOverBlueJpeg(file);
    running = await startDisplay(dir, { originals: store, ...extra });
    running.library.add(OWNER, await summaryFor(file, 'p_sideways'));
    return {
      target: { ownerId: OWNER, photoId: 'p_sideways', width: 1280, height: 800, shape: 'RECTANGLE' },
      store,
    };
  }

  async function errorCode(response: Response): Promise<string> {
    const body = (await response.json()) as { error: { code: string } };
    return `${response.status} ${body.error.code}`;
  }

  it('serves the exact-size JPEG with immutable caching, a strong ETag and CORS', async () => {
    const { target } = await withPhoto();
    const response = await fetch(running!.signedUrl(target));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('etag') ?? '', /^"[a-f0-9]{40}"$/);
    const maxAge = Number(
      /^public, max-age=(\d+), immutable$/.exec(response.headers.get('cache-control') ?? '')?.[1],
    );
    assert.ok(maxAge > 6 * 3600 - 5 && maxAge <= 6 * 3600, `max-age ${maxAge}`);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1280, 800]);
    assert.equal(meta.exif, undefined);
  });

  it('answers 304 to a matching If-None-Match without reading the original again', async () => {
    const { target, store } = await withPhoto();
    const url = running!.signedUrl(target);
    const first = await fetch(url);
    await first.arrayBuffer();
    const etag = first.headers.get('etag') ?? '';
    const readsAfterFirst = store.reads;

    const revalidated = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get('etag'), etag);
    assert.equal(store.reads, readsAfterFirst);
  });

  it('serves a second fetch from cache (one read of the original), and after a restart from disk', async () => {
    const { target, store } = await withPhoto();
    const first = Buffer.from(await (await fetch(running!.signedUrl(target))).arrayBuffer());
    const second = Buffer.from(await (await fetch(running!.signedUrl(target))).arrayBuffer());
    assert.equal(store.reads, 1);
    assert.ok(first.equals(second));

    const library = running!.library;
    await running!.close();
    const restartedStore = new CountingOriginalStore();
    running = await startDisplay(dir, { originals: restartedStore, library });
    const afterRestart = await fetch(running.signedUrl(target));
    assert.equal(afterRestart.status, 200);
    await afterRestart.arrayBuffer();
    assert.equal(restartedStore.reads, 0);
  });

  it('answers 403 for an altered signature, size or owner, before doing any work', async () => {
    const { target, store } = await withPhoto();
    const url = new URL(running!.signedUrl(target));
    const alteredSig = new URL(url);
    const sig = url.searchParams.get('sig') ?? '';
    alteredSig.searchParams.set('sig', `${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`);
    const alteredWidth = new URL(url.href.replace('/1280x800.jpg', '/1281x800.jpg'));
    const alteredOwner = new URL(url);
    alteredOwner.searchParams.set('owner', 'mallory');
    const missingSig = new URL(url);
    missingSig.searchParams.delete('sig');
    for (const altered of [alteredSig, alteredWidth, alteredOwner, missingSig]) {
      const response = await fetch(altered);
      assert.equal(await errorCode(response), '403 RENDITION_SIGNATURE_INVALID', altered.href);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
    }
    assert.equal(store.reads, 0);
    assert.equal(running!.library.getPhotoCalls.length, 0);
  });

  it('answers 410 once the URL has expired', async () => {
    const clock = { now: Date.UTC(2026, 6, 14, 12) };
    const { target } = await withPhoto(new CountingOriginalStore(), { now: () => clock.now });
    const url = running!.signedUrl(target);
    clock.now += 6 * 3600 * 1000 + 1000;
    assert.equal(await errorCode(await fetch(url)), '410 RENDITION_URL_EXPIRED');
  });

  it('rejects malformed sizes with 400 and unknown photos with the library 404', async () => {
    const { target } = await withPhoto();
    const tooBig = running!.signedUrl({ ...target, width: 5000 });
    assert.equal(await errorCode(await fetch(tooBig)), '400 INVALID_RENDITION_SIZE');
    const png = running!.signedUrl(target).replace('1280x800.jpg', '1280x800.png');
    assert.equal(await errorCode(await fetch(png)), '400 INVALID_RENDITION_SIZE');
    const otherOwner = running!.signedUrl({ ...target, ownerId: 'bob' });
    assert.equal(await errorCode(await fetch(otherOwner)), '404 PHOTO_NOT_FOUND');
  });

  it('answers hostile originals with 422 JSON errors', async () => {
    running = await startDisplay(dir, { limits: { maxSourcePixels: 40_000_000, maxSourceBytes: 50_000 } });
    const text = join(dir, 'text.jpg');
    await writeFile(text, 'not an image at all\n'.repeat(50));
    const bomb = join(dir, 'bomb.png');
    await writeDeclaredHugePng(bomb);
    const big = join(dir, 'big.jpg');
    const noisy = await sharp({
      create: {
        width: 600,
        height: 600,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 100 })
      .toBuffer();
    await writeFile(big, noisy);
    running.library.add(OWNER, await summaryFor(text, 'p_text'));
    running.library.add(OWNER, await summaryFor(bomb, 'p_bomb'));
    running.library.add(OWNER, await summaryFor(big, 'p_big'));
    const urlFor = (photoId: string) =>
      running!.signedUrl({ ownerId: OWNER, photoId, width: 1280, height: 800, shape: 'RECTANGLE' });
    assert.equal(await errorCode(await fetch(urlFor('p_text'))), '422 SOURCE_UNREADABLE');
    assert.equal(await errorCode(await fetch(urlFor('p_bomb'))), '422 SOURCE_TOO_MANY_PIXELS');
    assert.equal(await errorCode(await fetch(urlFor('p_big'))), '422 SOURCE_TOO_LARGE');
  });
});
