import assert from 'node:assert/strict';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import { isAppError } from '../../../common/errors';
import { parsePhotoText } from '../../../metadata-service/query-text/parse-photo-text';
import type {
  Hemisphere,
  ParseContext,
  ParseVocabulary,
  Understood,
} from '../../../metadata-service/query-text/types';

const vocabulary: ParseVocabulary = {
  labels: ['beach', 'dog', 'eiffel tower', 'sushi'],
  people: [
    { id: 'pe_mom', name: 'Mom', synonyms: ['mum', 'mother'] },
    { id: 'pe_grandma', name: 'Grandma', synonyms: ['granny', 'nana'] },
    { id: 'pe_paris', name: 'Paris', synonyms: [] },
  ],
  albums: [
    { id: 'al_hawaii', name: 'Hawaii 2019', synonyms: ['hawaii trip'] },
    { id: 'al_wedding', name: "Anna's Wedding" },
    // A folder album named like a label: "beach" stays the label, which also finds beach photos filed elsewhere.
    { id: 'al_beach', name: 'Beach' },
  ],
  places: [
    { name: 'Santa Monica', level: 'city' },
    { name: 'Kyoto', level: 'city' },
    { name: 'Paris', level: 'city' },
    { name: 'Palm Springs', level: 'city' },
    { name: 'São Paulo', level: 'city' },
    { name: 'California', level: 'region' },
    { name: 'United States', level: 'country' },
    { name: 'United Kingdom', level: 'country' },
  ],
};

/** Sunday 1 March 2026, 10:00 in Los Angeles. */
const MARCH_1_2026 = new Date('2026-03-01T18:00:00Z');

function context(overrides: Partial<ParseContext> = {}): ParseContext {
  return {
    reference: MARCH_1_2026,
    timeZone: 'America/Los_Angeles',
    hemisphere: 'N',
    vocabulary,
    ...overrides,
  };
}

const day = (date: string): string => `${date}T00:00:00`;
const range = (from: string, to: string) => ({ from: day(from), to: day(to) });
const yearly = (month: string, firstYear: number, lastYear: number, nextDay = month) =>
  Array.from({ length: lastYear - firstYear + 1 }, (_, i) =>
    range(`${firstYear + i}-${month}`, `${firstYear + i}-${nextDay}`),
  );

interface Case {
  text: string;
  query: PhotoQueryInput;
  understood?: Pick<Understood, 'kind' | 'text'>[];
  unmatched?: string[];
  hemisphere?: Hemisphere;
  reference?: Date;
}

const CASES: Case[] = [
  {
    text: 'beach photos from last summer in Santa Monica',
    query: {
      labels: ['beach'],
      places: [{ name: 'Santa Monica', level: 'city' }],
      takenFrom: day('2025-06-01'),
      takenTo: day('2025-09-01'),
    },
    understood: [
      { kind: 'label', text: 'beach' },
      { kind: 'date', text: 'last summer' },
      { kind: 'place', text: 'Santa Monica' },
    ],
  },
  {
    text: 'dogs 2019',
    query: { labels: ['dog'], takenFrom: day('2019-01-01'), takenTo: day('2020-01-01') },
    understood: [
      { kind: 'label', text: 'dogs' },
      { kind: 'date', text: '2019' },
    ],
  },
  {
    text: 'Mom at Christmas',
    // A holiday named alone is its most recent occurrence, as the skill's HOLIDAY slot reads it.
    query: { people: ['pe_mom'], takenFrom: day('2025-12-24'), takenTo: day('2025-12-27') },
    understood: [
      { kind: 'person', text: 'Mom' },
      { kind: 'date', text: 'Christmas' },
    ],
  },
  { text: 'every christmas', query: { dateRanges: yearly('12-24', 2006, 2025, '12-27') } },
  {
    text: 'photos from the year 2019',
    query: { takenFrom: day('2019-01-01'), takenTo: day('2020-01-01') },
    understood: [{ kind: 'date', text: 'the year 2019' }],
  },
  // Christmas is 24–26 December: Christmas Eve dinner is a Christmas photo. "Christmas Day" is the 25th alone.
  { text: 'christmas day 2019', query: { takenFrom: day('2019-12-25'), takenTo: day('2019-12-26') } },
  // "On this day" is history: today's date in the years before this one.
  {
    text: 'on this day',
    query: {
      monthDays: [{ month: 3, day: 1, plusMinusDays: 0 }],
      takenFrom: '1820-01-01T00:00:00',
      takenTo: day('2026-03-01'),
    },
    understood: [{ kind: 'on-this-day', text: 'on this day' }],
  },
  {
    text: 'this day in history',
    query: {
      monthDays: [{ month: 3, day: 1, plusMinusDays: 0 }],
      takenFrom: '1820-01-01T00:00:00',
      takenTo: day('2026-03-01'),
    },
  },
  {
    text: 'on this day last year',
    query: {
      takenFrom: day('2025-03-01'),
      takenTo: day('2025-03-02'),
    },
  },
  {
    text: 'last summer',
    hemisphere: 'S',
    query: { takenFrom: day('2025-12-01'), takenTo: day('2026-03-01') },
  },
  {
    text: 'summer 2019',
    hemisphere: 'S',
    query: { takenFrom: day('2019-12-01'), takenTo: day('2020-03-01') },
  },
  { text: 'winter 2019', query: { takenFrom: day('2019-12-01'), takenTo: day('2020-03-01') } },
  { text: 'last fall', query: { takenFrom: day('2025-09-01'), takenTo: day('2025-12-01') } },
  { text: 'last winter', query: { takenFrom: day('2025-12-01'), takenTo: day('2026-03-01') } },
  {
    text: 'last winter',
    reference: new Date('2026-02-10T18:00:00Z'),
    query: { takenFrom: day('2024-12-01'), takenTo: day('2025-03-01') },
  },
  // In the middle of a season, "last" is the one before it and "this" the one happening.
  {
    text: 'this winter',
    reference: new Date('2026-02-10T18:00:00Z'),
    query: { takenFrom: day('2025-12-01'), takenTo: day('2026-03-01') },
  },
  // Spring began today: it is "this spring", and "next spring" is a year away.
  { text: 'this spring', query: { takenFrom: day('2026-03-01'), takenTo: day('2026-06-01') } },
  { text: 'next spring', query: { takenFrom: day('2027-03-01'), takenTo: day('2027-06-01') } },
  {
    text: 'photos of grandma and mom in kyoto',
    query: { people: ['pe_grandma', 'pe_mom'], places: [{ name: 'Kyoto', level: 'city' }] },
    understood: [
      { kind: 'person', text: 'grandma' },
      { kind: 'person', text: 'mom' },
      { kind: 'place', text: 'kyoto' },
    ],
  },
  { text: 'christmas 2019', query: { takenFrom: day('2019-12-24'), takenTo: day('2019-12-27') } },
  { text: 'last christmas', query: { takenFrom: day('2025-12-24'), takenTo: day('2025-12-27') } },
  {
    text: 'last christmas',
    reference: new Date('2025-12-25T18:00:00Z'),
    query: { takenFrom: day('2024-12-24'), takenTo: day('2024-12-27') },
  },
  { text: 'christmas eve 2019', query: { takenFrom: day('2019-12-24'), takenTo: day('2019-12-25') } },
  {
    text: "new year's eve 2019",
    query: { takenFrom: day('2019-12-31'), takenTo: '2020-01-01T06:00:00' },
  },
  { text: "new year's day 2020", query: { takenFrom: day('2020-01-01'), takenTo: day('2020-01-02') } },
  { text: 'easter 2024', query: { takenFrom: day('2024-03-31'), takenTo: day('2024-04-01') } },
  { text: 'easter 2025', query: { takenFrom: day('2025-04-20'), takenTo: day('2025-04-21') } },
  { text: 'thanksgiving 2025', query: { takenFrom: day('2025-11-27'), takenTo: day('2025-11-28') } },
  { text: 'halloween 2020', query: { takenFrom: day('2020-10-31'), takenTo: day('2020-11-01') } },
  { text: "valentine's day 2021", query: { takenFrom: day('2021-02-14'), takenTo: day('2021-02-15') } },
  { text: 'fourth of july 2022', query: { takenFrom: day('2022-07-04'), takenTo: day('2022-07-05') } },
  {
    text: 'christmas in the nineties',
    query: {
      takenFrom: day('1990-01-01'),
      takenTo: day('2000-01-01'),
      dateRanges: yearly('12-24', 1990, 1999, '12-27'),
    },
  },
  {
    text: 'summer last year',
    query: {
      takenFrom: day('2025-01-01'),
      takenTo: day('2026-01-01'),
      dateRanges: [range('2025-06-01', '2025-09-01')],
    },
  },
  { text: 'july 2019', query: { takenFrom: day('2019-07-01'), takenTo: day('2019-08-01') } },
  {
    text: 'from june to august 2024',
    query: { takenFrom: day('2024-06-01'), takenTo: day('2024-09-01') },
  },
  {
    text: 'between march and may 2021',
    query: { takenFrom: day('2021-03-01'), takenTo: day('2021-06-01') },
  },
  // A month without a year is the last one that has begun: July said in March is last July.
  { text: 'in july', query: { takenFrom: day('2025-07-01'), takenTo: day('2025-08-01') } },
  { text: 'two years ago', query: { takenFrom: day('2024-01-01'), takenTo: day('2025-01-01') } },
  { text: 'a month ago', query: { takenFrom: day('2026-02-01'), takenTo: day('2026-03-01') } },
  {
    text: 'this week 5 years ago',
    query: { takenFrom: day('2021-02-23'), takenTo: day('2021-03-02') },
  },
  { text: 'last year', query: { takenFrom: day('2025-01-01'), takenTo: day('2026-01-01') } },
  { text: 'last week', query: { takenFrom: day('2026-02-16'), takenTo: day('2026-02-23') } },
  { text: 'yesterday', query: { takenFrom: day('2026-02-28'), takenTo: day('2026-03-01') } },
  { text: 'in 2019', query: { takenFrom: day('2019-01-01'), takenTo: day('2020-01-01') } },
  { text: '2019 to 2021', query: { takenFrom: day('2019-01-01'), takenTo: day('2022-01-01') } },
  { text: 'between 2019 and 2021', query: { takenFrom: day('2019-01-01'), takenTo: day('2022-01-01') } },
  { text: 'the nineties', query: { takenFrom: day('1990-01-01'), takenTo: day('2000-01-01') } },
  { text: "the '80s", query: { takenFrom: day('1980-01-01'), takenTo: day('1990-01-01') } },
  { text: 'the 2010s', query: { takenFrom: day('2010-01-01'), takenTo: day('2020-01-01') } },
  {
    text: '2019 and 2021',
    query: { dateRanges: [range('2019-01-01', '2020-01-01'), range('2021-01-01', '2022-01-01')] },
  },
  {
    text: 'show me the eiffel tower in the US',
    query: { labels: ['eiffel tower'], places: [{ name: 'United States', level: 'country' }] },
    unmatched: [],
  },
  { text: 'in the uk', query: { places: [{ name: 'United Kingdom', level: 'country' }] } },
  { text: 'in california', query: { places: [{ name: 'California', level: 'region' }] } },
  { text: 'sao paulo', query: { places: [{ name: 'São Paulo', level: 'city' }] } },
  // Multi-word names are matched before dates: "springs" is not a season here, "2019" not a year.
  {
    text: 'palm springs last spring',
    query: {
      places: [{ name: 'Palm Springs', level: 'city' }],
      takenFrom: day('2025-03-01'),
      takenTo: day('2025-06-01'),
    },
  },
  { text: 'hawaii 2019', query: { albums: ['al_hawaii'] } },
  { text: "photos from anna's wedding", query: { albums: ['al_wedding'] } },
  // A name that is a person and a place: the place after "in", the person otherwise.
  { text: 'in paris', query: { places: [{ name: 'Paris', level: 'city' }] } },
  { text: 'photos of paris', query: { people: ['pe_paris'] } },
  {
    text: "mom's birthday",
    query: { people: ['pe_mom'], labels: ['birthday'] },
  },
  { text: 'puppies and sushi', query: { labels: ['dog', 'sushi'] } },
  { text: 'animals', query: { labels: ['animal'] } },
  {
    text: 'my favourite videos of nana',
    query: { people: ['pe_grandma'], favoritesOnly: true, mediaKinds: ['video'] },
    understood: [
      { kind: 'favorites', text: 'favourite' },
      { kind: 'video', text: 'videos' },
      { kind: 'person', text: 'nana' },
    ],
  },
  {
    text: 'best of 2020',
    query: { favoritesOnly: true, takenFrom: day('2020-01-01'), takenTo: day('2021-01-01') },
  },
  // A word nothing matched is kept, to fail the search: never dropped to widen it to the rest.
  {
    text: 'show me photos of the blorf crossing from last year',
    query: { takenFrom: day('2025-01-01'), takenTo: day('2026-01-01') },
    unmatched: ['blorf crossing'],
  },
  { text: 'blorf beach', query: { labels: ['beach'] }, unmatched: ['blorf'] },
  // "sun" is not Sunday. "of us" names people in the photos, whom the library does not know: not every photo.
  { text: 'photos of us in the sun', query: {}, unmatched: ['us', 'sun'] },
  { text: 'photos of me', query: {}, unmatched: ['me'] },
  // Order words say how to play, not which photos: every photo, newest first; "last" stays a date word.
  { text: 'my latest photos', query: { order: 'newest' } },
  { text: 'most recent beach photos', query: { labels: ['beach'], order: 'newest' } },
  { text: 'zufällige Bilder von Hunden', query: { labels: ['dog'], order: 'shuffle' } },
  { text: 'oldest photos of Mom', query: { people: ['pe_mom'], order: 'oldest' } },
  { text: 'my old photos', query: { order: 'oldest' } },
  { text: 'alte Fotos von Hunden', query: { labels: ['dog'], order: 'oldest' } },
  { text: 'Mom and me at the beach', query: { labels: ['beach'], people: ['pe_mom'] }, unmatched: ['me'] },
  { text: 'Bilder von uns', query: {}, unmatched: ['uns'] },
  { text: 'zeig mir Fotos mit mir', query: {}, unmatched: ['mir'] },
  // Filler never counts, in English or German, and never matches on its own.
  { text: 'please show me my pictures', query: {} },
  { text: 'zeige mir meine Fotos von Kyoto', query: { places: [{ name: 'Kyoto', level: 'city' }] } },
  { text: 'zeige meine Lieblingsfotos', query: { favoritesOnly: true } },
  // Free text has no language: English words first, then the vocabulary's German forms.
  { text: 'Fotos von Hunden', query: { labels: ['dog'] } },
  { text: 'Vögel', query: { labels: ['bird'] } },
  { text: 'Adlerfotos', query: { labels: ['eagle'] } },
  { text: 'Kaffee in Kyoto', query: { labels: ['coffee'], places: [{ name: 'Kyoto', level: 'city' }] } },
  // German words English uses for something else stay English: nothing, so a failed constraint.
  { text: 'boot photos', query: {}, unmatched: ['boot'] },
  { text: 'handy photos', query: {}, unmatched: ['handy'] },
];

describe('parsePhotoText', () => {
  for (const testCase of CASES) {
    const where = testCase.hemisphere === 'S' ? ' (southern hemisphere)' : '';
    const when = testCase.reference ? ` on ${testCase.reference.toISOString().slice(0, 10)}` : '';
    it(`reads "${testCase.text}"${where}${when}`, () => {
      const parsed = parsePhotoText(
        testCase.text,
        context({
          hemisphere: testCase.hemisphere ?? 'N',
          ...(testCase.reference ? { reference: testCase.reference } : {}),
        }),
      );
      assert.deepEqual(parsed.query, testCase.query);
      assert.ok(photoQuerySchema.safeParse(parsed.query).success, 'the query satisfies the contract');
      if (testCase.understood) {
        assert.deepEqual(
          parsed.understood.map(({ kind, text }) => ({ kind, text })),
          testCase.understood,
        );
      }
      assert.deepEqual(parsed.unmatched, testCase.unmatched ?? []);
    });
  }

  it('says how each date was read, with its ranges', () => {
    const parsed = parsePhotoText('beach photos from last summer', context({ hemisphere: 'S' }));
    assert.deepEqual(parsed.understood[1], {
      kind: 'date',
      text: 'last summer',
      value: { description: 'summer 2025', ranges: [range('2025-12-01', '2026-03-01')] },
    });
  });

  it('reads relative dates on the user’s calendar, not the server’s', () => {
    // 05:00 UTC on 1 March is still 28 February in Los Angeles and already 1 March in Tokyo.
    const reference = new Date('2026-03-01T05:00:00Z');
    const la = parsePhotoText('on this day', context({ reference, timeZone: 'America/Los_Angeles' }));
    const tokyo = parsePhotoText('on this day', context({ reference, timeZone: 'Asia/Tokyo' }));
    // 28 February of a common year is also the anniversary of the leap day.
    assert.deepEqual(la.query.monthDays, [
      { month: 2, day: 28, plusMinusDays: 0 },
      { month: 2, day: 29, plusMinusDays: 0 },
    ]);
    assert.deepEqual(tokyo.query.monthDays, [{ month: 3, day: 1, plusMinusDays: 0 }]);
    const yesterday = parsePhotoText('yesterday', context({ reference, timeZone: 'Asia/Tokyo' }));
    assert.equal(yesterday.query.takenFrom, day('2026-02-28'));
  });

  it('covers the library’s years for "every christmas" when it knows them', () => {
    const parsed = parsePhotoText(
      'every christmas',
      context({ librarySpan: { first: '2016-07-04T10:00:00', last: '2019-12-25T09:30:00' } }),
    );
    assert.deepEqual(parsed.query.dateRanges, yearly('12-24', 2016, 2019, '12-27'));
    assert.equal(parsed.understood[0]?.kind, 'date');
    assert.equal(
      parsed.understood[0]?.kind === 'date' && parsed.understood[0].value.description,
      'every christmas, 2016–2019',
    );
  });

  it('keeps to the contract’s 50 ranges however long the library', () => {
    const parsed = parsePhotoText(
      'every summer',
      context({ librarySpan: { first: '1950-01-01T00:00:00', last: '2025-08-01T00:00:00' } }),
    );
    assert.equal(parsed.query.dateRanges?.length, 50);
    assert.deepEqual(parsed.query.dateRanges?.at(-1), range('2025-06-01', '2025-09-01'));
  });

  it('answers nothing rather than everything for a holiday outside the dates named', () => {
    const parsed = parsePhotoText('christmas in july 2019', context());
    assert.equal(parsed.query.takenFrom, day('2019-07-01'));
    assert.equal(parsed.query.takenTo, day('2019-08-01'));
    assert.deepEqual(parsed.query.dateRanges, [range('2019-12-24', '2019-12-27')]);
  });

  it('refuses more subjects than a query holds rather than leaving some out (which would widen it)', () => {
    const eleven = 'beach dog sushi cat snow sunset forest lake flowers mountain city';
    assert.throws(
      () => parsePhotoText(eleven, context()),
      (error: unknown) => isAppError(error) && error.status === 400 && error.code === 'TEXT_TOO_MANY_PARTS',
    );
  });

  it('rejects an unknown time zone with a 400', () => {
    assert.throws(
      () => parsePhotoText('last summer', context({ timeZone: 'Mars/Olympus_Mons' })),
      (error: unknown) => isAppError(error) && error.status === 400 && error.code === 'INVALID_TIME_ZONE',
    );
  });

  it('reads "me" after "of" as a person the owner named so', () => {
    const people = [...vocabulary.people, { id: 'pe_me', name: 'Me', synonyms: [] }];
    const parsed = parsePhotoText('photos of me', context({ vocabulary: { ...vocabulary, people } }));
    assert.deepEqual(parsed.query, { people: ['pe_me'] });
    assert.deepEqual(
      parsePhotoText('show me photos', context({ vocabulary: { ...vocabulary, people } })).query,
      {},
    );
  });

  it('understands nothing in an empty or filler-only text', () => {
    // How many to show is no filter either: "a few", "several", "ein paar".
    for (const text of [
      '',
      '   ',
      'show me some photos please',
      'a few photos',
      'ein paar Fotos',
      'several pictures',
    ]) {
      const parsed = parsePhotoText(text, context());
      assert.deepEqual(parsed, { query: {}, understood: [], unmatched: [] });
    }
  });
});

describe('parsePhotoText with a gazetteer', () => {
  const gazetteer = (name: string) =>
    ({
      nyc: [{ name: 'New York City', level: 'city' as const }],
      kyoto: [{ name: 'Kyoto', level: 'city' as const }],
      beach: [{ name: 'Beach', level: 'city' as const }],
      deutschland: [{ name: 'Germany', level: 'country' as const }],
    })[name.toLowerCase()] ?? [];
  const withGazetteer = (places: ParseVocabulary['places']): ParseContext => ({
    reference: MARCH_1_2026,
    timeZone: 'UTC',
    hemisphere: 'N',
    vocabulary: { labels: [], people: [], albums: [], places },
    findPlaces: gazetteer,
  });

  it('reads a place the library has under another name', () => {
    const parsed = parsePhotoText('sunsets nyc', withGazetteer([{ name: 'New York City', level: 'city' }]));
    assert.deepEqual(parsed.query, {
      labels: ['sunset'],
      places: [{ name: 'New York City', level: 'city' }],
    });
  });

  it('reads any place after "in", so a place without photos finds none rather than all', () => {
    const parsed = parsePhotoText('in kyoto', withGazetteer([]));
    assert.deepEqual(parsed.query, { places: [{ name: 'Kyoto', level: 'city' }] });
    assert.deepEqual(parsed.unmatched, []);
  });

  it('does not take an ordinary word for a town of that name', () => {
    assert.deepEqual(parsePhotoText('beach', withGazetteer([])).query, { labels: ['beach'] });
  });

  it('reads a German label word before a gazetteer town of that name, but after a town the library has', () => {
    const hunden = (name: string) =>
      name.toLowerCase() === 'hunden' ? [{ name: 'Hunden', level: 'city' as const }] : gazetteer(name);
    const context = (places: ParseVocabulary['places']): ParseContext => ({
      ...withGazetteer(places),
      findPlaces: hunden,
    });
    assert.deepEqual(parsePhotoText('Hunden', context([])).query, { labels: ['dog'] });
    assert.deepEqual(parsePhotoText('Hunden', context([{ name: 'Hunden', level: 'city' }])).query, {
      places: [{ name: 'Hunden', level: 'city' }],
    });
  });

  it('reads any place of the gazetteer once dates had their words, with or without photos there', () => {
    const parsed = parsePhotoText('deutschland photos', withGazetteer([]));
    assert.deepEqual(parsed.query, { places: [{ name: 'Germany', level: 'country' }] });
    assert.deepEqual(parsed.unmatched, []);
  });
});

describe('parsePhotoText with albums', () => {
  const withAlbums = (albums: ParseVocabulary['albums']): ParseContext =>
    context({
      vocabulary: { ...vocabulary, albums },
      findPlaces: (name) => (name.toLowerCase() === 'italy' ? [{ name: 'Italy', level: 'country' }] : []),
    });
  const takeout = [
    // What the library's vocabulary offers as spoken variants: the name without its year.
    { id: 'al_takeout', name: 'Photos from 2026', synonyms: ['photos from', 'photos from 2026'] },
    { id: 'al_beach', name: 'Beach 2019', synonyms: ['beach'] },
    { id: 'al_trip', name: 'Summer Trip 2019', synonyms: ['summer trip'] },
    { id: 'al_italy', name: 'Italy 2018', synonyms: ['italy'] },
  ];

  it('never lets an album made of filler and a year swallow "photos from"', () => {
    const parsed = parsePhotoText('photos from Kyoto', withAlbums(takeout));
    assert.deepEqual(parsed.query, { places: [{ name: 'Kyoto', level: 'city' }] });
    const year = parsePhotoText('photos from 2026', withAlbums(takeout));
    assert.deepEqual(year.query, { takenFrom: day('2026-01-01'), takenTo: day('2027-01-01') });
    assert.deepEqual(
      year.understood.map((u) => u.kind),
      ['date'],
    );
  });

  it('matches an album by its whole name, and without its year only when the rest is distinctive', () => {
    assert.deepEqual(parsePhotoText('beach 2019', withAlbums(takeout)).query, { albums: ['al_beach'] });
    assert.deepEqual(parsePhotoText('summer trip', withAlbums(takeout)).query, { albums: ['al_trip'] });
    // A single common word (a label, a place) stays what it is.
    assert.deepEqual(parsePhotoText('beach', withAlbums(takeout)).query, { labels: ['beach'] });
    assert.deepEqual(parsePhotoText('italy', withAlbums(takeout)).query, {
      places: [{ name: 'Italy', level: 'country' }],
    });
    assert.deepEqual(parsePhotoText('italy 2018', withAlbums(takeout)).query, { albums: ['al_italy'] });
  });
});

describe('parsePhotoText with the word "album"', () => {
  const withAlbums = (albums: ParseVocabulary['albums']): ParseContext =>
    context({ vocabulary: { ...vocabulary, albums } });
  const albums = [
    { id: 'al_yellowstone', name: 'Yellowstone 2021' },
    { id: 'al_cornwall', name: 'Summer trip to Cornwall' },
  ];

  it('takes "album" next to an album name as part of it, before or after', () => {
    for (const text of [
      'Yellowstone 2021 album',
      'the album Yellowstone 2021',
      'my yellowstone 2021 Album',
    ]) {
      const parsed = parsePhotoText(text, withAlbums(albums));
      assert.deepEqual(parsed.query, { albums: ['al_yellowstone'] }, text);
      assert.deepEqual(parsed.unmatched, [], text);
    }
    const german = parsePhotoText('zeige das Album Summer trip to Cornwall', withAlbums(albums));
    assert.deepEqual(german.query, { albums: ['al_cornwall'] });
    assert.deepEqual(german.unmatched, []);
  });

  it('reads a name without its year as the album when "album" is said, however common its words', () => {
    const seasons = [
      { id: 'al_winter', name: 'Winter 2025-26' },
      { id: 'al_beach', name: 'Beach 2026' },
    ];
    for (const [text, id] of [
      ['my winter album', 'al_winter'],
      ['Winter 2025-26', 'al_winter'],
      ['the beach album', 'al_beach'],
      ['das Album Beach', 'al_beach'],
    ] as const) {
      const parsed = parsePhotoText(text, withAlbums(seasons));
      assert.deepEqual(parsed.query, { albums: [id] }, text);
      assert.deepEqual(parsed.unmatched, [], text);
    }
    // Without the word "album", the words keep their own meaning: a season, a label.
    assert.equal(parsePhotoText('winter photos', withAlbums(seasons)).query.albums, undefined);
    assert.deepEqual(parsePhotoText('beach photos', withAlbums(seasons)).query, { labels: ['beach'] });
  });

  it('reads a name that is also a label as the album when "album" is beside it', () => {
    const folder = [{ id: 'al_beach', name: 'Beach' }];
    assert.deepEqual(parsePhotoText('Beach album', withAlbums(folder)).query, { albums: ['al_beach'] });
    assert.deepEqual(parsePhotoText('album beach', withAlbums(folder)).query, { albums: ['al_beach'] });
    assert.deepEqual(parsePhotoText('beach', withAlbums(folder)).query, { labels: ['beach'] });
    assert.deepEqual(parsePhotoText('beach dog', withAlbums(folder)).query, { labels: ['beach', 'dog'] });
  });

  it('keeps "album" with no album name beside it unmatched, so nothing is widened', () => {
    const unknown = parsePhotoText('honeymoon album', withAlbums(albums));
    assert.deepEqual(unknown.unmatched, ['honeymoon album']);
    const apart = parsePhotoText('Yellowstone 2021 dog album', withAlbums(albums));
    assert.deepEqual(apart.query, { albums: ['al_yellowstone'], labels: ['dog'] });
    assert.deepEqual(apart.unmatched, ['album']);
    assert.deepEqual(parsePhotoText('album', withAlbums(albums)).unmatched, ['album']);
  });
});
