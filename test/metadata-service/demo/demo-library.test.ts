import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ensureDemoLibrary } from '../../../metadata-service/demo/demo-library';
import { readJpegMetadata } from '../../../metadata-service/ingest/read-jpeg-metadata';
import { createLibrary } from '../../../metadata-service/library';
import { makeTempDir, silentLogger, type TempDir } from '../support/fixtures';

async function jpegsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.jpg'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** 64-bit difference hash of the upright image: near-identical pictures share (almost) all bits. */
async function dHash(file: string): Promise<bigint> {
  const pixels = await sharp(file).rotate().greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let hash = 0n;
  for (let y = 0; y < 8; y += 1) {
    for (let x = 0; x < 8; x += 1) {
      hash = (hash << 1n) | ((pixels[y * 9 + x] ?? 0) > (pixels[y * 9 + x + 1] ?? 0) ? 1n : 0n);
    }
  }
  return hash;
}

const bitsDiffering = (a: bigint, b: bigint): number => (a ^ b).toString(2).replace(/0/g, '').length;

describe('ensureDemoLibrary', function () {
  this.timeout(60_000);
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('writes dated, located, tagged JPEGs relative to today, once per set', async () => {
    const dir = join(tmp.path, 'demo');
    const today = new Date('2026-11-25T12:00:00Z');
    const { created } = await ensureDemoLibrary(dir, today);
    const files = await jpegsUnder(dir);
    assert.equal(created, files.length);
    assert.ok(files.length >= 30 && files.length <= 40, String(files.length));
    assert.deepEqual(await ensureDemoLibrary(dir, today), { created: 0 });

    const metas = await Promise.all(files.map((f) => readJpegMetadata(f, new Date(0))));
    for (const [i, meta] of metas.entries()) {
      assert.equal(meta.taken.source, 'exif-with-offset', files[i]);
      assert.ok(meta.gps, files[i]);
      assert.ok(meta.camera.make && meta.camera.model, files[i]);
      assert.ok(meta.keywords.length > 0, files[i]);
      assert.ok(Math.max(meta.width, meta.height) >= 2400, files[i]);
    }
    const rotated = await Promise.all(
      files.map(async (f, i) => ({ stored: await sharp(f).metadata(), meta: metas[i] })),
    );
    const sideways = rotated.filter((r) => r.meta?.orientation === 6);
    assert.ok(sideways.length >= 2);
    for (const { stored, meta } of sideways) {
      assert.ok(stored.width > stored.height, 'stored landscape');
      assert.ok(meta && meta.height > meta.width, 'displayed portrait');
    }

    const hashes = await Promise.all(files.map(dHash));
    for (let i = 0; i < hashes.length; i += 1) {
      for (let j = i + 1; j < hashes.length; j += 1) {
        assert.ok(bitsDiffering(hashes[i] ?? 0n, hashes[j] ?? 0n) >= 4, `${files[i]} looks like ${files[j]}`);
      }
    }

    // Through the library: the voice requests the demo exists for find photos.
    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') },
      logger: silentLogger,
    });
    try {
      const report = await library.ingest(dir, { ownerId: 'demo' });
      assert.equal(report.added, files.length);
      assert.deepEqual(report.skipped, []);
      const search = (labels: string[], takenFrom?: string, takenTo?: string) =>
        library.api.search('demo', { query: { labels, takenFrom, takenTo }, limit: 1000 });

      const beach = await search(['beach']);
      assert.ok(beach.total >= 6, String(beach.total));
      for (const photo of beach.photos)
        assert.match(photo.takenLocal ?? '', /^2026-0[678]-/, photo.source.path);
      const lastSummer = await search(['beach'], '2026-06-01T00:00:00', '2026-09-01T00:00:00');
      assert.equal(lastSummer.total, beach.total);

      const lastYear = await search([], '2025-01-01T00:00:00', '2026-01-01T00:00:00');
      const months = new Set(lastYear.photos.map((p) => p.takenLocal?.slice(0, 7)));
      assert.ok(months.size >= 6, [...months].join());
      assert.ok((await search([], '2026-11-01T00:00:00', '2026-11-25T00:00:00')).total >= 3);
      assert.ok((await search(['snow'], '2025-12-01T00:00:00', '2026-03-01T00:00:00')).total >= 3);
      for (const label of [
        'mountain',
        'dog',
        'city',
        'sunset',
        'flowers',
        'forest',
        'lake',
        'birthday',
        'food',
      ]) {
        assert.ok((await search([label])).total >= 1, label);
      }
    } finally {
      await library.close();
    }
  });

  it('puts last summer in the previous year before September, and regenerates for a new month', async () => {
    const dir = join(tmp.path, 'demo');
    await ensureDemoLibrary(dir, new Date('2026-07-10T09:00:00Z'));
    const beachFiles = (await jpegsUnder(dir)).filter((f) => f.includes(`${join(dir, 'Beach ')}`));
    assert.ok(beachFiles.length >= 6);
    for (const file of beachFiles) {
      const meta = await readJpegMetadata(file, new Date(0));
      assert.match(meta.taken.local, /^2025-0[678]-/, file);
    }
    const julyPhone = (await jpegsUnder(join(dir, 'Phone'))).map((f) => f.slice(dir.length));
    assert.ok(julyPhone.every((f) => f.includes('2026-07')));

    const { created } = await ensureDemoLibrary(dir, new Date('2026-08-02T09:00:00Z'));
    assert.ok(created > 0);
    const phone = (await jpegsUnder(join(dir, 'Phone'))).map((f) => f.slice(dir.length));
    assert.ok(phone.length > 0 && phone.every((f) => f.includes('2026-08')), phone.join());
  });
});
