import assert from 'node:assert/strict';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import { chooseGroup, captureWindow } from '../../../metadata-service/repositories/near-duplicates';
import { PhotoRepository, type PhotoRecord } from '../../../metadata-service/repositories/photo-repository';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { keywords, photoRecord } from './photo-records';

const A = 'owner-a';
const B = 'owner-b';

describe('near-duplicates (pure rules)', () => {
  it('a new photo joins the smallest group among its near-duplicates', () => {
    assert.equal(chooseGroup('p7', []), undefined);
    assert.equal(
      chooseGroup('p7', [
        { id: 'p9', duplicateGroupId: 'p5' },
        { id: 'p3', duplicateGroupId: null },
      ]),
      'p3',
    );
  });

  it('a group is named after its smallest member, the new photo included', () => {
    assert.equal(chooseGroup('p1', [{ id: 'p9', duplicateGroupId: 'p5' }]), 'p1');
  });

  it('the capture window spans the gap either side, across midnight', () => {
    assert.deepEqual(captureWindow('2024-05-01T23:55:00'), ['2024-05-01T23:45:00', '2024-05-02T00:05:00']);
  });
});

describeOnEachEngine('Near-duplicate group representative', (engine) => {
  let database: TestLibraryDatabase;
  let repo: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    repo = new PhotoRepository(database.db, { labelParents: () => [] });
    burstMinute = 0;
  });
  afterEach(() => database.cleanup());

  let burstMinute = 0;
  /** Photos of one burst, a minute apart in insertion order with the same hash, so the repository groups them. */
  async function burst(owner: string, id: string, overrides: Partial<PhotoRecord> = {}, labels = ['sunset']) {
    const minute = String(burstMinute++ % 10).padStart(2, '0');
    const photo = photoRecord(owner, id, {
      takenLocal: `2024-05-01T18:${minute}:00`,
      perceptualHash: 'ffff0000ffff0000',
      ...overrides,
    });
    assert.equal(await repo.insertPhoto(photo, keywords(...labels)), true);
  }
  const collapsed = async (owner: string, q: PhotoQueryInput) => {
    const response = await repo.search(owner, photoQuerySchema.parse({ ...q, collapseDuplicates: true }), {
      limit: 100,
      offset: 0,
    });
    assert.equal(response.total, response.photos.length);
    return response.photos.map((p) => p.id);
  };

  it('a favourite that is the second of a pair represents it, in the favourites slideshow and in every other', async () => {
    await burst(A, 'ph_a_first');
    await burst(A, 'ph_b_favourite', { favorite: true });
    await burst(A, 'ph_lonely', { perceptualHash: '0000ffff0000ffff', favorite: true });
    assert.deepEqual(await collapsed(A, { favoritesOnly: true }), ['ph_b_favourite', 'ph_lonely']);
    assert.deepEqual(await collapsed(A, { labels: ['sunset'] }), ['ph_b_favourite', 'ph_lonely']);
    // Without collapsing, the pair is two photos.
    const all = await repo.search(A, photoQuerySchema.parse({ labels: ['sunset'] }), {
      limit: 100,
      offset: 0,
    });
    assert.equal(all.total, 3);
  });

  it('without a favourite, the highest rating wins; without ratings, the group keeps its first photo', async () => {
    await burst(A, 'ph_a_unrated');
    await burst(A, 'ph_b_three', { rating: 3 });
    await burst(A, 'ph_c_five', { rating: 5 });
    await burst(A, 'ph_d_one', { rating: 1 });
    assert.deepEqual(await collapsed(A, {}), ['ph_c_five']);
    // A favourite beats any rating.
    await burst(A, 'ph_e_favourite_unrated', { favorite: true });
    assert.deepEqual(await collapsed(A, {}), ['ph_e_favourite_unrated']);

    burstMinute = 0;
    await burst(B, 'ph_a_leader', { takenLocal: '2025-01-01T10:00:00' });
    await burst(B, 'ph_b_second', { takenLocal: '2025-01-01T10:01:00' });
    assert.deepEqual(await collapsed(B, {}), ['ph_a_leader']);
  });

  it('the representative is a photo that matches the query, never a member the query excludes', async () => {
    await burst(A, 'ph_a_beach', { favorite: true }, ['beach']);
    await burst(A, 'ph_b_sunset', {}, ['sunset']);
    await burst(A, 'ph_c_sunset_rated', { rating: 4 }, ['sunset']);
    assert.deepEqual(await collapsed(A, { labels: ['sunset'] }), ['ph_c_sunset_rated']);
    assert.deepEqual(await collapsed(A, { labels: ['beach'] }), ['ph_a_beach']);
    assert.deepEqual(await collapsed(A, { labels: ['sunset'], exclude: { labels: ['beach'] } }), [
      'ph_c_sunset_rated',
    ]);
    assert.deepEqual(await collapsed(A, { labels: ['dog'] }), []);
  });

  it('names a group after its smallest member whichever member was stored first', async () => {
    const groupsAfterStoring = async (owner: string, ids: readonly string[]) => {
      burstMinute = 0;
      for (const id of ids) await burst(owner, id);
      const rows = await database.db
        .selectFrom('photos')
        .select(['id', 'duplicate_group_id'])
        .where('owner_id', '=', owner)
        .orderBy('id')
        .execute();
      return rows.map((row) => [row.id, row.duplicate_group_id]);
    };
    assert.deepEqual(await groupsAfterStoring(A, ['ph_a', 'ph_b', 'ph_c']), [
      ['ph_a', 'ph_a'],
      ['ph_b', 'ph_a'],
      ['ph_c', 'ph_a'],
    ]);
    // Photo ids are unique across owners: the same burst in the opposite order, under other ids.
    assert.deepEqual(await groupsAfterStoring(B, ['ph_z', 'ph_y', 'ph_x']), [
      ['ph_x', 'ph_x'],
      ['ph_y', 'ph_x'],
      ['ph_z', 'ph_x'],
    ]);
  });

  it("another owner's favourite in an identical burst never stands in for this owner's group", async () => {
    await burst(A, 'ph_a_mine');
    await burst(A, 'ph_b_mine', { rating: 2 });
    await burst(B, 'ph_c_theirs', { favorite: true, rating: 5 });
    assert.deepEqual(await collapsed(A, {}), ['ph_b_mine']);
    assert.deepEqual(await collapsed(B, {}), ['ph_c_theirs']);
  });
});
