import assert from 'node:assert/strict';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import { normalizeName, personIdFor } from '../../../metadata-service/repositories/names';
import { PhotoRepository, type PhotoRecord } from '../../../metadata-service/repositories/photo-repository';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { keywords, photoRecord } from './photo-records';

/**
 * Combinations of labels, people and places (search-driver's key intersection, photo-filters' joins on capture
 * time, placeLevelsFound): every page, read through its cursor, must hold exactly the photos a plain filter over the
 * records finds, newest first with the undated last, and the total must count them. Photos share capture times
 * (the merge key) and some are undated (the join on capture time cannot see them), so both paths are exercised.
 */
const A = 'owner-a';
const B = 'owner-b';
const santaMonica = {
  city: 'Santa Monica',
  region: 'California',
  country: 'United States',
  countryCode: 'US',
};
const paris = { city: 'Paris', region: 'Île-de-France', country: 'France', countryCode: 'FR' };

interface Stored {
  record: PhotoRecord;
  labels: string[];
  city: string | null;
}

function library(): Stored[] {
  return Array.from({ length: 48 }, (_, n) => {
    const labels = [
      n % 2 === 0 ? 'dog' : null,
      n % 3 === 0 ? 'beach' : null,
      n % 5 === 0 ? 'snow' : null,
    ].filter((label): label is string => label !== null);
    const people = [n % 4 === 0 ? 'Mom' : null, n % 3 === 1 ? 'Dad' : null].filter(
      (person): person is string => person !== null,
    );
    // Pairs of photos share a capture time; every seventh is undated.
    const takenLocal =
      n % 7 === 3 ? null : `2020-0${1 + (Math.floor(n / 2) % 9)}-1${Math.floor(n / 18)}T10:00:00`;
    const place = n % 3 === 2 ? null : n % 2 === 0 ? santaMonica : paris;
    return {
      record: photoRecord(A, `ph_${String(n).padStart(2, '0')}`, {
        takenLocal,
        people,
        place,
        mediaKind: n % 4 === 1 ? 'video' : 'photo',
        isScreenshot: n === 12,
      }),
      labels,
      city: place?.city ?? null,
    };
  });
}

/** Newest first: dated by (capture time, id) descending, then the undated by id. */
function newestFirst(photos: readonly PhotoRecord[]): string[] {
  const dated = photos
    .filter((p) => p.takenLocal !== null)
    .sort((a, b) =>
      (a.takenLocal ?? '') < (b.takenLocal ?? '')
        ? 1
        : a.takenLocal === b.takenLocal
          ? a.id < b.id
            ? 1
            : -1
          : -1,
    );
  const undated = photos.filter((p) => p.takenLocal === null).sort((a, b) => (a.id < b.id ? -1 : 1));
  return [...dated, ...undated].map((p) => p.id);
}

describeOnEachEngine('Search combinations', (engine) => {
  let database: TestLibraryDatabase;
  let repo: PhotoRepository;
  let stored: Stored[];

  // One library per engine for the whole suite: every test only reads (plain tests stay fast).
  before(async () => {
    database = await engine.open();
    repo = new PhotoRepository(database.db);
    stored = library();
    await repo.insertPhotos(stored.map((s) => ({ photo: s.record, labels: keywords(...s.labels) })));
    // Another owner with the same labels, people's names and places: never counted.
    await repo.insertPhotos([
      {
        photo: photoRecord(B, 'ph_b', {
          takenLocal: '2020-01-10T10:00:00',
          people: ['Mom'],
          place: santaMonica,
        }),
        labels: keywords('dog', 'beach'),
      },
    ]);
  });
  after(() => database.cleanup());

  /** Every page of the search, read through the cursor, and the first page's total. */
  async function allPages(query: PhotoQueryInput): Promise<{ ids: string[]; total: number }> {
    const parsed = photoQuerySchema.parse({ order: 'newest', ...query });
    const ids: string[] = [];
    let cursor: string | undefined;
    let total = -1;
    for (let pages = 0; pages < 20; pages++) {
      const page = await repo.search(A, parsed, { limit: 5, offset: 0, cursor });
      if (total < 0) total = page.total;
      ids.push(...page.photos.map((p) => p.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return { ids, total };
  }

  const mom = personIdFor(A, normalizeName('Mom'));
  const dad = personIdFor(A, normalizeName('Dad'));
  const has = (s: Stored, person: string) => s.record.people.includes(person);
  const cases: { name: string; query: PhotoQueryInput; keep: (s: Stored) => boolean }[] = [
    {
      name: 'two labels',
      query: { labels: ['dog', 'beach'] },
      keep: (s) => s.labels.includes('dog') && s.labels.includes('beach'),
    },
    {
      name: 'a label and a person',
      query: { labels: ['dog'], people: [mom] },
      keep: (s) => s.labels.includes('dog') && has(s, 'Mom'),
    },
    {
      name: 'two people within dates',
      query: { people: [mom, dad], takenFrom: '2020-02-01T00:00:00', takenTo: '2020-08-01T00:00:00' },
      keep: (s) =>
        has(s, 'Mom') &&
        has(s, 'Dad') &&
        s.record.takenLocal !== null &&
        s.record.takenLocal >= '2020-02-01T00:00:00' &&
        s.record.takenLocal < '2020-08-01T00:00:00',
    },
    {
      name: 'videos with a label',
      query: { labels: ['snow'], mediaKinds: ['video'] },
      keep: (s) => s.labels.includes('snow') && s.record.mediaKind === 'video',
    },
    {
      name: 'a label at a place of any level',
      query: { labels: ['beach'], places: [{ name: 'Santa Monica' }] },
      keep: (s) => s.labels.includes('beach') && s.city === 'Santa Monica',
    },
    {
      name: 'a person, a place and a label',
      query: { people: [mom], places: [{ name: 'santa monica' }], labels: ['dog'] },
      keep: (s) => has(s, 'Mom') && s.city === 'Santa Monica' && s.labels.includes('dog'),
    },
    {
      name: 'a region by name at any level',
      query: { places: [{ name: 'California' }] },
      keep: (s) => s.city === 'Santa Monica',
    },
  ];

  for (const { name, query, keep } of cases) {
    it(`${name}: exactly the matching photos, newest first, undated last, counted as photos`, async () => {
      const expected = newestFirst(
        stored.filter((s) => keep(s) && !s.record.isScreenshot).map((s) => s.record),
      );
      assert.ok(expected.length > 1, `the library holds matches for ${name}`);
      const { ids, total } = await allPages(query);
      assert.deepEqual(ids, expected);
      assert.equal(total, expected.length);
    });
  }

  it('finds nothing for a place no photo is at, whatever else matches (never widened)', async () => {
    const { ids, total } = await allPages({ labels: ['dog'], places: [{ name: 'Atlantis' }] });
    assert.deepEqual(ids, []);
    assert.equal(total, 0);
  });

  it("finds nothing for another owner's person combined with a label", async () => {
    const othersMom = personIdFor(B, normalizeName('Mom'));
    const { ids, total } = await allPages({ labels: ['dog'], people: [othersMom] });
    assert.deepEqual(ids, []);
    assert.equal(total, 0);
  });
});
