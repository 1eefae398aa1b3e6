import assert from 'node:assert/strict';
import type { SearchResponse } from '../../../common/contracts';
import { createLibrary, type Library } from '../../../metadata-service/library';
import { placeFromNames } from '../../../metadata-service/places/place-from-names';
import { albumIdFor, normalizeName, personIdFor } from '../../../metadata-service/repositories/names';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { OwnerTextContexts } from '../../../metadata-service/text-context/owner-text-contexts';
import { describeOnEachEngine, type TestLibraryDatabase } from '../repositories/library-engines';
import { keywords, photoRecord } from '../repositories/photo-records';
import { silentLogger } from '../support/fixtures';

const ALICE = 'alice';

/**
 * Free text keeps each owner's words between requests; every kind of change to them, made through the library's
 * own API by a second library instance on the same database (as the scale-out topology runs two), must be
 * understood by the first instance's next request.
 */
describeOnEachEngine('Free text after the library changes', (engine) => {
  let database: TestLibraryDatabase;
  /** The instance free text is asked through: it has read (and kept) the owner's words before each change. */
  let reader: Library;
  /** Another library process on the same database: the API calls that change things. */
  let writer: Library;
  /** What ingest stores and deletes with (writes with no API call of their own). */
  let ingest: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    reader = await createLibrary({ database: database.location, logger: silentLogger });
    writer = await createLibrary({ database: database.location, logger: silentLogger });
    ingest = new PhotoRepository(database.db);
  });
  afterEach(async () => {
    await reader?.close();
    await writer?.close();
    await database.cleanup();
  });

  const ask = (q: string): Promise<SearchResponse> =>
    reader.api.search(ALICE, {
      q,
      limit: 10,
      offset: 0,
      reference: '2026-06-01T12:00:00Z',
      timeZone: 'Europe/Berlin',
    });
  const understood = (response: SearchResponse) => response.understood?.map((u) => u.kind) ?? [];

  it('understands a keyword once a photo carries it, and no longer once that photo is deleted', async () => {
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_1'), keywords('beach'));
    const before = await ask('zeppelin');
    assert.deepEqual([before.total, before.unmatched], [0, ['zeppelin']]);

    await ingest.insertPhotos([{ photo: photoRecord(ALICE, 'ph_2'), labels: keywords('zeppelin') }]);
    const stored = await ask('zeppelin');
    assert.deepEqual([stored.total, stored.unmatched, understood(stored)], [1, [], ['label']]);
    assert.deepEqual(
      stored.photos.map((p) => p.id),
      ['ph_2'],
    );

    assert.equal(await ingest.deletePhotos(ALICE, ['ph_2']), 1);
    const deleted = await ask('zeppelin');
    assert.deepEqual([deleted.total, deleted.unmatched], [0, ['zeppelin']]);
  });

  it('forgets a keyword removed from its only photo through the API', async () => {
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_1'), keywords('zeppelin', 'beach'));
    assert.equal((await ask('zeppelin')).total, 1);

    await writer.api.removePhotoLabel(ALICE, 'ph_1', 'zeppelin');
    const removed = await ask('zeppelin');
    assert.deepEqual([removed.total, removed.unmatched], [0, ['zeppelin']]);
  });

  it('understands a place once a photo was taken there', async () => {
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_1'), []);
    const before = await ask('zuma pier');
    assert.equal(before.total, 0);
    assert.ok(!understood(before).includes('place'), JSON.stringify(before.understood));

    const place = placeFromNames({ sublocation: 'Zuma Pier', city: 'Malibu' });
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_2', { place }), []);
    const stored = await ask('zuma pier');
    assert.deepEqual([stored.total, stored.unmatched, understood(stored)], [1, [], ['place']]);
  });

  it('follows a person being named, renamed and hidden', async () => {
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_1', { people: ['Anna Smith'] }), []);
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_2'), []);
    assert.equal((await ask('anna')).total, 1);
    assert.deepEqual((await ask('grandma')).unmatched, ['grandma']);

    const anna = personIdFor(ALICE, normalizeName('Anna Smith'));
    // Naming files the person under the new name's id.
    const grandma = await writer.api.updatePerson(ALICE, anna, { name: 'Grandma' });
    const renamed = await ask('grandma');
    assert.deepEqual([renamed.total, understood(renamed)], [1, ['person']]);
    assert.deepEqual((await ask('anna')).unmatched, ['anna']);

    await writer.api.updatePerson(ALICE, grandma.id, { hidden: true });
    const hidden = await ask('grandma');
    assert.deepEqual([hidden.total, hidden.unmatched], [0, ['grandma']]);
  });

  it('follows an album being made and hidden', async () => {
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_1'), []);
    assert.deepEqual((await ask('quokka crew')).unmatched, ['quokka crew']);

    await ingest.insertPhoto(
      photoRecord(ALICE, 'ph_2', { albums: [{ name: 'Quokka Crew', source: 'folder' }] }),
      [],
    );
    const made = await ask('quokka crew');
    assert.deepEqual([made.total, understood(made)], [1, ['album']]);

    await ingest.setAlbumHidden(ALICE, albumIdFor(ALICE, normalizeName('Quokka Crew')), true);
    const hidden = await ask('quokka crew');
    assert.equal(hidden.total, 0);
    assert.ok(!understood(hidden).includes('album'), JSON.stringify(hidden.understood));
  });

  it('reads "every christmas" over the span the library has now', async () => {
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_2020', { takenLocal: '2020-12-25T10:00:00' }), []);
    assert.equal((await ask('every christmas')).total, 1);

    // Older than the span read so far: a kept span would leave 2010 out.
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_2010', { takenLocal: '2010-12-25T10:00:00' }), []);
    const widened = await ask('every christmas');
    assert.equal(widened.total, 2);
    assert.match(widened.understood?.[0]?.reading ?? '', /2010/);

    // Hidden through the API, the 2010 photo leaves the span too: the reading covers 2020 alone.
    await writer.api.setPhotoFlags(ALICE, 'ph_2010', { hidden: true });
    const narrowed = await ask('every christmas');
    assert.equal(narrowed.total, 1);
    assert.doesNotMatch(narrowed.understood?.[0]?.reading ?? '', /2010/);
  });

  it("keeps one owner's words from another's changes", async () => {
    await ingest.insertPhoto(photoRecord(ALICE, 'ph_1'), keywords('beach'));
    await ingest.insertPhoto(photoRecord('bob', 'ph_2'), keywords('zeppelin'));
    const asked = await ask('zeppelin');
    assert.deepEqual([asked.total, asked.unmatched], [0, ['zeppelin']]);
  });
});

describeOnEachEngine('Owner text contexts', (engine) => {
  let database: TestLibraryDatabase;

  beforeEach(async () => {
    database = await engine.open();
  });
  afterEach(() => database.cleanup());

  it('reuses a context until the library generation moves, then reads it again', async () => {
    const repository = new PhotoRepository(database.db);
    const contexts = new OwnerTextContexts(repository);
    await repository.insertPhoto(photoRecord(ALICE, 'ph_1'), keywords('beach'));

    const first = await contexts.get(ALICE);
    assert.equal(await contexts.get(ALICE), first, 'no write: the same context');
    assert.deepEqual(first.vocabulary.labels, ['beach']);

    // A favourite and a perceptual hash change nothing free text reads.
    await repository.setPhotoFlags(ALICE, 'ph_1', { favorite: true });
    assert.equal(await contexts.get(ALICE), first, 'a favourite keeps the context');

    await repository.insertPhoto(photoRecord(ALICE, 'ph_2'), keywords('zeppelin'));
    const second = await contexts.get(ALICE);
    assert.notEqual(second, first);
    assert.deepEqual([...second.vocabulary.labels].sort(), ['beach', 'zeppelin']);
  });

  it('keeps no more owners than it was given room for, and reads an evicted one again', async () => {
    const repository = new PhotoRepository(database.db);
    const contexts = new OwnerTextContexts(repository, { maxOwners: 1 });
    await repository.insertPhoto(photoRecord(ALICE, 'ph_1'), keywords('beach'));
    await repository.insertPhoto(photoRecord('bob', 'ph_2'), keywords('dog'));
    const alice = await contexts.get(ALICE);
    assert.deepEqual((await contexts.get('bob')).vocabulary.labels, ['dog']);
    const again = await contexts.get(ALICE);
    assert.notEqual(again, alice);
    assert.deepEqual(again.vocabulary.labels, ['beach']);
  });

  it('does not keep a failed read: the next request reads again', async () => {
    const repository = new PhotoRepository(database.db);
    const contexts = new OwnerTextContexts(repository);
    await repository.insertPhoto(photoRecord(ALICE, 'ph_1'), keywords('beach'));
    // The vocabulary read fails once (a dropped connection would), after the generation was read.
    const vocabulary = repository.vocabulary.bind(repository);
    let failures = 1;
    repository.vocabulary = (ownerId, limit) =>
      failures-- > 0 ? Promise.reject(new Error('connection lost')) : vocabulary(ownerId, limit);
    await assert.rejects(contexts.get(ALICE), /connection lost/);
    assert.deepEqual((await contexts.get(ALICE)).vocabulary.labels, ['beach']);
  });
});
