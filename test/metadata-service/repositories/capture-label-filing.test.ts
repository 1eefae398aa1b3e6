import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { photoQuerySchema } from '../../../common/contracts';
import { fileStoredCaptureLabels } from '../../../metadata-service/repositories/capture-label-filing';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { rebuildSearchCounts } from '../../../metadata-service/repositories/search-count-rebuild';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { photoRecord } from './photo-records';
import { searchCountRows } from './search-count-rows';

const A = 'owner-a';
const B = 'owner-b';

/** A library ingested before capture labels: the shapes and screenshot bits are stored, the labels are not. */
describeOnEachEngine('stored photos filed under the capture labels their columns show', (engine) => {
  let database: TestLibraryDatabase;
  let photos: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    photos = new PhotoRepository(database.db);
    const at = (day: number) => ({ takenLocal: `2026-07-${String(day).padStart(2, '0')}T10:00:00` });
    await photos.insertPhoto(photoRecord(A, 'ph_wide', { ...at(1), width: 8000, height: 2000 }), []);
    await photos.insertPhoto(photoRecord(A, 'ph_tall', { ...at(2), width: 1500, height: 3000 }), []);
    await photos.insertPhoto(photoRecord(A, 'ph_16_9', { ...at(3), width: 1920, height: 1080 }), []);
    await photos.insertPhoto(
      photoRecord(A, 'ph_screen', { ...at(4), width: 1170, height: 2532, isScreenshot: true }),
      [],
    );
    await photos.insertPhoto(
      photoRecord(A, 'ph_video', {
        ...at(5),
        width: 3840,
        height: 1080,
        mediaKind: 'video',
        durationMs: 5000,
      }),
      [],
    );
    await photos.insertPhoto(photoRecord(A, 'ph_not_pano', { ...at(6), width: 6000, height: 2000 }), []);
    await photos.insertPhoto(photoRecord(B, 'ph_b_wide', { ...at(1), width: 6000, height: 1500 }), []);
    // A crop of a word is as wide, but no panorama.
    await photos.insertPhoto(photoRecord(A, 'ph_crop', { ...at(8), width: 487, height: 121 }), []);
    await photos.insertPhoto(
      photoRecord(A, 'ph_live', {
        ...at(7),
        motion: {
          kind: 'live-photo',
          path: 'ph_live.MOV',
          uri: 'file:///photos/ph_live.MOV',
          offset: 0,
          bytes: 9,
          durationMs: 1500,
        },
      }),
      [],
    );
    // The owner took "panorama" off this one: that stays so.
    await sql`insert into label_suppressions (owner_id, photo_id, source_root, source_path, label, removed_at)
      values (${A}, 'ph_not_pano', '/photos', 'ph_not_pano.jpg', 'panorama', '2026-11-01T00:00:00.000Z')`.execute(
      database.db,
    );
  });
  afterEach(() => database.cleanup());

  const found = async (ownerId: string, label: string) =>
    (
      await photos.search(ownerId, photoQuerySchema.parse({ labels: [label] }), { limit: 10, offset: 0 })
    ).photos
      .map((p) => p.id)
      .sort();

  it('finds the panoramas and screenshots stored before, for each owner, with their facts, and counts as a rebuild does', async () => {
    assert.deepEqual(await found(A, 'panorama'), [], 'stored before: no labels');

    assert.deepEqual(await fileStoredCaptureLabels(database.db), ['screenshot', 'panorama', 'live photo']);

    assert.deepEqual(await found(A, 'panorama'), ['ph_tall', 'ph_wide']);
    assert.deepEqual(await found(B, 'panorama'), ['ph_b_wide']);
    assert.deepEqual(await found(A, 'screenshot'), ['ph_screen']);
    assert.deepEqual(await found(A, 'live photo'), ['ph_live']);
    const sources = await sql<{ photo_id: string; label: string; source: string; detail: string }>`
      select photo_id, label, source, detail from photo_label_sources order by photo_id`.execute(database.db);
    assert.deepEqual(
      sources.rows.map((r) => `${r.photo_id} ${r.label} ${r.source} ${r.detail}`),
      [
        'ph_b_wide panorama capture 6000x1500',
        'ph_live live photo capture motion: a companion video',
        'ph_screen screenshot capture a screen capture',
        'ph_tall panorama capture 1500x3000',
        'ph_wide panorama capture 8000x2000',
      ],
    );
    const maintained = await searchCountRows(database.db);
    await database.db.transaction().execute((trx) => rebuildSearchCounts(trx));
    assert.deepEqual(maintained, await searchCountRows(database.db));
  });

  it('files nothing twice: a second run gains nothing', async () => {
    await fileStoredCaptureLabels(database.db);
    assert.deepEqual(await fileStoredCaptureLabels(database.db), []);
    assert.deepEqual(await found(A, 'panorama'), ['ph_tall', 'ph_wide']);
  });
});
