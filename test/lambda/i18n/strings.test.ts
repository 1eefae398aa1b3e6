import assert from 'node:assert/strict';
import { SKILL_LOCALES, stringsFor } from '../../../lambda/i18n';
import { deDE } from '../../../lambda/i18n/de-DE';
import { enGB } from '../../../lambda/i18n/en-GB';
import { enUS } from '../../../lambda/i18n/en-US';
import type { DatePhrase } from '../../../common/calendar';

const day = { year: 2026, month: 7, day: 4 };
const EVERY_PHRASE: DatePhrase[] = [
  { kind: 'today' },
  { kind: 'day', date: day },
  { kind: 'week', monday: day },
  { kind: 'weekend', saturday: day },
  { kind: 'month', year: 2026, month: 7 },
  { kind: 'season', season: 'autumn', year: 2025 },
  { kind: 'quarter', year: 2019, quarter: 1 },
  { kind: 'year', year: 2025 },
  { kind: 'decade', firstYear: 2010 },
  { kind: 'every-day', month: 7, day: 4 },
  { kind: 'every-month', month: 7 },
  { kind: 'every-season', season: 'summer' },
  { kind: 'holiday', holiday: 'NEW_YEARS_EVE', year: 2025 },
  { kind: 'every-holiday', holiday: 'CHRISTMAS' },
  { kind: 'recent', count: 2, unit: 'week' },
  { kind: 'recent', count: 1, unit: 'month' },
  { kind: 'around-day', date: day, plusMinusDays: 14 },
];
const none = (date: DatePhrase): string => enUS.noMatches({ subject: 'beach', date });

describe('speech strings', () => {
  it('every locale has strings; an unknown locale falls back to en-US', () => {
    for (const locale of SKILL_LOCALES) assert.ok(stringsFor(locale).welcome.length > 0, locale);
    assert.equal(stringsFor('fr-FR'), enUS);
    assert.equal(stringsFor('de-DE'), deDE);
  });

  it('says every date form in en-US', () => {
    assert.deepEqual(EVERY_PHRASE.map(none), [
      "I couldn't find any beach photos from today. What would you like to see?",
      "I couldn't find any beach photos from July 4, 2026. What would you like to see?",
      "I couldn't find any beach photos from the week of July 4, 2026. What would you like to see?",
      "I couldn't find any beach photos from the weekend of July 4, 2026. What would you like to see?",
      "I couldn't find any beach photos from July 2026. What would you like to see?",
      "I couldn't find any beach photos from fall 2025. What would you like to see?",
      "I couldn't find any beach photos from the first quarter of 2019. What would you like to see?",
      "I couldn't find any beach photos from 2025. What would you like to see?",
      "I couldn't find any beach photos from the 2010s. What would you like to see?",
      "I couldn't find any beach photos from every July 4. What would you like to see?",
      "I couldn't find any beach photos from every July. What would you like to see?",
      "I couldn't find any beach photos from every summer. What would you like to see?",
      "I couldn't find any beach photos from New Year's Eve 2025. What would you like to see?",
      "I couldn't find any beach photos from every Christmas. What would you like to see?",
      "I couldn't find any beach photos from the past 2 weeks. What would you like to see?",
      "I couldn't find any beach photos from the past month. What would you like to see?",
      "I couldn't find any beach photos from around July 4, 2026. What would you like to see?",
    ]);
  });

  it('says a label that is a plural as English says it before "photos"', () => {
    assert.equal(
      enUS.showing({ selection: { subject: 'flowers' }, count: 3, span: null }),
      'Here are 3 flower photos.',
    );
  });

  it('says a kind of photo by its own noun when it is the one subject, in English and German', () => {
    const said = (selection: Parameters<typeof enUS.showing>[0]['selection'], count: number) => [
      enUS.showing({ selection, count, span: null }),
      deDE.showing({ selection, count, span: null }),
    ];
    assert.deepEqual(said({ subject: 'selfie' }, 2), ['Here are 2 selfies.', 'Hier sind 2 Selfies.']);
    assert.deepEqual(said({ subject: 'screenshot', place: 'Lisbon' }, 1), [
      'Here is 1 screenshot in Lisbon.',
      'Hier ist ein Screenshot in Lisbon.',
    ]);
    assert.deepEqual(said({ subject: 'panorama', favorites: true }, 3), [
      'Here are 3 favorite panoramas.',
      'Hier sind 3 Lieblingspanoramen.',
    ]);
    assert.deepEqual(said({ subject: 'black and white' }, 2), [
      'Here are 2 black and white photos.',
      'Hier sind 2 Schwarzweißfotos.',
    ]);
    // Beside another subject, or of videos, the kind is a subject like any other.
    assert.deepEqual(said({ subject: 'selfie', moreSubjects: ['beach'] }, 2), [
      'Here are 2 selfie and beach photos.',
      'Hier sind 2 Fotos zum Thema Selfies und Strand.',
    ]);
  });

  it('says a span by its ends, the shared year once, in en-US, en-GB and German', () => {
    const spans: DatePhrase[] = [
      {
        kind: 'span',
        unit: 'year',
        first: { year: 2018, month: 1, day: 1 },
        last: { year: 2020, month: 1, day: 1 },
      },
      {
        kind: 'span',
        unit: 'month',
        first: { year: 2025, month: 6, day: 1 },
        last: { year: 2025, month: 7, day: 1 },
      },
      {
        kind: 'span',
        unit: 'month',
        first: { year: 2025, month: 11, day: 1 },
        last: { year: 2026, month: 2, day: 1 },
      },
      {
        kind: 'span',
        unit: 'day',
        first: { year: 2026, month: 6, day: 3 },
        last: { year: 2026, month: 6, day: 10 },
      },
    ];
    const said = (strings: typeof enUS) =>
      spans.map((date) => strings.showing({ selection: { date }, count: 2, span: null }));
    assert.deepEqual(said(enUS), [
      'Here are 2 photos from 2018 to 2020.',
      'Here are 2 photos from June to July 2025.',
      'Here are 2 photos from November 2025 to February 2026.',
      'Here are 2 photos from June 3 to June 10, 2026.',
    ]);
    assert.equal(said(enGB)[3], 'Here are 2 photos from 3 June to 10 June 2026.');
    assert.deepEqual(said(deDE), [
      'Hier sind 2 Fotos aus den Jahren 2018 bis 2020.',
      'Hier sind 2 Fotos von Juni bis Juli 2025.',
      'Hier sind 2 Fotos von November 2025 bis Februar 2026.',
      'Hier sind 2 Fotos vom 3. Juni bis 10. Juni 2026.',
    ]);
  });

  it('en-GB says the day first and autumn', () => {
    assert.equal(
      enGB.showing({
        selection: { date: { kind: 'season', season: 'autumn', year: 2025 } },
        count: 2,
        span: null,
      }),
      'Here are 2 photos from autumn 2025.',
    );
    assert.match(enGB.noMatches({ date: { kind: 'day', date: day } }), /from 4 July 2026\./);
  });

  it('de-DE says every date form in German', () => {
    const said = EVERY_PHRASE.map((date) => deDE.noMatches({ subject: 'dog', date }));
    assert.equal(
      said[1],
      'Ich habe keine Fotos zum Thema Hund vom 4. Juli 2026 gefunden. Was möchtest du sehen?',
    );
    assert.match(said[5] ?? '', /vom Herbst 2025/);
    assert.match(said[6] ?? '', /aus dem ersten Quartal 2019/);
    assert.match(said[8] ?? '', /aus den 2010er Jahren/);
    assert.match(said[12] ?? '', /von Silvester 2025/);
    assert.match(said[13] ?? '', /von jedem Weihnachtsfest/);
    assert.match(said[14] ?? '', /aus den letzten 2 Wochen/);
    assert.match(said[15] ?? '', /aus dem letzten Monat/);
    assert.match(said[16] ?? '', /aus der Zeit um den 4\. Juli 2026/);
    assert.equal(new Set(said).size, said.length);
  });

  it('the span of what was found: a day, a month, months of a year, across years', () => {
    const found = (first: string, last: string) => ({ selection: {}, count: 5, span: { first, last } });
    assert.equal(
      enUS.showing(found('2025-07-14T10:00:00', '2025-07-14T18:00:00')),
      'Here are your 5 photos, taken on July 14, 2025.',
    );
    assert.equal(
      enUS.showing(found('2025-07-01T10:00:00', '2025-07-30T18:00:00')),
      'Here are your 5 photos, taken in July 2025.',
    );
    assert.equal(
      enUS.showing(found('2025-06-01T10:00:00', '2025-08-30T18:00:00')),
      'Here are your 5 photos, taken between June and August 2025.',
    );
    assert.equal(
      deDE.showing(found('2019-06-01T10:00:00', '2025-08-30T18:00:00')),
      'Hier sind deine 5 Fotos, aufgenommen zwischen Juni 2019 und August 2025.',
    );
  });

  it('escapes every name it is given for SSML', () => {
    const said = enUS.nothingFound({
      asked: { person: 'A&B', place: '<x>', album: '"q"' },
      failed: [{ kind: 'place', reason: 'combination', text: '<x>' }],
      offer: {
        selection: { person: 'A&B' },
        count: 1,
        span: { first: '2025-07-01T10:00:00', last: '2025-07-01T10:00:00' },
      },
      today: day,
    });
    assert.equal(
      said,
      'I found no photos of A&amp;B from your &quot;q&quot; album in &lt;x&gt;. ' +
        'Your most recent photo of A&amp;B is from July 2025. Say, show photos of A&amp;B, to see it.',
    );
    assert.match(deDE.unknownPerson('Tom & Jerry'), /Tom &amp; Jerry/);
  });

  it('follow-ups: what/when/where/who with unknown facts, pairs, and names escaped for SSML', () => {
    const unknown = { date: null, dateSource: 'capture' as const, place: null, subjects: [], people: [] };
    assert.equal(enUS.photoInfo(unknown, 'when'), "I don't know when this photo was taken.");
    assert.equal(enUS.photoInfo(unknown), "I don't know when or where this photo was taken.");
    assert.equal(
      enUS.photoInfo(unknown, 'who', 'right'),
      "I don't know who is in the photo on the right yet.",
    );
    assert.equal(
      deDE.photoInfo(unknown, 'when', 'left'),
      'Ich weiß nicht, wann das linke Foto aufgenommen wurde.',
    );
    const known = {
      date: day,
      dateSource: 'capture' as const,
      place: 'Köln & Bonn',
      subjects: ['dog'],
      people: ['Tom & Jerry', 'Ann'],
    };
    assert.equal(enUS.photoInfo(known, 'who'), 'This photo shows Tom &amp; Jerry and Ann.');
    assert.equal(
      deDE.photoInfo(known),
      'Dieses Foto wurde am 4. Juli 2026 in Köln &amp; Bonn aufgenommen. Darauf zu sehen: Tom &amp; Jerry und Ann. Stichworte: Hund.',
    );
    assert.equal(
      enUS.morePhotos({ kind: 'place', name: '<Santa Monica>' }, 14),
      'Here are 14 more from &lt;Santa Monica&gt;.',
    );
    assert.equal(enGB.morePhotos({ kind: 'day', date: day }, 1), 'Here is 1 more from 4 July 2026.');
    assert.equal(
      deDE.morePhotos({ kind: 'day', date: day }, 3),
      'Hier sind 3 weitere Fotos vom 4. Juli 2026.',
    );
  });

  it('every locale says every control and follow-up', () => {
    for (const locale of SKILL_LOCALES) {
      const strings = stringsFor(locale);
      const said = [
        strings.noPhotoForThat,
        strings.ambientMemories,
        strings.ambientPhotos,
        strings.emptyLibrary,
        strings.launchVoiceOnly(3, null),
        strings.launchVoiceOnly(0, null),
        strings.paceChanged(6, true),
        strings.paceLimit(30, false),
        strings.paceUnclear,
        strings.shuffleRestarted(true, 5, true),
        strings.shuffleSaved(false),
        strings.alreadyShuffled,
        strings.loopSaved(true),
        strings.loopSaved(false),
        strings.favorited('left'),
        strings.hidden('this'),
        strings.noMorePhotos(undefined),
        strings.noMorePhotos('people'),
      ];
      assert.ok(
        said.every((text) => text.length > 10 && !text.includes('undefined')),
        locale,
      );
      assert.equal(new Set(said).size, said.length, `${locale}: each says something different`);
    }
  });
});
