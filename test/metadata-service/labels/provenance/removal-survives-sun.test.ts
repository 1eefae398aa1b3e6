import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import sharp, { type OverlayOptions } from 'sharp';
import { ancestorsOf } from '../../../../common/vocabulary';
import { createProvenanceService } from '../../../../metadata-service/labels/provenance/provenance-service';
import { SunRepository } from '../../../../metadata-service/labels/sun/sun-repository';
import type { SunLabelDatabase } from '../../../../metadata-service/labels/sun/sun-schema';
import { runSunStage } from '../../../../metadata-service/labels/sun/sun-stage';
import { createLibrary } from '../../../../metadata-service/library';
import { createOriginalReader } from '../../../../metadata-service/vision/original-reader';
import { withCameraExif } from '../../fixtures/camera-exif';
import { describeOnEachEngine, type TestLibraryDatabase } from '../../repositories/library-engines';
import { makeTempDir, silentLogger, type TempDir } from '../../support/fixtures';

const OWNER = 'sun-removal-owner';

/** A warm, backlit evening sky over dark land, as a phone stores it: EXIF time with offset and GPS (London). */
async function sunsetPhoto(path: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const width = 320;
  const height = 240;
  const bands: [number, number, number, number][] = [
    [70, 100, 170, 0.15],
    [120, 140, 190, 0.1],
    [235, 215, 170, 0.1],
    [250, 170, 80, 0.1],
    [240, 120, 50, 0.05],
    [40, 30, 25, 0.5],
  ];
  const composites: OverlayOptions[] = [];
  let top = 0;
  for (const [index, [r, g, b, share]] of bands.entries()) {
    const rows = index === bands.length - 1 ? height - top : Math.round(share * height);
    composites.push({
      input: { create: { width, height: rows, channels: 3, background: { r, g, b } } },
      left: 0,
      top,
    });
    top += rows;
  }
  const image = sharp({ create: { width, height, channels: 3, background: '#000000' } })
    .composite(composites)
    .jpeg({ quality: 92 });
  // 2026-06-21 21:10 BST in London: the sun about 1.5° up in the north-west.
  await withCameraExif(image, {
    dateTimeOriginal: '2026:06:21 21:10:00',
    offsetTimeOriginal: '+01:00',
    gps: { latitude: 51.5074, longitude: -0.1278 },
  }).toFile(path);
}

describeOnEachEngine('a removed sun label stays removed when the sun labeller looks again', (engine) => {
  let tmp: TempDir;
  let database: TestLibraryDatabase;

  beforeEach(async () => {
    tmp = await makeTempDir('pf-sun-removal-');
    database = await engine.open();
  });
  afterEach(async () => {
    await database?.cleanup();
    await tmp?.cleanup();
  });

  const runStage = async (folder: string) => {
    const originals = createOriginalReader(undefined);
    try {
      return await runSunStage(
        { ownerId: OWNER, sourceRoot: folder },
        { repository: new SunRepository(database.db, ancestorsOf), originals, logger: silentLogger },
      );
    } finally {
      originals.close();
    }
  };

  it('shows the sun evidence, and after removal a relabelling (photo_sun forgotten, as a new version would) gives no sunset', async function () {
    this.timeout(60_000);
    const folder = join(tmp.path, 'photos');
    await sunsetPhoto(join(folder, 'sunset.jpg'));
    const library = await createLibrary({ database: database.location, logger: silentLogger });
    try {
      await library.ingest(folder, { ownerId: OWNER, vision: 'off' });
      const first = await runStage(folder);
      assert.equal(first.labels.sunset, 1);
      const [photo] = (await library.api.search(OWNER, { query: { labels: ['sunset'] } })).photos;
      assert.ok(photo);
      const provenance = createProvenanceService(database.db, ancestorsOf);
      const sunset = (await provenance.photoProvenance(OWNER, photo.id))?.labels.find(
        (l) => l.name === 'sunset',
      );
      const [source] = sunset?.sources ?? [];
      assert.ok(source?.kind === 'sun' && source.evidence, 'sunset carries its sun evidence');
      assert.ok(source.evidence.sunAltitude > 0 && source.evidence.sunAltitude < 6);
      assert.equal(source.evidence.positionFrom, 'gps');
      assert.ok(source.evidence.sunRule.length > 0 && source.evidence.colourRule.length > 0);

      await library.api.removePhotoLabel(OWNER, photo.id, 'sunset');
      await (database.db as unknown as Kysely<SunLabelDatabase>).deleteFrom('photo_sun').execute();
      const again = await runStage(folder);
      assert.equal(again.looked, 1, 'the labeller looked again');
      assert.equal((await library.api.search(OWNER, { query: { labels: ['sunset'] } })).total, 0);
      assert.ok(!(await library.api.getPhoto(OWNER, photo.id)).labels.some((l) => l.name === 'sunset'));
    } finally {
      await library.close();
    }
  });
});
