import assert from 'node:assert/strict';
import { parsePhotoText } from '../../../metadata-service/query-text/parse-photo-text';
import type { DateReading, Hemisphere, ParseContext } from '../../../metadata-service/query-text/types';

/** Wednesday 2 December 2026, 09:00 in Los Angeles. */
const WEDNESDAY = new Date('2026-12-02T17:00:00Z');

function read(text: string, overrides: Partial<ParseContext> = {}) {
  return parsePhotoText(text, {
    reference: WEDNESDAY,
    timeZone: 'America/Los_Angeles',
    hemisphere: 'N',
    vocabulary: { labels: ['beach'], people: [], albums: [], places: [] },
    ...overrides,
  });
}

const t = (date: string): string => (date.length === 10 ? `${date}T00:00:00` : date);

function dateOf(text: string, overrides: Partial<ParseContext> = {}): DateReading | undefined {
  const understood = read(text, overrides).understood.find((u) => u.kind === 'date');
  return understood?.kind === 'date' ? understood.value : undefined;
}

interface Case {
  text: string;
  from: string;
  to: string;
  hemisphere?: Hemisphere;
  /** Still to come: what is offered instead, and its name. */
  previous?: [string, string, string];
}

const CASES: Case[] = [
  // Weekends are Saturday 00:00 to Monday 00:00: two days.
  {
    text: 'this weekend',
    from: '2026-12-05',
    to: '2026-12-07',
    previous: ['2026-11-28', '2026-11-30', 'last weekend'],
  },
  {
    text: 'next weekend',
    from: '2026-12-12',
    to: '2026-12-14',
    previous: ['2026-11-28', '2026-11-30', 'last weekend'],
  },
  { text: 'last weekend', from: '2026-11-28', to: '2026-11-30' },
  { text: 'this past weekend', from: '2026-11-28', to: '2026-11-30' },
  // "past" counts back from today; "last month" is the calendar month before this one.
  { text: 'the past month', from: '2026-11-02', to: '2026-12-03' },
  { text: 'last month', from: '2026-11-01', to: '2026-12-01' },
  { text: 'the past week', from: '2026-11-25', to: '2026-12-03' },
  { text: 'this past year', from: '2025-12-02', to: '2026-12-03' },
  { text: 'the last two weeks', from: '2026-11-18', to: '2026-12-03' },
  { text: 'the last few days', from: '2026-11-29', to: '2026-12-03' },
  { text: 'the last couple of weeks', from: '2026-11-18', to: '2026-12-03' },
  // The unit before the last one (chrono-node read "the week before" as yesterday).
  { text: 'the week before last', from: '2026-11-16', to: '2026-11-23' },
  { text: 'the month before last', from: '2026-10-01', to: '2026-11-01' },
  { text: 'the year before last', from: '2024-01-01', to: '2025-01-01' },
  { text: 'vorletzte Woche', from: '2026-11-16', to: '2026-11-23' },
  { text: 'vorletztes Jahr', from: '2024-01-01', to: '2025-01-01' },
  // Vague counts ago are the whole units around the count the words stand for, not one unit.
  { text: 'a few years ago', from: '2022-01-01', to: '2025-01-01' },
  { text: 'a couple of years ago', from: '2023-01-01', to: '2026-01-01' },
  { text: 'several years ago', from: '2019-01-01', to: '2024-01-01' },
  { text: 'a few months ago', from: '2026-08-01', to: '2026-11-01' },
  { text: 'vor ein paar Jahren', from: '2022-01-01', to: '2025-01-01' },
  { text: 'vor einigen Jahren', from: '2019-01-01', to: '2024-01-01' },
  { text: 'in den letzten zwei Wochen', from: '2026-11-18', to: '2026-12-03' },
  // The same day years ago, and "this time" (two weeks either side), in English and German word order.
  { text: 'this day last year', from: '2025-12-02', to: '2025-12-03' },
  { text: 'heute vor einem Jahr', from: '2025-12-02', to: '2025-12-03' },
  { text: 'heute vor zwei Jahren', from: '2024-12-02', to: '2024-12-03' },
  { text: 'this time last year', from: '2025-11-18', to: '2025-12-17' },
  { text: 'around this time two years ago', from: '2024-11-18', to: '2024-12-17' },
  { text: 'um diese Zeit letztes Jahr', from: '2025-11-18', to: '2025-12-17' },
  { text: 'beach photos from the weekend', from: '2026-11-28', to: '2026-11-30' },
  {
    text: 'next month',
    from: '2027-01-01',
    to: '2027-02-01',
    previous: ['2026-12-01', '2027-01-01', 'December 2026'],
  },
  {
    text: 'next summer',
    from: '2027-06-01',
    to: '2027-09-01',
    previous: ['2026-06-01', '2026-09-01', 'summer 2026'],
  },
  {
    text: 'this summer',
    hemisphere: 'S',
    from: '2026-12-01',
    to: '2027-03-01',
  },
  {
    text: 'this christmas',
    from: '2026-12-24',
    to: '2026-12-27',
    previous: ['2025-12-24', '2025-12-27', 'christmas 2025'],
  },
  { text: 'christmas twenty twenty four', from: '2024-12-24', to: '2024-12-27' },
  { text: 'christmas day 2024', from: '2024-12-25', to: '2024-12-26' },
  { text: "new year's eve 2025", from: '2025-12-31', to: '2026-01-01T06:00:00' },
  { text: 'nye twenty twenty', from: '2020-12-31', to: '2021-01-01T06:00:00' },
  { text: 'summer of twenty twenty', from: '2020-06-01', to: '2020-09-01' },
  { text: 'summer of twenty twenty', hemisphere: 'S', from: '2020-12-01', to: '2021-03-01' },
  { text: 'twenty nineteen', from: '2019-01-01', to: '2020-01-01' },
  { text: 'two thousand and five', from: '2005-01-01', to: '2006-01-01' },
  { text: 'july fourth twenty twenty one', from: '2021-07-04', to: '2021-07-05' },
  { text: 'may twenty first twenty nineteen', from: '2019-05-21', to: '2019-05-22' },
  { text: 'the fourteenth of february', from: '2026-02-14', to: '2026-02-15' },
  { text: 'march twenty twenty', from: '2020-03-01', to: '2020-04-01' },
  { text: 'easter 2024', from: '2024-03-31', to: '2024-04-01' },
  { text: 'photos from the week of July 1 2019', from: '2019-07-01', to: '2019-07-08' },
  { text: 'photos from the weekend of July 6 2019', from: '2019-07-06', to: '2019-07-08' },
  { text: 'the weekend of the sixth of july twenty nineteen', from: '2019-07-06', to: '2019-07-08' },
  // "July 4th" is also a holiday's name: here it is the day the weekend is of (Saturday 4 July 2020).
  { text: 'the weekend of july 4th 2020', from: '2020-07-04', to: '2020-07-06' },
  { text: 'the week of the fourth of july 2019', from: '2019-07-01', to: '2019-07-08' },
  // A holiday's weekend: the holiday and the weekend nearest it, as one window.
  { text: 'july 4th weekend 2025', from: '2025-07-04', to: '2025-07-07' },
  { text: 'thanksgiving weekend 2025', from: '2025-11-27', to: '2025-12-01' },
  { text: 'christmas weekend', from: '2025-12-24', to: '2025-12-29' },
  { text: 'the 4th of july weekend of 2026', from: '2026-07-04', to: '2026-07-06' },
  { text: 'last thanksgiving weekend', from: '2026-11-26', to: '2026-11-30' },
  // US holidays free text names that no slot value has: the last Monday of May, the first of September.
  { text: 'memorial day 2025', from: '2025-05-26', to: '2025-05-27' },
  { text: 'labor day weekend 2025', from: '2025-08-30', to: '2025-09-02' },
  { text: 'the twenty tens', from: '2010-01-01', to: '2020-01-01' },
  { text: 'the nineteen nineties', from: '1990-01-01', to: '2000-01-01' },
  { text: 'christmas', from: '2025-12-24', to: '2025-12-27' },
  { text: 'Fotos von Weihnachten 2019', from: '2019-12-24', to: '2019-12-27' },
  { text: 'Silvester 2025', from: '2025-12-31', to: '2026-01-01T06:00:00' },
  { text: 'Sommer 2019', hemisphere: 'S', from: '2019-12-01', to: '2020-03-01' },
  { text: 'easter 2025', from: '2025-04-20', to: '2025-04-21' },
  // Parts of a day, in capture-local hours; a night runs into the small hours (asked Wednesday 09:00).
  { text: 'last night', from: '2026-12-01T18:00:00', to: '2026-12-02T05:00:00' },
  { text: 'photos from this morning', from: '2026-12-02T05:00:00', to: '2026-12-02T12:00:00' },
  { text: 'yesterday evening', from: '2026-12-01T17:00:00', to: '2026-12-02' },
  { text: 'yesterday afternoon', from: '2026-12-01T12:00:00', to: '2026-12-01T17:00:00' },
  { text: 'saturday night', from: '2026-11-28T18:00:00', to: '2026-11-29T05:00:00' },
  { text: 'wednesday morning', from: '2026-12-02T05:00:00', to: '2026-12-02T12:00:00' },
  // This Wednesday's evening has not begun: the one before.
  { text: 'wednesday evening', from: '2026-11-25T17:00:00', to: '2026-11-26' },
  { text: 'Fotos von gestern Abend', from: '2026-12-01T17:00:00', to: '2026-12-02' },
  { text: 'heute Morgen', from: '2026-12-02T05:00:00', to: '2026-12-02T12:00:00' },
  { text: 'letzte Nacht', from: '2026-12-01T18:00:00', to: '2026-12-02T05:00:00' },
  {
    text: 'december 25 2026',
    from: '2026-12-25',
    to: '2026-12-26',
    previous: ['2025-12-25', '2025-12-26', 'December 25, 2025'],
  },
];

describe('free-text dates through the one calendar', () => {
  for (const { text, from, to, hemisphere, previous } of CASES) {
    it(`"${text}"${hemisphere === 'S' ? ' (south)' : ''} → [${from}, ${to})${previous ? `, still to come: offers ${previous[2]}` : ''}`, () => {
      const parsed = read(text, hemisphere ? { hemisphere } : {});
      assert.deepEqual([parsed.query.takenFrom, parsed.query.takenTo], [t(from), t(to)]);
      const reading = dateOf(text, hemisphere ? { hemisphere } : {});
      if (!previous) {
        assert.equal(reading?.future, undefined);
        return;
      }
      assert.deepEqual(reading?.future?.previous, {
        text: previous[2],
        ranges: [{ from: t(previous[0]), to: t(previous[1]) }],
      });
    });
  }

  it('tonight, asked in the morning, is still to come', () => {
    const reading = dateOf('tonight');
    assert.deepEqual(reading?.ranges, [{ from: t('2026-12-02T18:00:00'), to: t('2026-12-03T05:00:00') }]);
    assert.ok(reading?.future);
  });

  it('a year still to come is marked future with nothing to offer', () => {
    const reading = dateOf('photos from 2030');
    assert.deepEqual(
      [reading?.ranges, reading?.future],
      [[{ from: t('2030-01-01'), to: t('2031-01-01') }], {}],
    );
  });

  it('leaves numbers that are no year alone', () => {
    assert.equal(read('twenty one beach photos').query.takenFrom, undefined);
    assert.deepEqual(read('twenty twenty twenty').query.takenFrom, t('2020-01-01'));
    // No such day: "february thirtieth" is understood as nothing (so it fails the request), never as all of 2020.
    const noSuchDay = read('february thirtieth twenty twenty');
    assert.ok(noSuchDay.understood.every((u) => !/february|thirtieth/i.test(u.text)));
  });

  it('reads hostile input without hanging or throwing', () => {
    const long = `${'twenty '.repeat(2000)}nineteen ${'weekend '.repeat(500)}`;
    const started = Date.now();
    const parsed = read(long);
    assert.ok(Date.now() - started < 5000);
    assert.ok(parsed.understood.length > 0);
    assert.doesNotThrow(() => read('constructor toString __proto__ hasOwnProperty'));
    assert.equal(read('constructor toString __proto__').query.takenFrom, undefined);
  });
});
