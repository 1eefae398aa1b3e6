import assert from 'node:assert/strict';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import { parsePhotoText } from '../../../metadata-service/query-text/parse-photo-text';
import type { VocabularyLanguage } from '../../../common/vocabulary';
import type { ParseContext, ParseVocabulary } from '../../../metadata-service/query-text/types';

/** Sunday 1 March 2026, 10:00 in Berlin. */
const MARCH_1_2026 = new Date('2026-03-01T09:00:00Z');

function context(language?: VocabularyLanguage): ParseContext {
  const vocabulary: ParseVocabulary = {
    labels: ['beach', 'dog', 'lake'],
    people: [{ id: 'pe_anna', name: 'Anna', synonyms: [] }],
    albums: [],
    places: [{ name: 'Zermatt', level: 'city' }],
  };
  return { reference: MARCH_1_2026, timeZone: 'Europe/Berlin', hemisphere: 'N', vocabulary, language };
}

const day = (date: string): string => `${date}T00:00:00`;
const between = (from: string, to: string): PhotoQueryInput => ({ takenFrom: day(from), takenTo: day(to) });

interface Case {
  text: string;
  query: PhotoQueryInput;
  /** The words the date was read from, as typed. */
  dateText?: string;
  unmatched?: string[];
}

const CASES: Case[] = [
  { text: 'Fotos vom Juli 2025', query: between('2025-07-01', '2025-08-01'), dateText: 'Juli 2025' },
  {
    text: 'Strandfotos vom letzten Sommer',
    query: { labels: ['beach'], ...between('2025-06-01', '2025-09-01') },
    dateText: 'letzten Sommer',
  },
  {
    text: 'Fotos aus Zermatt vom letzten Jahr',
    query: { places: [{ name: 'Zermatt', level: 'city' }], ...between('2025-01-01', '2026-01-01') },
    dateText: 'letzten Jahr',
  },
  {
    text: 'Hunde von vor zwei Jahren',
    query: { labels: ['dog'], ...between('2024-01-01', '2025-01-01') },
    dateText: 'vor zwei Jahren',
  },
  { text: 'vor einem Monat', query: between('2026-02-01', '2026-03-01'), dateText: 'vor einem Monat' },
  { text: 'gestern', query: between('2026-02-28', '2026-03-01'), dateText: 'gestern' },
  {
    text: 'von Juni bis August 2024',
    query: between('2024-06-01', '2024-09-01'),
    dateText: 'Juni bis August 2024',
  },
  {
    text: 'Fotos mit Anna zwischen März und Mai 2025',
    query: { people: ['pe_anna'], ...between('2025-03-01', '2025-06-01') },
    dateText: 'März und Mai 2025',
  },
  { text: 'am 24. Dezember 2024', query: between('2024-12-24', '2024-12-25'), dateText: '24. Dezember 2024' },
  { text: 'Fotos aus dem Jahr 2025', query: between('2025-01-01', '2026-01-01'), dateText: 'Jahr 2025' },
  // No German word to carry over, but a German ordinal day: "5." before the month.
  {
    text: 'Bilder vom 5. November 2025',
    query: between('2025-11-05', '2025-11-06'),
    dateText: '5. November 2025',
  },
  { text: 'Weihnachten 2024', query: between('2024-12-24', '2024-12-27'), dateText: 'Weihnachten 2024' },
  // A word no date took is read as written: "diese" is filler, "und" joins two people, not two dates.
  { text: 'diese Fotos von Anna', query: { people: ['pe_anna'] } },
  // Never widened: an unknown word beside a German date is still a failed constraint.
  {
    text: 'Fotos vom Blorf letzten Sommer',
    query: between('2025-06-01', '2025-09-01'),
    dateText: 'letzten Sommer',
    unmatched: ['Blorf'],
  },
];

describe('German date words in free text', () => {
  for (const testCase of CASES) {
    it(`reads "${testCase.text}"`, () => {
      const parsed = parsePhotoText(testCase.text, context());
      assert.deepEqual(photoQuerySchema.parse(parsed.query), photoQuerySchema.parse(testCase.query));
      assert.deepEqual(parsed.unmatched, testCase.unmatched ?? []);
      assert.deepEqual(
        parsed.understood.filter((item) => item.kind === 'date').map((item) => item.text),
        testCase.dateText === undefined ? [] : [testCase.dateText],
      );
    });
  }

  it('English text reads as before: no German word is carried over in it', () => {
    const parsed = parsePhotoText('beach photos from last summer, between march and may', context());
    assert.deepEqual(parsed.unmatched, []);
    assert.deepEqual(
      parsed.understood.map((item) => [item.kind, item.text]),
      [
        ['label', 'beach'],
        ['date', 'last summer'],
        ['date', 'march and may'],
      ],
    );
  });

  it('text said to be German dates holidays by German custom; unstated, by the US calendar', () => {
    const dates = (text: string, language?: VocabularyLanguage) => {
      const { takenFrom, takenTo } = parsePhotoText(text, context(language)).query;
      return [takenFrom, takenTo];
    };
    assert.deepEqual(dates('Vatertag 2025', 'de'), [day('2025-05-29'), day('2025-05-30')]);
    assert.deepEqual(dates('Vatertag 2025'), [day('2025-06-15'), day('2025-06-16')]);
    assert.deepEqual(dates('Erntedank 2025', 'de'), [day('2025-10-05'), day('2025-10-06')]);
    assert.deepEqual(dates('Ostern 2025', 'de'), [day('2025-04-20'), day('2025-04-22')]);
    assert.deepEqual(dates('Ostern 2025'), [day('2025-04-20'), day('2025-04-21')]);
  });

  it('text said to be German reads German words first: "Strand" is the beach, "See" a lake', () => {
    assert.deepEqual(parsePhotoText('Fotos vom Strand', context('de')).query, { labels: ['beach'] });
    assert.deepEqual(parsePhotoText('Anna am See', context('de')).query, {
      people: ['pe_anna'],
      labels: ['lake'],
    });
    // Stated as English or not stated, they are English words no label has: failed, never dropped.
    assert.deepEqual(parsePhotoText('Fotos vom Strand', context()).unmatched, ['Strand']);
    assert.deepEqual(parsePhotoText('Fotos vom Strand', context('en')).unmatched, ['Strand']);
  });
});
