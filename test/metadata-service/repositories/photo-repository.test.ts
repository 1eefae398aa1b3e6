import assert from 'node:assert/strict';
import { photoFactsSchema, photoQuerySchema, vocabularySchema } from '../../../common/contracts';
import { albumIdFor, personIdFor } from '../../../metadata-service/repositories/names';
import { rebuildSearchCounts } from '../../../metadata-service/repositories/search-count-rebuild';
import { searchCountRows } from './search-count-rows';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { keywords, photoRecord } from './photo-records';

const A = 'owner-a';
const B = 'owner-b';

describeOnEachEngine('PhotoRepository', (engine) => {
  let database: TestLibraryDatabase;
  let repo: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    repo = new PhotoRepository(database.db);
  });
  afterEach(() => database.cleanup());

  const countRows = async (table: 'photos' | 'photo_labels' | 'photo_people' | 'photo_albums') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores a photo with its place, people, albums and sidecar facts, and answers them as facts', async () => {
    const photo = photoRecord(A, 'ph_full', {
      takenLocal: '2025-07-14T15:30:12',
      takenUtc: '2025-07-14T13:30:12.000Z',
      takenTimeSource: 'exif-with-offset',
      timeZone: '+02:00',
      timeZoneSource: 'exif-offset',
      latitude: 43.2965,
      longitude: 5.3698,
      place: {
        city: 'Marseille',
        region: "Provence-Alpes-Côte d'Azur",
        country: 'France',
        countryCode: 'FR',
      },
      title: 'Old port',
      description: 'Boats at dusk',
      favorite: true,
      rating: 5,
      people: ['José María', 'Anna Smith', 'jose  maria'],
      albums: [
        { name: 'Marseille 2025', source: 'folder' },
        { name: 'Best of', source: 'takeout' },
      ],
    });
    assert.equal(await repo.insertPhoto(photo, keywords('boat')), true);
    const facts = await repo.getPhoto(A, 'ph_full');
    assert.ok(facts);
    assert.ok(photoFactsSchema.safeParse(facts).success);
    assert.equal(facts.timeZone, '+02:00');
    assert.equal(facts.timeZoneSource, 'exif-offset');
    assert.deepEqual(facts.place, photo.place);
    assert.equal(facts.title, 'Old port');
    assert.equal(facts.favorite, true);
    assert.equal(facts.rating, 5);
    assert.equal(facts.mediaKind, 'photo');
    assert.deepEqual(
      facts.people.map((p) => p.name),
      ['Anna Smith', 'José María'],
      'one person per normalized name',
    );
    assert.equal(facts.people[1]?.id, personIdFor(A, 'jose maria'));
    assert.deepEqual(
      facts.albums.map((a) => [a.name, a.source]),
      [
        ['Best of', 'takeout'],
        ['Marseille 2025', 'folder'],
      ],
    );
    assert.deepEqual(facts.labels, [{ name: 'boat', source: 'keyword', confidence: 1 }]);
    assert.equal(await repo.getPhoto(B, 'ph_full'), undefined, "another owner's photo does not exist for B");
  });

  it('reuses a person across photos, and lists people and albums by photo count with spoken synonyms', async () => {
    await repo.insertPhoto(
      photoRecord(A, 'ph_1', {
        people: ['Mom', 'Anna Smith'],
        albums: [{ name: 'Hawaii 2019', source: 'folder' }],
      }),
      keywords('beach'),
    );
    await repo.insertPhoto(photoRecord(A, 'ph_2', { people: ['mom'] }), keywords('beach', 'dog'));
    await repo.insertPhoto(photoRecord(A, 'ph_3', { people: ['Secret Friend'] }), keywords('dog'));
    await repo.insertPhoto(
      photoRecord(B, 'ph_b', { people: ['Bob'], albums: [{ name: 'B album', source: 'folder' }] }),
      keywords('cat'),
    );
    await repo.setPersonHidden(A, personIdFor(A, 'secret friend'), true);

    const vocabulary = await repo.vocabulary(A);
    assert.ok(vocabularySchema.safeParse(vocabulary).success);
    assert.deepEqual(vocabulary.people, [
      { id: personIdFor(A, 'mom'), name: 'Mom', synonyms: ['mom'], photoCount: 2 },
      {
        id: personIdFor(A, 'anna smith'),
        name: 'Anna Smith',
        synonyms: ['anna smith', 'anna'],
        photoCount: 1,
      },
    ]);
    assert.deepEqual(vocabulary.albums, [
      {
        id: albumIdFor(A, 'hawaii 2019'),
        name: 'Hawaii 2019',
        synonyms: ['hawaii 2019', 'hawaii'],
        photoCount: 1,
      },
    ]);
    assert.deepEqual(vocabulary.labels, [
      { name: 'beach', photoCount: 2 },
      { name: 'dog', photoCount: 2 },
    ]);
    const other = await repo.vocabulary(B);
    assert.deepEqual(
      other.people.map((p) => p.name),
      ['Bob'],
    );
    assert.deepEqual(
      other.labels.map((l) => l.name),
      ['cat'],
    );
  });

  it('refuses a second copy of the same bytes for one owner, in one transaction with its joins', async () => {
    assert.equal(
      await repo.insertPhoto(photoRecord(A, 'ph_1', { people: ['Mom'] }), keywords('beach')),
      true,
    );
    const again = photoRecord(A, 'ph_1_again', { contentHash: 'ph_1-hash', people: ['Dad'] });
    assert.equal(await repo.insertPhoto(again, keywords('dog')), false);
    assert.equal(await countRows('photos'), 1);
    assert.equal(await countRows('photo_labels'), 1);
    assert.equal(await countRows('photo_people'), 1);
    assert.equal(await repo.insertPhoto(photoRecord(B, 'ph_b1', { contentHash: 'ph_1-hash' }), []), true);
  });

  it('rolls the whole photo back when a join row fails', async () => {
    const broken = photoRecord(A, 'ph_broken', { people: ['Mom'] });
    // A label longer than the primary key allows is not the point; a NULL in a NOT NULL column is.
    await assert.rejects(
      repo.insertPhoto(broken, [
        { label: 'beach', source: 'keyword', confidence: null as unknown as number },
      ]),
    );
    assert.equal(await countRows('photos'), 0);
    assert.equal(await countRows('photo_people'), 0);
  });

  it("deletes photos with their joins, only the owner's, and re-leads a duplicate group that lost its first photo", async () => {
    const burst = (id: string, hash: string, minute: string) =>
      photoRecord(A, id, {
        takenLocal: `2024-05-01T18:${minute}:00`,
        perceptualHash: hash,
        people: ['Mom'],
        albums: [{ name: 'Burst', source: 'folder' }],
      });
    await repo.insertPhoto(burst('ph_a', 'ffff0000ffff0000', '00'), keywords('sunset'));
    await repo.insertPhoto(burst('ph_b', 'ffff0000ffff0001', '01'), keywords('sunset'));
    await repo.insertPhoto(burst('ph_c', 'ffff0000ffff0003', '02'), keywords('sunset'));
    assert.equal((await repo.getPhoto(A, 'ph_c'))?.duplicateGroupId, 'ph_a');

    assert.equal(await repo.deletePhotos(B, ['ph_a']), 0, "B cannot delete A's photo");
    assert.equal(await repo.deletePhotos(A, ['ph_a']), 1);
    assert.equal(await countRows('photo_labels'), 2);
    assert.equal(await countRows('photo_people'), 2);
    assert.equal(await countRows('photo_albums'), 2);
    assert.equal((await repo.getPhoto(A, 'ph_c'))?.duplicateGroupId, 'ph_b');
    const collapsed = await repo.search(A, photoQuerySchema.parse({ collapseDuplicates: true }), {
      limit: 10,
      offset: 0,
    });
    assert.deepEqual(
      collapsed.photos.map((p) => p.id),
      ['ph_b'],
    );
    await repo.deletePhotos(A, ['ph_b']);
    assert.equal((await repo.getPhoto(A, 'ph_c'))?.duplicateGroupId, null, 'a group of one is no group');
  });

  it('groups only within 10 minutes and 6 bits, and merges groups a new photo bridges', async () => {
    const at = (id: string, hash: string, time: string) =>
      repo.insertPhoto(photoRecord(A, id, { takenLocal: time, perceptualHash: hash }), []);
    await at('ph_1', '00000000000000ff', '2024-01-01T10:00:00');
    await at('ph_2', '00000000000000ff', '2024-01-01T10:10:01');
    await at('ph_3', '000000000000007f', '2024-01-01T10:05:00');
    await at('ph_4', 'ff000000000000ff', '2024-01-01T10:05:00');
    const group = async (id: string) => (await repo.getPhoto(A, id))?.duplicateGroupId;
    assert.equal(await group('ph_1'), 'ph_1');
    assert.equal(await group('ph_2'), 'ph_1');
    assert.equal(await group('ph_3'), 'ph_1');
    assert.equal(await group('ph_4'), null, '8 bits apart is another picture');
  });

  it('moves a photo: folder labels and folder albums follow the new path', async () => {
    await repo.insertPhoto(
      photoRecord(A, 'ph_1', {
        albums: [
          { name: 'Old', source: 'folder' },
          { name: 'Takeout', source: 'takeout' },
        ],
      }),
      [{ label: 'beach', source: 'folder', confidence: 0.8 }, ...keywords('dog')],
    );
    await repo.updateSource(A, 'ph_1', {
      sourceRoot: '/photos',
      sourcePath: 'New/ph_1.jpg',
      sourceUri: 'file:///photos/New/ph_1.jpg',
      fileMtime: '2026-02-01T00:00:00.000Z',
      folderLabels: [{ label: 'snow', source: 'folder', confidence: 0.8 }],
      folderAlbums: ['New'],
    });
    const facts = await repo.getPhoto(A, 'ph_1');
    assert.equal(facts?.source.path, 'New/ph_1.jpg');
    assert.deepEqual(
      facts?.labels.map((l) => l.name),
      ['snow', 'dog'],
    );
    assert.deepEqual(
      facts?.albums.map((a) => a.name),
      ['New', 'Takeout'],
    );
    const bySnow = await repo.search(A, photoQuerySchema.parse({ labels: ['snow'] }), {
      limit: 10,
      offset: 0,
    });
    assert.equal(bySnow.total, 1);
  });

  it('keeps the per-month search counts equal to the rows through inserts, moves, hiding and deletes', async () => {
    const labelled = new PhotoRepository(database.db, {
      labelParents: (label: string) => (label === 'dog' ? ['animal'] : []),
    });
    const snapshot = () => searchCountRows(database.db);
    // The maintained counts must equal a full recount from the join tables after every kind of change.
    const assertConsistent = async (step: string) => {
      const maintained = await snapshot();
      await database.db.transaction().execute((trx) => rebuildSearchCounts(trx));
      assert.deepEqual(maintained, await snapshot(), step);
    };
    const days = ['2025-07-14T10:00:00', '2025-07-30T10:00:00', '2025-08-02T10:00:00', null];
    for (const [i, takenLocal] of days.entries()) {
      await labelled.insertPhoto(
        photoRecord(i === 3 ? B : A, `ph_${i}`, {
          takenLocal,
          isScreenshot: i === 2,
          people: ['Mom'],
          albums: [{ name: 'Summer', source: 'folder' }],
        }),
        [...keywords('dog', 'beach'), { label: 'beach', source: 'folder', confidence: 0.8 }],
      );
    }
    await assertConsistent('after inserts');
    const animals = await labelled.search(A, photoQuerySchema.parse({ labels: ['animal'] }), {
      limit: 10,
      offset: 0,
    });
    assert.equal(animals.total, 2, 'the screenshot is left out; "animal" finds the dogs without repeats');
    assert.deepEqual(animals.span, { first: '2025-07-14T10:00:00', last: '2025-07-30T10:00:00' });
    const julyFrom15th = await labelled.search(
      A,
      photoQuerySchema.parse({
        labels: ['beach'],
        takenFrom: '2025-07-15T00:00:00',
        takenTo: '2025-09-01T00:00:00',
      }),
      { limit: 10, offset: 0 },
    );
    assert.equal(julyFrom15th.total, 1, 'a bound inside a month counts that month from the index');

    await labelled.updateSource(A, 'ph_0', {
      sourceRoot: '/photos',
      sourcePath: 'Snow/ph_0.jpg',
      sourceUri: 'file:///photos/Snow/ph_0.jpg',
      fileMtime: '2026-02-01T00:00:00.000Z',
      folderLabels: [{ label: 'snow', source: 'folder', confidence: 0.8 }],
      folderAlbums: ['Snow'],
    });
    await assertConsistent('after a move');
    assert.equal(await labelled.setPhotoFlags(A, 'ph_1', { hidden: true }), true);
    await assertConsistent('after hiding');
    assert.equal(await labelled.setPhotoFlags(B, 'ph_1', { hidden: false }), false, "not B's photo");
    await labelled.deletePhotos(A, ['ph_0']);
    await assertConsistent('after a delete');
    const left = await labelled.search(A, photoQuerySchema.parse({}), { limit: 10, offset: 0 });
    assert.equal(left.total, 0, 'ph_1 hidden, ph_2 a screenshot, ph_0 deleted');
  });

  it('stores a batch in one transaction: a repeat of earlier bytes in the batch is refused, counts match the rows', async () => {
    const labelled = new PhotoRepository(database.db, {
      labelParents: (label: string) => (label === 'dog' ? ['animal'] : []),
    });
    await repo.insertPhoto(
      photoRecord(A, 'ph_before', { takenLocal: '2025-07-01T09:00:00' }),
      keywords('dog'),
    );
    const stored = await labelled.insertPhotos([
      {
        photo: photoRecord(A, 'ph_1', { takenLocal: '2025-07-14T10:00:00', people: ['Mom'] }),
        labels: keywords('dog'),
      },
      // The same bytes as ph_1 from another path: refused inside the same batch.
      { photo: photoRecord(A, 'ph_1_copy', { contentHash: 'ph_1-hash' }), labels: keywords('cat') },
      // Bytes stored by an earlier transaction.
      { photo: photoRecord(A, 'ph_again', { contentHash: 'ph_before-hash' }), labels: [] },
      {
        photo: photoRecord(A, 'ph_2', { takenLocal: '2025-07-20T10:00:00', people: ['mom'] }),
        labels: keywords('dog', 'beach'),
      },
      { photo: photoRecord(B, 'ph_b', { takenLocal: null }), labels: keywords('dog') },
    ]);
    assert.deepEqual(stored, [true, false, false, true, true]);
    const dogs = await labelled.search(A, photoQuerySchema.parse({ labels: ['animal'] }), {
      limit: 10,
      offset: 0,
    });
    assert.deepEqual(dogs.photos.map((p) => p.id).sort(), ['ph_1', 'ph_2']);
    assert.equal(
      dogs.total,
      2,
      'counted from search_key_months: ph_before was stored without the parent label',
    );
    const months = await database.db
      .selectFrom('search_key_months')
      .select(['kind', 'key', 'month', 'photos', 'first_taken', 'last_taken'])
      .where('owner_id', '=', A)
      .where('kind', '=', 'all')
      .execute();
    assert.deepEqual(
      months.map((m) => ({ ...m, photos: Number(m.photos) })),
      [
        {
          kind: 'all',
          key: '',
          month: '2025-07',
          photos: 3,
          first_taken: '2025-07-01T09:00:00',
          last_taken: '2025-07-20T10:00:00',
        },
      ],
    );
    const maintained = await searchCountRows(database.db);
    await database.db.transaction().execute((trx) => rebuildSearchCounts(trx));
    assert.deepEqual(maintained, await searchCountRows(database.db));
  });

  it('rolls a whole batch back when one of its photos fails', async () => {
    // A NULL in a NOT NULL column of the second photo's label row.
    await assert.rejects(
      repo.insertPhotos([
        { photo: photoRecord(A, 'ph_good'), labels: keywords('dog') },
        {
          photo: photoRecord(A, 'ph_bad'),
          labels: [{ label: 'beach', source: 'keyword', confidence: null as unknown as number }],
        },
      ]),
    );
    assert.equal(await repo.getPhoto(A, 'ph_good'), undefined, 'the first photo of the batch is not kept');
    const counts = await database.db.selectFrom('search_key_months').selectAll().execute();
    assert.deepEqual(counts, []);
  });
});
