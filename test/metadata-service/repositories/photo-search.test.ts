import assert from 'node:assert/strict';
import {
  photoQuerySchema,
  searchResponseSchema,
  type PhotoQueryInput,
  type SearchResponse,
} from '../../../common/contracts';
import { isAppError } from '../../../common/errors';
import { albumIdFor, personIdFor } from '../../../metadata-service/repositories/names';
import {
  PhotoRepository,
  type LabelRecord,
  type PhotoRecord,
} from '../../../metadata-service/repositories/photo-repository';
import {
  bucketRanks,
  shuffleBucketOrder,
  shuffleKeyFor,
  shuffleOrderKey,
  shuffleParametersFor,
} from '../../../metadata-service/repositories/shuffle-order';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { keywords, photoRecord } from './photo-records';

/** A photo's place in a seed's shuffle, computed here independently of the SQL walk. */
function shuffleOrderOf(photoId: string, seed: string): number {
  return shuffleOrderKey(
    shuffleKeyFor(photoId),
    bucketRanks(shuffleBucketOrder(seed)),
    shuffleParametersFor(seed),
  );
}

const A = 'owner-a';
const B = 'owner-b';
const MOM = personIdFor(A, 'mom');
const DAD = personIdFor(A, 'dad');
const HAWAII = albumIdFor(A, 'hawaii 2019');
const SECRET = albumIdFor(A, 'secret');

const santaMonica = {
  city: 'Santa Monica',
  region: 'California',
  country: 'United States',
  countryCode: 'US',
};
const paris = { city: 'Paris', region: 'Île-de-France', country: 'France', countryCode: 'FR' };

/** A small library with one photo per case the search must tell apart. */
const LIBRARY: [PhotoRecord, LabelRecord[]][] = [
  [
    photoRecord(A, 'ph_beach_jul01', { takenLocal: '2026-07-01T00:00:00', place: santaMonica }),
    keywords('beach'),
  ],
  [
    photoRecord(A, 'ph_beach_dog_jul14', {
      takenLocal: '2026-07-14T10:00:00',
      people: ['Mom'],
      favorite: true,
    }),
    keywords('beach', 'dog'),
  ],
  [
    photoRecord(A, 'ph_beach_dog_aug31', { takenLocal: '2026-08-31T23:59:59', people: ['Mom', 'Dad'] }),
    [...keywords('dog'), { label: 'beach', source: 'folder', confidence: 0.8 }],
  ],
  [photoRecord(A, 'ph_beach_sep01', { takenLocal: '2026-09-01T00:00:00', place: paris }), keywords('beach')],
  [photoRecord(A, 'ph_beach_jun30', { takenLocal: '2026-06-30T23:59:59' }), keywords('beach')],
  [photoRecord(A, 'ph_beach_undated', { takenLocal: null }), keywords('beach', 'dog')],
  [photoRecord(A, 'ph_a_same_time', { takenLocal: '2026-07-14T10:00:00' }), keywords('beach')],
  [
    photoRecord(A, 'ph_xmas_2019', {
      takenLocal: '2019-12-25T09:00:00',
      albums: [{ name: 'Hawaii 2019', source: 'folder' }],
      people: ['Dad'],
    }),
    keywords('cat'),
  ],
  [
    photoRecord(A, 'ph_newyear_2020', { takenLocal: '2020-01-01T00:30:00', place: santaMonica }),
    keywords('cat'),
  ],
  [
    photoRecord(A, 'ph_video', {
      takenLocal: '2025-07-15T12:00:00',
      mediaKind: 'video',
      mediaType: 'video/mp4',
    }),
    [],
  ],
  [
    photoRecord(A, 'ph_screenshot', { takenLocal: '2026-07-14T11:00:00', isScreenshot: true }),
    keywords('beach'),
  ],
  [
    photoRecord(A, 'ph_secret', {
      takenLocal: '2026-07-20T10:00:00',
      albums: [{ name: 'Secret', source: 'takeout' }],
    }),
    keywords('beach'),
  ],
  [
    photoRecord(B, 'ph_other_owner', { takenLocal: '2026-07-20T10:00:00', people: ['Mom'] }),
    keywords('beach', 'dog'),
  ],
];

describeOnEachEngine('Photo search', (engine) => {
  let database: TestLibraryDatabase;
  let repo: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    repo = new PhotoRepository(database.db, {
      labelParents: (label: string) => (label === 'dog' || label === 'cat' ? ['animal'] : []),
    });
    for (const [photo, labels] of LIBRARY) assert.equal(await repo.insertPhoto(photo, labels), true);
    assert.equal(await repo.setAlbumHidden(A, SECRET, true), true);
  });
  afterEach(() => database.cleanup());

  const search = async (owner: string, q: PhotoQueryInput, limit = 100, offset = 0, cursor?: string) => {
    const response = await repo.search(owner, photoQuerySchema.parse(q), { limit, offset, cursor });
    assert.ok(searchResponseSchema.safeParse(response).success);
    return response;
  };
  const ids = (response: SearchResponse) => response.photos.map((p) => p.id);

  it('orders oldest first by capture time then id, undated last, with total and span over all matches', async () => {
    const response = await search(A, { labels: ['beach'] });
    assert.deepEqual(ids(response), [
      'ph_beach_jun30',
      'ph_beach_jul01',
      'ph_a_same_time',
      'ph_beach_dog_jul14',
      'ph_beach_dog_aug31',
      'ph_beach_sep01',
      'ph_beach_undated',
    ]);
    assert.equal(response.total, 7);
    assert.deepEqual(response.span, { first: '2026-06-30T23:59:59', last: '2026-09-01T00:00:00' });
    assert.equal(response.nextCursor, undefined);
  });

  it('orders newest first, undated still last', async () => {
    const response = await search(A, { labels: ['beach'], order: 'newest' });
    assert.deepEqual(ids(response), [
      'ph_beach_sep01',
      'ph_beach_dog_aug31',
      'ph_beach_dog_jul14',
      'ph_a_same_time',
      'ph_beach_jul01',
      'ph_beach_jun30',
      'ph_beach_undated',
    ]);
  });

  it('pages by offset without changing total or span', async () => {
    const page = await search(A, { labels: ['beach'] }, 2, 2);
    assert.deepEqual(ids(page), ['ph_a_same_time', 'ph_beach_dog_jul14']);
    assert.equal(page.total, 7);
    assert.deepEqual(ids(await search(A, { labels: ['beach'] }, 3, 5)), [
      'ph_beach_sep01',
      'ph_beach_undated',
    ]);
    assert.deepEqual(ids(await search(A, { labels: ['beach'] }, 10, 50)), []);
  });

  for (const order of ['oldest', 'newest', 'shuffle'] as const) {
    it(`pages by cursor through every match exactly once (${order}), stable while photos are added`, async () => {
      const q: PhotoQueryInput = { labels: ['beach'], order, seed: 'frame-1' };
      const all = ids(await search(A, q));
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await search(A, q, 2, 0, cursor);
        seen.push(...ids(page));
        cursor = page.nextCursor;
        pages += 1;
        // A photo added mid-way must not shift the pages that follow.
        if (pages === 2) {
          await repo.insertPhoto(
            photoRecord(A, 'ph_added_later', { takenLocal: '1999-01-01T00:00:00' }),
            keywords('beach'),
          );
        }
      } while (cursor !== undefined);
      const expected = all.filter((id) => seen.includes(id));
      assert.equal(new Set(seen).size, seen.length, 'no photo twice');
      assert.deepEqual(
        seen.filter((id) => id !== 'ph_added_later'),
        expected,
      );
      assert.equal(expected.length, 7);
      assert.equal(pages, order === 'shuffle' ? Math.ceil(seen.length / 2) : 4);
    });
  }

  it('shuffles by seed: the same order on every instance, another order for another seed, computed as in JS', async () => {
    const first = ids(await search(A, { labels: ['beach'], order: 'shuffle', seed: 'abc' }));
    const again = ids(
      await new PhotoRepository(database.db).search(
        A,
        photoQuerySchema.parse({ labels: ['beach'], order: 'shuffle', seed: 'abc' }),
        {
          limit: 100,
          offset: 0,
        },
      ),
    );
    assert.deepEqual(again, first);
    const expected = [...first].sort(
      (a, b) => shuffleOrderOf(a, 'abc') - shuffleOrderOf(b, 'abc') || (a < b ? -1 : 1),
    );
    assert.deepEqual(first, expected);
    const orders = new Set<string>();
    for (const seed of ['s1', 's2', 's3', 's4', 's5']) {
      orders.add(ids(await search(A, { labels: ['beach'], order: 'shuffle', seed })).join());
    }
    assert.ok(orders.size >= 4, `seeds should give different orders, got ${orders.size}`);
  });

  it('walks a large shuffle bucket by bucket in exactly the in-memory order, by offset and by cursor', async () => {
    // Every result set counts as large here, so pages come from the (…, shuffle_key) index walk.
    const walking = new PhotoRepository(database.db, {
      labelParents: (label: string) => (label === 'dog' || label === 'cat' ? ['animal'] : []),
      tuning: { shuffleReadAllLimit: 0 },
    });
    for (const [q, seed] of [
      [{ labels: ['beach'] }, 'abc'],
      [{}, 'frame-7'],
      [{ people: [MOM] }, 'x'],
      [{ labels: ['beach'], takenFrom: '2026-07-01T00:00:00', takenTo: '2026-09-01T00:00:00' }, 'y'],
    ] as const) {
      const query = photoQuerySchema.parse({ ...q, order: 'shuffle', seed });
      const inMemory = await repo.search(A, query, { limit: 100, offset: 0 });
      const expected = inMemory.photos.map((p) => p.id);
      assert.ok(expected.length >= 2, JSON.stringify(q));
      assert.deepEqual(
        expected,
        [...expected].sort((a, b) => shuffleOrderOf(a, seed) - shuffleOrderOf(b, seed) || (a < b ? -1 : 1)),
      );
      const byOffset: string[] = [];
      for (let offset = 0; offset < expected.length; offset += 2) {
        const page = await walking.search(A, query, { limit: 2, offset });
        assert.equal(page.total, inMemory.total);
        assert.deepEqual(page.span, inMemory.span);
        byOffset.push(...page.photos.map((p) => p.id));
      }
      assert.deepEqual(byOffset, expected, `offset pages of ${JSON.stringify(q)}`);
      const byCursor: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await walking.search(A, query, { limit: 2, offset: 0, cursor });
        byCursor.push(...page.photos.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      assert.deepEqual(byCursor, expected, `cursor pages of ${JSON.stringify(q)}`);
    }
  });

  it('rejects a cursor from another owner or another query, revealing nothing', async () => {
    const page = await search(A, { labels: ['beach'] }, 2);
    assert.ok(page.nextCursor);
    for (const attempt of [
      () => search(B, { labels: ['beach'] }, 2, 0, page.nextCursor),
      () => search(A, { labels: ['dog'] }, 2, 0, page.nextCursor),
      () => search(A, { labels: ['beach'] }, 2, 0, 'bm90LWEtY3Vyc29y'),
    ]) {
      await assert.rejects(
        attempt,
        (error) => isAppError(error) && error.status === 400 && error.code === 'INVALID_CURSOR',
      );
    }
  });

  it('requires every label (AND), from any source, and expands a label to the labels under it', async () => {
    assert.deepEqual(ids(await search(A, { labels: ['beach', 'dog'] })), [
      'ph_beach_dog_jul14',
      'ph_beach_dog_aug31',
      'ph_beach_undated',
    ]);
    assert.equal((await search(A, { labels: ['beach', 'cat'] })).total, 0);
    assert.deepEqual(ids(await search(A, { labels: ['animal'], takenTo: '2026-08-01T00:00:00' })), [
      'ph_xmas_2019',
      'ph_newyear_2020',
      'ph_beach_dog_jul14',
    ]);
  });

  it('matches [takenFrom, takenTo) and any of several date ranges inside it', async () => {
    const summer = await search(A, {
      labels: ['beach'],
      takenFrom: '2026-07-01T00:00:00',
      takenTo: '2026-09-01T00:00:00',
    });
    assert.deepEqual(ids(summer), [
      'ph_beach_jul01',
      'ph_a_same_time',
      'ph_beach_dog_jul14',
      'ph_beach_dog_aug31',
    ]);
    const everyChristmasAndNewYear = await search(A, {
      dateRanges: [
        { from: '2019-12-24T00:00:00', to: '2019-12-27T00:00:00' },
        { from: '2020-01-01T00:00:00', to: '2020-01-02T00:00:00' },
        { from: '2026-08-31T00:00:00', to: '2026-09-01T00:00:00' },
      ],
      takenTo: '2026-01-01T00:00:00',
    });
    assert.deepEqual(ids(everyChristmasAndNewYear), ['ph_xmas_2019', 'ph_newyear_2020']);
  });

  it('finds "on this day" windows in any year, wrapping across New Year', async () => {
    assert.deepEqual(ids(await search(A, { monthDays: [{ month: 12, day: 30, plusMinusDays: 2 }] })), [
      'ph_newyear_2020',
    ]);
    assert.deepEqual(ids(await search(A, { monthDays: [{ month: 12, day: 30, plusMinusDays: 5 }] })), [
      'ph_xmas_2019',
      'ph_newyear_2020',
    ]);
    assert.deepEqual(ids(await search(A, { monthDays: [{ month: 7, day: 15, plusMinusDays: 1 }] })), [
      'ph_video',
      'ph_a_same_time',
      'ph_beach_dog_jul14',
    ]);
  });

  it('counts and pages "on this day" day by day exactly as one sorted list, by offset and by cursor', async () => {
    // Five days around March 11 over eight years, several photos a day at spread times, plus what must not count.
    const inWindow: { id: string; takenLocal: string }[] = [];
    for (let year = 2018; year <= 2025; year++) {
      for (const day of ['09', '10', '11', '12', '13']) {
        for (const hour of year % 3 === 0 ? ['08', '17'] : ['12']) {
          const id = `ph_otd_${year}_${day}_${hour}`;
          const takenLocal = `${year}-03-${day}T${hour}:00:00`;
          await repo.insertPhoto(photoRecord(A, id, { takenLocal }), keywords('spring'));
          inWindow.push({ id, takenLocal });
        }
      }
    }
    await repo.insertPhoto(photoRecord(A, 'ph_otd_outside', { takenLocal: '2022-03-14T12:00:00' }), []);
    await repo.insertPhoto(photoRecord(A, 'ph_otd_hidden', { takenLocal: '2022-03-11T13:00:00' }), []);
    assert.equal(await repo.setPhotoFlags(A, 'ph_otd_hidden', { hidden: true }), true);
    await repo.insertPhoto(
      photoRecord(A, 'ph_otd_screenshot', { takenLocal: '2021-03-10T09:00:00', isScreenshot: true }),
      [],
    );
    await repo.insertPhoto(photoRecord(B, 'ph_otd_other_owner', { takenLocal: '2020-03-11T10:00:00' }), []);
    const window = { monthDays: [{ month: 3, day: 11, plusMinusDays: 2 }] };
    const byTime = (a: { id: string; takenLocal: string }, b: { id: string; takenLocal: string }) =>
      a.takenLocal < b.takenLocal ? -1 : a.takenLocal > b.takenLocal ? 1 : a.id < b.id ? -1 : 1;
    const sorted = [...inWindow].sort(byTime);
    const oldest = sorted.map((p) => p.id);

    for (const order of ['oldest', 'newest'] as const) {
      const expected = order === 'oldest' ? oldest : [...oldest].reverse();
      const q: PhotoQueryInput = { ...window, order };
      const whole = await search(A, q);
      assert.deepEqual(ids(whole), expected, order);
      assert.equal(whole.total, inWindow.length);
      assert.deepEqual(whole.span, { first: sorted[0]?.takenLocal, last: sorted.at(-1)?.takenLocal });
      for (const offset of [0, 7, 30, inWindow.length - 2]) {
        assert.deepEqual(
          ids(await search(A, q, 7, offset)),
          expected.slice(offset, offset + 7),
          `${order} @${offset}`,
        );
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await search(A, q, 6, 0, cursor);
        seen.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      assert.deepEqual(seen, expected, `${order} by cursor`);
    }

    // Date bounds cut months and years out of the count and the pages alike; screenshots come back when asked.
    const bounded = await search(A, {
      ...window,
      takenFrom: '2021-03-10T00:00:00',
      takenTo: '2024-01-01T00:00:00',
    });
    const boundedIds = oldest.filter((id) => id >= 'ph_otd_2021_10' && id < 'ph_otd_2024');
    assert.deepEqual(ids(bounded), boundedIds);
    assert.equal(bounded.total, boundedIds.length);
    const withScreenshots = await search(A, { ...window, exclude: { screenshots: false } });
    assert.equal(withScreenshots.total, inWindow.length + 1);
    assert.ok(ids(withScreenshots).includes('ph_otd_screenshot'));
  });

  it('finds places case-insensitively at one level or any level', async () => {
    assert.deepEqual(ids(await search(A, { places: [{ name: 'santa monica', level: 'city' }] })), [
      'ph_newyear_2020',
      'ph_beach_jul01',
    ]);
    assert.deepEqual(ids(await search(A, { places: [{ name: 'California' }] })), [
      'ph_newyear_2020',
      'ph_beach_jul01',
    ]);
    assert.deepEqual(
      ids(await search(A, { places: [{ name: 'France' }, { name: 'Santa Monica' }], labels: ['beach'] })),
      ['ph_beach_jul01', 'ph_beach_sep01'],
    );
    assert.equal((await search(A, { places: [{ name: 'California', level: 'city' }] })).total, 0);
  });

  it('finds people and albums (every one named must be present), favourites and media kinds', async () => {
    assert.deepEqual(ids(await search(A, { people: [MOM] })), ['ph_beach_dog_jul14', 'ph_beach_dog_aug31']);
    assert.deepEqual(ids(await search(A, { people: [MOM, DAD] })), ['ph_beach_dog_aug31']);
    assert.deepEqual(ids(await search(A, { albums: [HAWAII] })), ['ph_xmas_2019']);
    assert.deepEqual(ids(await search(A, { favoritesOnly: true })), ['ph_beach_dog_jul14']);
    assert.deepEqual(ids(await search(A, { mediaKinds: ['video'] })), ['ph_video']);
    assert.equal((await search(A, { mediaKinds: ['photo'] })).total, 9);
    assert.equal((await search(A, { mediaKinds: ['photo', 'video'] })).total, 10);
  });

  it('leaves out screenshots, hidden albums and excluded people, albums and labels; names win over hiding', async () => {
    const everything = ids(await search(A, {}));
    assert.equal(everything.length, 10);
    assert.ok(!everything.includes('ph_screenshot') && !everything.includes('ph_secret'));
    assert.ok(ids(await search(A, { exclude: { screenshots: false } })).includes('ph_screenshot'));
    assert.deepEqual(ids(await search(A, { albums: [SECRET] })), ['ph_secret']);
    assert.deepEqual(ids(await search(A, { labels: ['dog'], exclude: { people: [DAD] } })), [
      'ph_beach_dog_jul14',
      'ph_beach_undated',
    ]);
    assert.deepEqual(ids(await search(A, { labels: ['beach'], exclude: { labels: ['dog'] } })), [
      'ph_beach_jun30',
      'ph_beach_jul01',
      'ph_a_same_time',
      'ph_beach_sep01',
    ]);
    assert.ok(!ids(await search(A, { exclude: { albums: [HAWAII] } })).includes('ph_xmas_2019'));
  });

  it('collapses near-duplicate groups to their first photo when asked', async () => {
    const burst = (id: string, hash: string, time: string) =>
      repo.insertPhoto(photoRecord(A, id, { takenLocal: time, perceptualHash: hash }), keywords('sunset'));
    await burst('ph_burst_1', 'ffff0000ffff0000', '2024-05-01T18:00:00');
    await burst('ph_burst_2', 'ffff0000ffff0003', '2024-05-01T18:04:00');
    await burst('ph_burst_3', 'ffff0000ffff000f', '2024-05-01T18:09:00');
    await burst('ph_far_in_time', 'ffff0000ffff0000', '2024-05-01T18:30:00');
    await burst('ph_other_image', '0000ffff0000ffff', '2024-05-01T18:01:00');
    assert.equal((await search(A, { labels: ['sunset'] })).total, 5);
    assert.deepEqual(ids(await search(A, { labels: ['sunset'], collapseDuplicates: true })), [
      'ph_burst_1',
      'ph_other_image',
      'ph_far_in_time',
    ]);
  });

  it("never returns another owner's photos, whatever the query names", async () => {
    const mine = await search(B, { labels: ['beach'] });
    assert.deepEqual(ids(mine), ['ph_other_owner']);
    assert.equal((await search(B, { people: [MOM] })).total, 0, "A's person id matches nothing of B's");
    assert.deepEqual(ids(await search(B, { people: [personIdFor(B, 'mom')] })), ['ph_other_owner']);
    assert.equal((await search('nobody', {})).total, 0);
  });
});
