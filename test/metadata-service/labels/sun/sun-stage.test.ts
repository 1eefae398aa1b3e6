import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { ancestorsOf } from '../../../../common/vocabulary';
import { SUN_LABELLER_VERSION } from '../../../../metadata-service/labels/sun/sun-labeller';
import { SunRepository } from '../../../../metadata-service/labels/sun/sun-repository';
import { runSunStage } from '../../../../metadata-service/labels/sun/sun-stage';
import { createLibrary } from '../../../../metadata-service/library';
import { createOriginalReader } from '../../../../metadata-service/vision/original-reader';
import { withCameraExif } from '../../fixtures/camera-exif';
import { describeOnEachEngine, type TestLibraryDatabase } from '../../repositories/library-engines';
import { makeTempDir, silentLogger, type TempDir } from '../../support/fixtures';

const OWNER = 'sun-owner';
const LONDON = { latitude: 51.5074, longitude: -0.1278 };

/** A real JPEG of horizontal bands with camera EXIF (local time, offset, GPS) as a phone writes it. */
async function photo(
  path: string,
  parts: readonly { rgb: readonly [number, number, number]; share: number }[],
  exif: {
    dateTimeOriginal?: string;
    offsetTimeOriginal?: string;
    gps?: { latitude: number; longitude: number };
  },
): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const width = 320;
  const height = 240;
  const composites: OverlayOptions[] = [];
  let top = 0;
  for (const [index, part] of parts.entries()) {
    const rows = index === parts.length - 1 ? height - top : Math.round(part.share * height);
    const [r, g, b] = part.rgb;
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
  await withCameraExif(image, exif).toFile(path);
}

const SUNSET_SKY = [
  { rgb: [70, 100, 170], share: 0.15 },
  { rgb: [120, 140, 190], share: 0.1 },
  { rgb: [235, 215, 170], share: 0.1 },
  { rgb: [250, 170, 80], share: 0.1 },
  { rgb: [240, 120, 50], share: 0.05 },
  { rgb: [40, 30, 25], share: 0.5 },
] as const;
const GREY_ROOM = [
  { rgb: [120, 120, 118], share: 0.5 },
  { rgb: [95, 95, 92], share: 0.5 },
] as const;
const DARK = [
  { rgb: [10, 12, 25], share: 0.6 },
  { rgb: [60, 50, 30], share: 0.05 },
  { rgb: [15, 15, 15], share: 0.35 },
] as const;
// 2026-06-21, London: sunset 21:21 BST; 21:10 BST is the sun about 1.5° up in the north-west.
const AT_SUNSET = { dateTimeOriginal: '2026:06:21 21:10:00', offsetTimeOriginal: '+01:00', gps: LONDON };

describeOnEachEngine('sun labels in a library of real JPEGs with EXIF', (engine) => {
  let tmp: TempDir;
  let folder: string;
  let database: TestLibraryDatabase;

  beforeEach(async function () {
    this.timeout(60_000);
    tmp = await makeTempDir('pf-sun-');
    folder = join(tmp.path, 'photos');
    database = await engine.open();
    await photo(join(folder, 'sunset.jpg'), SUNSET_SKY, AT_SUNSET);
    await photo(join(folder, 'room-at-sunset.jpg'), GREY_ROOM, AT_SUNSET);
    // Local time only: placed in the GPS zone (Europe/London, BST) by ingest.
    await photo(
      join(folder, 'sunset-no-offset.jpg'),
      [...SUNSET_SKY.slice(0, 5), { rgb: [30, 25, 20], share: 0.5 }],
      {
        dateTimeOriginal: '2026:06:21 21:12:00',
        gps: LONDON,
      },
    );
    await photo(
      join(folder, 'sky-at-noon.jpg'),
      [...SUNSET_SKY.slice(0, 5), { rgb: [45, 30, 25], share: 0.5 }],
      {
        dateTimeOriginal: '2026:06:21 13:00:00',
        offsetTimeOriginal: '+01:00',
        gps: LONDON,
      },
    );
    await photo(join(folder, 'night.jpg'), DARK, {
      dateTimeOriginal: '2026:12:21 23:30:00',
      offsetTimeOriginal: '+00:00',
      gps: LONDON,
    });
    await photo(join(folder, 'no-place.jpg'), SUNSET_SKY, {
      dateTimeOriginal: '2026:06:21 21:10:00',
      offsetTimeOriginal: '+01:00',
    });
    const library = await createLibrary({
      database: database.location,
      logger: silentLogger,
    });
    await library.ingest(folder, { ownerId: OWNER, vision: 'off' });
    await library.close();
  });
  afterEach(async () => {
    await database?.cleanup();
    await tmp?.cleanup();
  });

  async function runStage() {
    const originals = createOriginalReader(undefined);
    try {
      const repository = new SunRepository(database.db, ancestorsOf);
      const report = await runSunStage(
        { ownerId: OWNER, sourceRoot: folder },
        { repository, originals, logger: silentLogger },
      );
      return { report, repository };
    } finally {
      originals.close();
    }
  }

  it('labels the sunset photos (source sun, with evidence), not the room, the noon sky or the photo without a place', async () => {
    const { report, repository } = await runStage();
    assert.equal(report.looked, 6);
    assert.equal(report.labels.sunset, 2);
    assert.equal(report.labels.night, 1);
    assert.equal(report.noPlace, 1);
    const library = await createLibrary({
      database: database.location,
      logger: silentLogger,
    });
    try {
      const all = await library.api.search(OWNER, { query: {}, limit: 100 });
      const byPath = new Map(all.photos.map((p) => [p.source.path, p.id]));
      const sunLabels = async (path: string) =>
        (await library.api.getPhoto(OWNER, byPath.get(path) ?? '')).labels
          .filter((l) => l.source === 'sun')
          .map((l) => l.name);
      assert.deepEqual(await sunLabels('sunset.jpg'), ['sunset']);
      assert.deepEqual(await sunLabels('sunset-no-offset.jpg'), ['sunset']);
      assert.deepEqual(await sunLabels('room-at-sunset.jpg'), []);
      assert.deepEqual(await sunLabels('sky-at-noon.jpg'), []);
      assert.deepEqual(await sunLabels('no-place.jpg'), []);
      assert.deepEqual(await sunLabels('night.jpg'), ['night']);

      // Sunset answers a search (its measured precision clears the bar); night is kept but does not.
      const sunsets = await library.api.search(OWNER, { query: { labels: ['sunset'] }, limit: 100 });
      assert.deepEqual(sunsets.photos.map((p) => p.source.path).sort(), [
        'sunset-no-offset.jpg',
        'sunset.jpg',
      ]);
      const nights = await library.api.search(OWNER, { query: { labels: ['night'] }, limit: 100 });
      assert.equal(nights.photos.length, 0);

      const evidence = await repository.evidenceOf(OWNER, byPath.get('sunset-no-offset.jpg') ?? '');
      assert.equal(evidence?.outcome, 'labelled');
      assert.equal(evidence?.labellerVersion, SUN_LABELLER_VERSION);
      assert.equal(evidence?.evidence?.moment.positionFrom, 'gps');
      assert.equal(evidence?.evidence?.moment.zone, 'Europe/London');
      assert.equal(evidence?.evidence?.sun.half, 'evening');
      assert.ok(
        (evidence?.evidence?.sun.altitude ?? 99) < 6 && (evidence?.evidence?.sun.altitude ?? -99) > -6,
      );
      assert.deepEqual(evidence?.evidence?.labels, [
        { label: 'sunset', sunRule: 'evening, -6°..+6°', colourRule: 'warm sky' },
      ]);
      assert.equal(
        (await repository.evidenceOf(OWNER, byPath.get('no-place.jpg') ?? ''))?.outcome,
        'no-place',
      );
    } finally {
      await library.close();
    }
  });

  it('looks at each photo once per labeller version, and again under a new version', async () => {
    const first = await runStage();
    assert.equal(first.report.looked, 6);
    const second = await runStage();
    assert.equal(second.report.looked, 0);
    const pendingUnderNewVersion = await second.repository.pendingPhotos(OWNER, folder, 'sun/next');
    assert.equal(pendingUnderNewVersion.length, 6);
  });

  it('records a garbled picture as unreadable, retries one whose file is gone, and labels the others', async () => {
    await rm(join(folder, 'sunset.jpg'));
    await writeFile(
      join(folder, 'sunset-no-offset.jpg'),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]),
    );
    const { report, repository } = await runStage();
    assert.equal(report.unreadable, 1);
    assert.equal(report.failed, 1);
    assert.equal(report.labels.sunset, undefined);
    assert.equal(report.labels.night, 1);
    assert.equal(report.looked, 5);
    const pending = await repository.pendingPhotos(OWNER, folder, SUN_LABELLER_VERSION);
    // The garbled one waits for a new labeller version; the missing one is looked at again next pass.
    assert.deepEqual(
      pending.map((p) => p.sourcePath),
      ['sunset.jpg'],
    );
  });

  it('stops without looking at anything once aborted', async () => {
    const originals = createOriginalReader(undefined);
    try {
      const repository = new SunRepository(database.db, ancestorsOf);
      const report = await runSunStage(
        { ownerId: OWNER, sourceRoot: folder, signal: AbortSignal.abort() },
        { repository, originals, logger: silentLogger },
      );
      assert.equal(report.looked, 0);
      assert.equal((await repository.pendingPhotos(OWNER, folder, SUN_LABELLER_VERSION)).length, 6);
    } finally {
      originals.close();
    }
  });
});
