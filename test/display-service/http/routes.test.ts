import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RenditionTarget } from '../../../display-service/renditions/rendition-url';
import { CountingOriginalStore } from '../helpers/counting-original-store';
import { startDisplay, type HarnessOptions, type RunningDisplay } from '../helpers/display-harness';
import {
  isNear,
  makeTempDir,
  pixelAt,
  summaryFor,
  write16BitPng,
  writeCmykJpeg,
  writeDeclaredHugePng,
  writePlainJpeg,
  writeRealPngBomb,
  writeSidewaysRedOverBlueJpeg,
  writeTruncatedJpeg,
} from '../helpers/image-fixtures';

const OWNER = 'alice';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const OLD_KEY = 'old-signing-key-0123456789abcdef';
const NEW_KEY = 'new-signing-key-0123456789abcdef';

for (const fastPath of [false, true]) {
  describe(`http/routes (renditions${fastPath ? ', node:http fast path' : ', express router'})`, () => {
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
      extra: HarnessOptions = {},
    ): Promise<{ target: RenditionTarget; store: CountingOriginalStore }> {
      const file = join(dir, 'sideways.jpg');
      await writeSidewaysRedOverBlueJpeg(file, 1600, 1200);
      running = await startDisplay(dir, { originals: store, fastPath, ...extra });
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

    async function imageOf(response: Response) {
      assert.equal(response.status, 200, `HTTP ${response.status}`);
      return sharp(Buffer.from(await response.arrayBuffer())).metadata();
    }

    it('serves the exact-size JPEG with immutable caching, a strong ETag, Vary: Accept and CORS', async () => {
      const { target } = await withPhoto();
      const response = await fetch(running!.signedUrl(target));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/jpeg');
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(response.headers.get('vary'), 'Accept');
      assert.equal(response.headers.get('cache-control'), IMMUTABLE);
      assert.match(response.headers.get('etag') ?? '', /^"[a-f0-9]{40}"$/);
      const meta = await imageOf(response);
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1280, 800]);
      assert.equal(meta.exif, undefined);
    });

    it('negotiates AVIF, then WebP, only when Accept names them; each format has its own ETag', async () => {
      const { target } = await withPhoto();
      const url = running!.signedUrl(target);
      const seen = new Map<string, string>();
      for (const [accept, contentType, format] of [
        ['image/avif,image/webp,image/apng,image/*,*/*;q=0.8', 'image/avif', 'heif'],
        ['image/webp,*/*', 'image/webp', 'webp'],
        ['image/*,*/*', 'image/jpeg', 'jpeg'],
      ] as const) {
        const response = await fetch(url, { headers: { accept } });
        assert.equal(response.headers.get('content-type'), contentType, accept);
        assert.equal(response.headers.get('vary'), 'Accept');
        seen.set(contentType, response.headers.get('etag') ?? '');
        const meta = await imageOf(response);
        assert.deepEqual([meta.format, meta.width, meta.height], [format, 1280, 800]);
        assert.deepEqual([meta.exif, meta.xmp, meta.icc], [undefined, undefined, undefined]);
      }
      assert.equal(new Set(seen.values()).size, 3, 'format is part of the ETag');
    });

    it('answers 304 to a matching If-None-Match and HEAD with headers only, without rendering again', async () => {
      const { target, store } = await withPhoto();
      const url = running!.signedUrl(target);
      const first = await fetch(url);
      const body = Buffer.from(await first.arrayBuffer());
      const etag = first.headers.get('etag') ?? '';
      const readsAfterFirst = store.reads;

      const revalidated = await fetch(url, { headers: { 'if-none-match': etag } });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.headers.get('etag'), etag);
      assert.equal(revalidated.headers.get('cache-control'), IMMUTABLE);
      assert.equal(revalidated.headers.get('access-control-allow-origin'), '*');
      assert.equal((await revalidated.arrayBuffer()).byteLength, 0);

      const other = await fetch(url, { headers: { 'if-none-match': '"0000"' } });
      assert.equal(other.status, 200);
      await other.arrayBuffer();

      const head = await fetch(url, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('etag'), etag);
      assert.equal(head.headers.get('content-type'), 'image/jpeg');
      assert.equal(head.headers.get('content-length'), String(body.length));
      assert.equal((await head.arrayBuffer()).byteLength, 0);
      assert.equal(store.reads, readsAfterFirst);
    });

    it('renders N concurrent identical requests once (single-flight), and later ones from cache', async () => {
      const { target, store } = await withPhoto();
      const url = running!.signedUrl(target);
      const bodies = await Promise.all(
        Array.from({ length: 8 }, async () => Buffer.from(await (await fetch(url)).arrayBuffer())),
      );
      assert.equal(store.reads, 1);
      for (const body of bodies) assert.ok(body.equals(bodies[0]!));

      const library = running!.library;
      await running!.close();
      const restartedStore = new CountingOriginalStore();
      running = await startDisplay(dir, { originals: restartedStore, library, fastPath });
      const afterRestart = Buffer.from(await (await fetch(running.signedUrl(target))).arrayBuffer());
      assert.ok(afterRestart.equals(bodies[0]!), 'served from the persisted store after a restart');
      assert.equal(restartedStore.reads, 0);
    });

    it('answers 403 for an altered signature, size, owner or composition, before doing any work', async () => {
      const { target, store } = await withPhoto();
      const url = new URL(running!.signedUrl(target));
      const alter = (edit: (u: URL) => void): URL => {
        const copy = new URL(url);
        edit(copy);
        return copy;
      };
      const sig = url.searchParams.get('sig') ?? '';
      const altered = [
        alter((u) => u.searchParams.set('sig', `${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`)),
        new URL(url.href.replace('/1280x800?', '/1920x1080?')),
        alter((u) => u.searchParams.set('owner', 'mallory')),
        alter((u) => u.searchParams.set('comp', 'cover')),
        alter((u) => u.searchParams.delete('sig')),
      ];
      for (const tampered of altered) {
        const response = await fetch(tampered);
        assert.equal(await errorCode(response), '403 RENDITION_SIGNATURE_INVALID', tampered.href);
        assert.equal(response.headers.get('access-control-allow-origin'), '*');
      }
      assert.equal(store.reads, 0);
      assert.equal(running!.library.getPhotoCalls.length, 0);
    });

    it('answers 400 for non-preset sizes and same-photo pairs, before any work', async () => {
      const { target, store } = await withPhoto();
      const url = running!.signedUrl(target);
      assert.equal(
        await errorCode(await fetch(url.replace('/1280x800?', '/1281x800?'))),
        '400 INVALID_RENDITION_SIZE',
      );
      assert.equal(
        await errorCode(await fetch(url.replace('/1280x800?', '/1280x800.png?'))),
        '400 INVALID_RENDITION_SIZE',
      );
      const samePair = url
        .replace('p_sideways/1280x800?', 'p_sideways,p_sideways/1920x1080?')
        .replace('comp=contain', 'comp=pair');
      assert.equal(await errorCode(await fetch(samePair)), '400 PAIR_SAME_PHOTO');
      assert.equal(store.reads, 0);
      const otherOwner = running!.signedUrl({ ...target, ownerId: 'bob' });
      assert.equal(await errorCode(await fetch(otherOwner)), '404 PHOTO_NOT_FOUND');
    });

    it('answers 410 once the URL has expired, even for a URL served from memory a moment ago', async () => {
      const clock = { now: Date.UTC(2026, 6, 14, 12) };
      const { target } = await withPhoto(new CountingOriginalStore(), { now: () => clock.now });
      const url = running!.signedUrl(target);
      assert.equal((await fetch(url)).status, 200); // now remembered as recently verified, and hot in memory
      assert.equal((await fetch(url)).status, 200);
      clock.now += 6 * 3600 * 1000 + 1000;
      assert.equal(await errorCode(await fetch(url)), '410 RENDITION_URL_EXPIRED');
    });

    it('verifies URLs signed with the previous key while it is listed, and refuses them once removed', async () => {
      const { target } = await withPhoto(new CountingOriginalStore(), { signingKeys: [OLD_KEY] });
      const oldUrl = running!.signedUrl(target);
      const library = running!.library;
      await running!.close();

      running = await startDisplay(dir, { library, signingKeys: [NEW_KEY, OLD_KEY], fastPath });
      // Each restart listens on a new port; the host is not signed, only what follows it.
      const onCurrent = (url: string) => `${running!.publicBaseUrl}${url.slice(new URL(url).origin.length)}`;
      assert.equal((await fetch(onCurrent(oldUrl))).status, 200);
      const newUrl = running.signedUrl(target);
      assert.notEqual(new URL(newUrl).searchParams.get('sig'), new URL(oldUrl).searchParams.get('sig'));
      await running.close();

      running = await startDisplay(dir, { library, signingKeys: [NEW_KEY], fastPath });
      assert.equal(await errorCode(await fetch(onCurrent(oldUrl))), '403 RENDITION_SIGNATURE_INVALID');
      assert.equal((await fetch(onCurrent(newUrl))).status, 200);
    });

    it('serves pairs and covers, and answers old .jpg URLs with JPEG whatever the Accept header', async () => {
      const { target } = await withPhoto();
      const portrait = join(dir, 'portrait.jpg');
      await writePlainJpeg(portrait, 1200, 1800);
      running!.library.add(OWNER, await summaryFor(portrait, 'p_portrait'));
      const pair = running!.signedUrl({
        ...target,
        width: 1920,
        height: 1080,
        composition: 'pair',
        pairedPhotoId: 'p_portrait',
      });
      const pairMeta = await imageOf(await fetch(pair));
      assert.deepEqual([pairMeta.format, pairMeta.width, pairMeta.height], ['jpeg', 1920, 1080]);
      const cover = running!.signedUrl({
        ...target,
        width: 480,
        height: 480,
        shape: 'ROUND',
        composition: 'cover',
      });
      const coverMeta = await imageOf(await fetch(cover));
      assert.deepEqual([coverMeta.width, coverMeta.height], [480, 480]);

      const { createHmac } = await import('node:crypto');
      const exp = String(Math.floor(Date.now() / 1000) + 600);
      const sig = createHmac('sha256', 'test-signing-key-0123456789abcdef')
        .update(
          ['photoframe-rendition-v1', OWNER, 'p_sideways', '1280', '800', 'RECTANGLE', 'jpg', exp].join('\n'),
        )
        .digest('base64url');
      const legacy = `${running!.displayUrl}/renditions/p_sideways/1280x800.jpg?owner=${OWNER}&shape=RECTANGLE&exp=${exp}&sig=${sig}`;
      const response = await fetch(legacy, { headers: { accept: 'image/avif,image/webp' } });
      assert.equal(response.headers.get('content-type'), 'image/jpeg');
      const meta = await imageOf(response);
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1280, 800]);
    });

    it('answers hostile originals with coded 4xx, renders unusual valid ones correctly, and stays up', async () => {
      running = await startDisplay(dir, { fastPath, limits: { maxSourceBytes: 5_000_000 } });
      const add = async (id: string, write: (file: string) => Promise<void>) => {
        const file = join(dir, `${id}.img`);
        await write(file);
        running!.library.add(OWNER, await summaryFor(file, id));
      };
      await add('p_empty', (f) => writeFile(f, Buffer.alloc(0)));
      await add('p_truncated', (f) => writeTruncatedJpeg(f));
      await add('p_text', (f) => writeFile(f, 'not an image at all\n'.repeat(50)));
      await add('p_bomb', (f) => writeRealPngBomb(f, 30_000));
      await add('p_declared', (f) => writeDeclaredHugePng(f, 30_000));
      await add('p_cmyk', (f) => writeCmykJpeg(f, { r: 200, g: 30, b: 30 }));
      await add('p_16bit', (f) => write16BitPng(f, { r: 30, g: 30, b: 200 }));
      await add('p_fine', (f) => writePlainJpeg(f, 1600, 1000));
      const urlFor = (photoId: string) =>
        running!.signedUrl({ ownerId: OWNER, photoId, width: 1280, height: 800, shape: 'RECTANGLE' });

      assert.equal(await errorCode(await fetch(urlFor('p_empty'))), '422 SOURCE_UNREADABLE');
      assert.equal(await errorCode(await fetch(urlFor('p_truncated'))), '422 SOURCE_UNREADABLE');
      assert.equal(await errorCode(await fetch(urlFor('p_text'))), '422 SOURCE_UNREADABLE');
      assert.equal(await errorCode(await fetch(urlFor('p_bomb'))), '422 SOURCE_TOO_MANY_PIXELS');
      assert.equal(await errorCode(await fetch(urlFor('p_declared'))), '422 SOURCE_TOO_MANY_PIXELS');

      for (const [photoId, colour] of [
        ['p_cmyk', { r: 200, g: 30, b: 30 }],
        ['p_16bit', { r: 30, g: 30, b: 200 }],
      ] as const) {
        const response = await fetch(urlFor(photoId));
        const jpeg = Buffer.from(await response.arrayBuffer());
        const meta = await sharp(jpeg).metadata();
        assert.deepEqual(
          [response.status, meta.format, meta.space, meta.channels, meta.depth],
          [200, 'jpeg', 'srgb', 3, 'uchar'],
          photoId,
        );
        const centre = await pixelAt(jpeg, 640, 400);
        assert.ok(isNear(centre, colour), `${photoId} centre ${JSON.stringify(centre)}`);
      }
      const fine = await imageOf(await fetch(urlFor('p_fine')));
      assert.deepEqual([fine.width, fine.height], [1280, 800], 'the service is still up and rendering');
    });
  });
}
