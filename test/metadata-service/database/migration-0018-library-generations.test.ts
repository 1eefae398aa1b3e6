import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { describeOnEachEngine, type TestLibraryDatabase } from '../repositories/library-engines';
import { keywords, photoRecord } from '../repositories/photo-records';

describeOnEachEngine('Library generations (migration 0018)', (engine) => {
  let database: TestLibraryDatabase;
  let repository: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    repository = new PhotoRepository(database.db);
  });
  afterEach(() => database.cleanup());

  /** Runs a write and says whether it moved the owner's generation. */
  const bumps = async (ownerId: string, write: () => Promise<unknown>): Promise<boolean> => {
    const before = await repository.libraryGeneration(ownerId);
    await write();
    const after = await repository.libraryGeneration(ownerId);
    assert.ok(after >= before, `a generation never goes back (${before} -> ${after})`);
    return after > before;
  };

  it('starts at 0 for an owner never written, and moves with a stored photo', async () => {
    assert.equal(await repository.libraryGeneration('alice'), 0);
    assert.equal(
      await bumps('alice', () => repository.insertPhoto(photoRecord('alice', 'ph_1'), keywords('beach'))),
      true,
    );
    assert.equal(await repository.libraryGeneration('bob'), 0, "another owner's write leaves bob's alone");
  });

  it('moves with every table free text reads, written directly', async () => {
    await repository.insertPhoto(photoRecord('alice', 'ph_1', { people: ['Anna'] }), keywords('beach'));
    const db = database.db;
    const changes: Record<string, () => Promise<unknown>> = {
      'a place': () => sql`update photos set place_city = 'Malibu' where id = 'ph_1'`.execute(db),
      'a capture time': () =>
        sql`update photos set taken_local = '2020-01-01T00:00:00' where id = 'ph_1'`.execute(db),
      'the left-out bits': () => sql`update photos set left_out = 2 where id = 'ph_1'`.execute(db),
      'a count': () =>
        sql`update search_key_months set photos = photos + 1 where owner_id = 'alice'`.execute(db),
      'a person': () => sql`update people set name = 'Anna B' where owner_id = 'alice'`.execute(db),
      'an album': () =>
        sql`insert into albums (id, owner_id, name, normalized_name, source, hidden)
          values ('al_1', 'alice', 'Trip', 'trip', 'folder', 0)`.execute(db),
      'an album hidden': () => sql`update albums set hidden = 1 where id = 'al_1'`.execute(db),
      'an album removed': () => sql`delete from albums where id = 'al_1'`.execute(db),
      'a hidden label': () => repository.setLabelHidden('alice', 'beach', true),
      'a label shown again': () => repository.setLabelHidden('alice', 'beach', false),
      'a person removed': () => sql`delete from people where owner_id = 'alice'`.execute(db),
      'a photo deleted': () => repository.deletePhotos('alice', ['ph_1']),
    };
    for (const [change, write] of Object.entries(changes)) {
      assert.equal(await bumps('alice', write), true, change);
    }
  });

  it('stays put for what free text does not read: favourites, hashes, file times', async () => {
    await repository.insertPhoto(photoRecord('alice', 'ph_1'), keywords('beach'));
    const db = database.db;
    assert.equal(
      await bumps('alice', () => repository.setPhotoFlags('alice', 'ph_1', { favorite: true })),
      false,
    );
    assert.equal(
      await bumps('alice', () =>
        sql`update photos set perceptual_hash = '0123456789abcdef', file_mtime = 'x' where id = 'ph_1'`.execute(
          db,
        ),
      ),
      false,
    );
  });

  it('moves once for a batch stored in one transaction on PostgreSQL, once a row on SQLite', async () => {
    const batch = ['ph_1', 'ph_2', 'ph_3'].map((id) => ({
      photo: photoRecord('alice', id),
      labels: keywords('beach', 'dog'),
    }));
    await repository.insertPhotos(batch);
    const generation = await repository.libraryGeneration('alice');
    if (engine.name === 'PostgreSQL') assert.equal(generation, 1);
    else assert.ok(generation >= 3, String(generation));
  });

  it('moves nothing when the writing transaction rolls back', async () => {
    await repository.insertPhoto(photoRecord('alice', 'ph_1'), keywords('beach'));
    const before = await repository.libraryGeneration('alice');
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await sql`update photos set place_city = 'Malibu' where id = 'ph_1'`.execute(trx);
        throw new Error('abandoned');
      }),
      /abandoned/,
    );
    assert.equal(await repository.libraryGeneration('alice'), before);
  });
});
