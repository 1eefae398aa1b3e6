import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localStackConfigFromEnv } from '../../server/config';
import { startLocalStack, type LocalStack } from '../../server/local-stack';
import { writeJpeg } from '../metadata-service/support/fixtures';

/** The acceptance bound (issue 14): a photo copied in or deleted is reflected in search within this long. */
const WITHIN_MS = 10_000;

interface Watch {
  watcher: string;
  reason?: string;
  passes: number;
  rescans: number;
  rescanMinutes: number | null;
  /** Changed paths waiting for the next pass. */
  pending: number;
}

interface Health {
  status: string;
  watch: Watch;
}

async function stackOn(
  root: string,
  follow: { watch: boolean; rescanIntervalMs: number } = { watch: true, rescanIntervalMs: 0 },
): Promise<LocalStack> {
  const config = {
    ...localStackConfigFromEnv({ VISION: 'false' }),
    port: 0,
    dataDir: join(root, 'data'),
    photosDir: join(root, 'photos'),
    followPhotos: follow,
    logLevel: 'silent' as const,
  };
  return startLocalStack(config);
}

async function health(stack: LocalStack): Promise<Health> {
  return (await (await fetch(`${stack.url}/healthz`)).json()) as Health;
}

/** Free text through the library API, as `npm run search` asks it. */
async function search(stack: LocalStack, q: string): Promise<{ total: number; photos: { id: string }[] }> {
  const response = await fetch(`${stack.url}/v1/library/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ q, limit: 500 }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as { total: number; photos: { id: string }[] };
}

async function photo(
  stack: LocalStack,
  id: string,
): Promise<{ favorite: boolean; source: { path: string } }> {
  const response = await fetch(`${stack.url}/v1/library/photos/${id}`, {
    headers: { authorization: `Bearer ${stack.ownerToken}` },
  });
  assert.equal(response.status, 200);
  return (await response.json()) as { favorite: boolean; source: { path: string } };
}

/** Polls until `check` holds; the time it took, or a failure naming what was last seen. */
async function within<T>(ms: number, probe: () => Promise<T>, check: (value: T) => boolean): Promise<number> {
  const started = Date.now();
  let last: T | undefined;
  while (Date.now() - started < ms) {
    last = await probe();
    if (check(last)) return Date.now() - started;
    await new Promise((resolveWait) => setTimeout(resolveWait, 150));
  }
  assert.fail(`not within ${ms} ms; last seen ${JSON.stringify(last)}`);
}

async function watching(stack: LocalStack): Promise<void> {
  await stack.ingestDone;
  await within(
    WITHIN_MS,
    () => health(stack),
    (h) => h.watch.watcher === 'watching',
  );
}

describe('the local stack follows PHOTOS_DIR', function () {
  this.timeout(60_000);
  let root: string;
  let staging: string;
  let stack: LocalStack | undefined;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'photoframe-follow-'));
    staging = join(root, 'staging');
    await mkdir(join(root, 'photos'), { recursive: true });
  });

  afterEach(async () => {
    await stack?.close();
    stack = undefined;
    await rm(root, { recursive: true, force: true });
  });

  it('finds a photo copied in within 10 s, and no longer finds it within 10 s of its deletion', async () => {
    stack = await stackOn(root);
    await watching(stack);
    assert.equal((await search(stack, 'beach')).total, 0);
    await writeJpeg(join(staging, 'IMG_0001.jpg'), { seed: 3, keywords: ['Beach'] });

    await copyFile(join(staging, 'IMG_0001.jpg'), join(root, 'photos', 'IMG_0001.jpg'));
    const added = await within(
      WITHIN_MS,
      () => search(stack!, 'beach'),
      (r) => r.total === 1,
    );
    await rm(join(root, 'photos', 'IMG_0001.jpg'));
    const removed = await within(
      WITHIN_MS,
      () => search(stack!, 'beach'),
      (r) => r.total === 0,
    );

    assert.ok(added < WITHIN_MS && removed < WITHIN_MS, `added in ${added} ms, removed in ${removed} ms`);
    // A pass is counted when its job reports done, a moment after its change is searchable (as below).
    await within(
      WITHIN_MS,
      () => health(stack!),
      (h) => h.watch.passes >= 2 && h.watch.pending === 0,
    );
    const { watch, status } = await health(stack);
    assert.equal(status, 'ok');
    assert.ok(watch.passes >= 2, JSON.stringify(watch));
  });

  it('keeps a moved photo: same id, still a favourite, at its new path', async () => {
    await writeJpeg(join(root, 'photos', 'IMG_0002.jpg'), { seed: 4, keywords: ['Beach'] });
    stack = await stackOn(root);
    await watching(stack);
    const [before] = (await search(stack, 'beach')).photos;
    assert.ok(before);
    const flagged = await fetch(`${stack.url}/v1/library/photos/${before.id}/flags`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${stack.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ favorite: true }),
    });
    assert.equal(flagged.status, 200);

    await mkdir(join(root, 'photos', 'Summer trip'));
    await rename(join(root, 'photos', 'IMG_0002.jpg'), join(root, 'photos', 'Summer trip', 'IMG_0002.jpg'));
    await within(
      WITHIN_MS,
      () => photo(stack!, before.id),
      (p) => p.source.path === 'Summer trip/IMG_0002.jpg',
    );
    const moved = await photo(stack, before.id);
    assert.equal(moved.favorite, true);
    assert.deepEqual(
      (await search(stack, 'beach')).photos.map((p) => p.id),
      [before.id],
    );
  });

  it('finds a stored photo by a tag written into its XMP sidecar afterwards, within 10 s', async () => {
    await writeJpeg(join(root, 'photos', 'IMG_0006.jpg'), { seed: 8, keywords: ['Beach'] });
    stack = await stackOn(root);
    await watching(stack);
    const [before] = (await search(stack, 'beach')).photos;
    assert.ok(before);
    assert.equal((await search(stack, 'snow')).total, 0);

    await writeFile(
      join(root, 'photos', 'IMG_0006.xmp'),
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        '<dc:subject><rdf:Bag><rdf:li>Snow</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>',
    );
    await within(
      WITHIN_MS,
      () => search(stack!, 'snow'),
      (r) => r.total === 1,
    );
    assert.deepEqual(
      (await search(stack, 'snow')).photos.map((p) => p.id),
      [before.id],
    );
  });

  it('coalesces a burst of 200 photos into a few passes', async () => {
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        writeJpeg(join(staging, `IMG_${1000 + i}.jpg`), { seed: i + 1, keywords: ['Beach'] }),
      ),
    );
    stack = await stackOn(root);
    await watching(stack);
    for (let i = 0; i < 200; i += 1) {
      await copyFile(join(staging, `IMG_${1000 + i}.jpg`), join(root, 'photos', `IMG_${1000 + i}.jpg`));
    }
    await within(
      30_000,
      () => search(stack!, 'beach'),
      (r) => r.total === 200,
    );
    // A pass commits its photos batch by batch, so they are found before the pass itself has finished (its hash
    // stage may still run): its count is read once nothing is left pending or running.
    await within(
      30_000,
      () => health(stack!),
      (h) => h.watch.passes >= 1 && h.watch.pending === 0,
    );
    const { watch } = await health(stack);
    assert.ok(watch.passes <= 4, `200 photos took ${watch.passes} passes: ${JSON.stringify(watch)}`);
  });

  it('with watching off, still picks a new photo up at the periodic rescan', async () => {
    stack = await stackOn(root, { watch: false, rescanIntervalMs: 2_000 });
    await stack.ingestDone;
    assert.equal((await health(stack)).watch.watcher, 'off');
    await writeJpeg(join(root, 'photos', 'IMG_0003.jpg'), { seed: 5, keywords: ['Beach'] });

    await within(
      WITHIN_MS,
      () => search(stack!, 'beach'),
      (r) => r.total === 1,
    );
    // As for passes above: the photo is searchable once its batch commits, and the rescan is counted when its job
    // reports done, a moment later (CI once read the health in between: rescans 0).
    await within(
      WITHIN_MS,
      () => health(stack!),
      (h) => h.watch.rescans >= 1 && h.watch.pending === 0,
    );
    const { watch } = await health(stack);
    assert.equal(watch.passes, 0, JSON.stringify(watch));
    assert.equal(watch.rescanMinutes, 2_000 / 60_000);
  });

  it('survives its folder being removed: degraded, photos kept, watching again once the folder is back', async () => {
    await writeJpeg(join(root, 'photos', 'IMG_0004.jpg'), { seed: 6, keywords: ['Beach'] });
    stack = await stackOn(root, { watch: true, rescanIntervalMs: 2_000 });
    await watching(stack);
    assert.equal((await search(stack, 'beach')).total, 1);

    await rename(join(root, 'photos'), join(root, 'unplugged'));
    await within(
      WITHIN_MS,
      () => health(stack!),
      (h) => h.watch.watcher === 'failed',
    );
    const degraded = await health(stack);
    assert.equal(degraded.status, 'degraded');
    assert.match(degraded.watch.reason ?? '', /photo folder was removed/);
    assert.ok(!JSON.stringify(degraded).includes(root), 'health leaks an absolute path');
    // Gone like an unplugged disk: nothing is dropped from the library.
    await new Promise((resolveWait) => setTimeout(resolveWait, 3_000));
    assert.equal((await search(stack, 'beach')).total, 1);

    await rename(join(root, 'unplugged'), join(root, 'photos'));
    await within(
      WITHIN_MS,
      () => health(stack!),
      (h) => h.watch.watcher === 'watching',
    );
    await writeJpeg(join(root, 'photos', 'IMG_0005.jpg'), { seed: 7, keywords: ['Beach'] });
    await within(
      WITHIN_MS,
      () => search(stack!, 'beach'),
      (r) => r.total === 2,
    );
    assert.equal((await health(stack)).status, 'ok');
  });
});
