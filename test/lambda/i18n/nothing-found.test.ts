import assert from 'node:assert/strict';
import { SKILL_LOCALES, stringsFor, type NothingFoundSpeech } from '../../../lambda/i18n';
import { deDE } from '../../../lambda/i18n/de-DE';
import { enGB } from '../../../lambda/i18n/en-GB';
import { enUS } from '../../../lambda/i18n/en-US';

/** Wednesday 2026-12-09: "this weekend" is 12-13 December, "last weekend" 5-6 December. */
const WEDNESDAY = { year: 2026, month: 12, day: 9 };
const THIS_WEEKEND = { kind: 'weekend' as const, saturday: { year: 2026, month: 12, day: 12 } };
const LAST_WEEKEND = { kind: 'weekend' as const, saturday: { year: 2026, month: 12, day: 5 } };
const JULY = { first: '2025-07-02T10:00:00', last: '2026-07-20T18:00:00' };

const speech = (overrides: Partial<NothingFoundSpeech>): NothingFoundSpeech => ({
  asked: {},
  failed: [],
  today: WEDNESDAY,
  ...overrides,
});

describe('nothing-found speech', () => {
  it('a place with no photos, in English and German, and nothing else offered', () => {
    const italy = speech({
      asked: { place: 'Italy' },
      failed: [{ kind: 'place', reason: 'no-photos', text: 'Italy' }],
    });
    assert.equal(enUS.nothingFound(italy), 'I found no photos in Italy. What would you like to see?');
    assert.equal(deDE.nothingFound(italy), 'Ich habe keine Fotos in Italy gefunden. Was möchtest du sehen?');
  });

  it('a kind of photo with none is said by its noun', () => {
    const selfies = speech({
      asked: { subject: 'selfie' },
      failed: [{ kind: 'label', reason: 'no-photos', text: 'selfie' }],
    });
    assert.equal(enUS.nothingFound(selfies), 'I found no selfies. What would you like to see?');
    assert.equal(deDE.nothingFound(selfies), 'Ich habe keine Selfies gefunden. Was möchtest du sehen?');
  });

  it('an unknown word is said to be unknown, quoted', () => {
    const blorf = speech({ failed: [{ kind: 'label', reason: 'unknown', text: 'blorf' }] });
    assert.equal(enUS.nothingFound(blorf), 'I don\'t know "blorf". What would you like to see?');
    assert.equal(deDE.nothingFound(blorf), 'Ich kenne „blorf“ nicht. Was möchtest du sehen?');
  });

  it('several unknown words are said together, once', () => {
    const words = speech({
      heard: 'the meaning of life',
      failed: [
        { kind: 'word', reason: 'unknown', text: 'meaning' },
        { kind: 'word', reason: 'unknown', text: 'life' },
        { kind: 'word', reason: 'unknown', text: 'life' },
      ],
    });
    assert.equal(enUS.nothingFound(words), 'I don\'t know "meaning" or "life". What would you like to see?');
    assert.equal(deDE.nothingFound(words), 'Ich kenne „meaning“ und „life“ nicht. Was möchtest du sehen?');
  });

  it('the one alternative is an offer of what to say, with the latest month, never a count of other photos shown', () => {
    const beach2019 = speech({
      asked: { subject: 'beach', date: { kind: 'year', year: 2019 } },
      failed: [{ kind: 'date', reason: 'combination', text: '2019', date: { kind: 'year', year: 2019 } }],
      offer: { selection: { subject: 'beach' }, count: 12, span: JULY },
    });
    assert.equal(
      enUS.nothingFound(beach2019),
      'I found no beach photos from 2019. Your most recent beach photos are from July 2026. ' +
        'Say, show beach photos, to see them.',
    );
    assert.equal(
      deDE.nothingFound(beach2019),
      'Ich habe keine Fotos zum Thema Strand aus dem Jahr 2019 gefunden. Deine neuesten Fotos zum Thema Strand ' +
        'sind vom Juli 2026. Sag: zeige Fotos zum Thema Strand, um sie zu sehen.',
    );
  });

  it('an offer with a date is said by its count, not by a latest month that only repeats the date', () => {
    const august = { kind: 'month', year: 2025, month: 8 } as const;
    const nowhere = speech({
      asked: { place: 'june to', date: august },
      failed: [{ kind: 'place', reason: 'no-photos', text: 'june to' }],
      offer: {
        selection: { date: august },
        count: 1,
        span: { first: '2025-08-02T18:00:00', last: '2025-08-02T18:00:00' },
      },
    });
    assert.equal(
      enUS.nothingFound(nowhere),
      'I found no photos in june to. You have 1 photo from August 2025. ' +
        'Say, show photos from August 2025, to see it.',
    );
    assert.equal(
      deDE.nothingFound(nowhere),
      'Ich habe keine Fotos in june to gefunden. Du hast ein Foto vom August 2025. ' +
        'Sag: zeige Fotos vom August 2025, um es zu sehen.',
    );
    const screenshots = speech({
      asked: { subject: 'screenshot', place: 'Lisbon' },
      failed: [{ kind: 'place', reason: 'combination', text: 'Lisbon' }],
      offer: { selection: { subject: 'screenshot' }, count: 1, span: JULY },
    });
    assert.match(deDE.nothingFound(screenshots), /Dein neuester Screenshot ist vom Juli 2026\./);
  });

  it('a weekend still to come is said to be so, and the previous one offered by name and count', () => {
    const weekend = speech({
      asked: { date: THIS_WEEKEND },
      failed: [{ kind: 'date', reason: 'future', text: '', date: THIS_WEEKEND }],
      offer: {
        selection: { date: LAST_WEEKEND },
        count: 5,
        span: { first: '2026-12-05T10:00:00', last: '2026-12-06T10:00:00' },
        previousDate: { date: LAST_WEEKEND },
      },
    });
    assert.equal(
      enUS.nothingFound(weekend),
      "This weekend hasn't happened yet. Last weekend you took 5 photos. Say, show photos from last weekend, to see them.",
    );
    assert.equal(
      deDE.nothingFound(weekend),
      'Dieses Wochenende liegt noch in der Zukunft. Letztes Wochenende hast du 5 Fotos aufgenommen. ' +
        'Sag: zeige Fotos vom letzten Wochenende, um sie zu sehen.',
    );
    const nothingEarlier = speech({
      failed: [{ kind: 'date', reason: 'future', text: '', date: THIS_WEEKEND }],
    });
    assert.equal(
      enUS.nothingFound(nothingEarlier),
      "This weekend hasn't happened yet. What would you like to see?",
    );
  });

  it('free text: the library words, and the alternative as words to search for', () => {
    const text = speech({
      heard: 'beach photos in Italy',
      failed: [{ kind: 'place', reason: 'no-photos', text: 'Italy' }],
      offer: { words: 'beach photos', count: 3, span: JULY },
    });
    assert.equal(
      enUS.nothingFound(text),
      'I found no photos in Italy. I found 3 photos for "beach photos", the most recent from July 2026. ' +
        'Say, search for beach photos, to see them.',
    );
  });

  it("favourites and videos are said in each locale's words", () => {
    const favorites = speech({
      asked: { favorites: true },
      failed: [{ kind: 'favorites', reason: 'no-photos', text: 'favorites' }],
    });
    assert.match(enUS.nothingFound(favorites), /^You have no favorites yet\./);
    assert.match(enGB.nothingFound(favorites), /^You have no favourites yet\./);
    assert.match(deDE.nothingFound(favorites), /^Du hast noch keine Lieblingsfotos\./);
    const videos = speech({
      asked: { media: 'video', favorites: true, subject: 'beach' },
      failed: [{ kind: 'video', reason: 'combination', text: 'videos' }],
    });
    assert.match(enUS.nothingFound(videos), /^I found no favorite beach videos\./);
    assert.match(deDE.nothingFound(videos), /^Ich habe keine Lieblingsvideos zum Thema Strand gefunden\./);
  });

  it('every locale says every reason for every kind, without undefined', () => {
    const kinds = ['label', 'person', 'album', 'place', 'date', 'favorites', 'video', 'word'] as const;
    const reasons = ['unknown', 'no-photos', 'future', 'combination'] as const;
    for (const locale of SKILL_LOCALES) {
      for (const kind of kinds) {
        for (const reason of reasons) {
          const said = stringsFor(locale).nothingFound(
            speech({ asked: { subject: 'dog' }, failed: [{ kind, reason, text: 'X' }] }),
          );
          assert.ok(!said.includes('undefined') && said.length > 15, `${locale} ${kind} ${reason}: ${said}`);
        }
      }
    }
  });
});

describe('what is this photo', () => {
  it("a date from the file is said as the file's date, never as when the photo was taken", () => {
    const info = {
      date: { year: 2024, month: 3, day: 2 },
      dateSource: 'file' as const,
      place: null,
      subjects: [],
      people: [],
    };
    assert.equal(
      enUS.photoInfo(info),
      "I don't know when or where this photo was taken. The file is from March 2, 2024.",
    );
    assert.equal(
      enUS.photoInfo(info, 'when'),
      "I don't know when this photo was taken. The file is from March 2, 2024.",
    );
    assert.equal(
      deDE.photoInfo(info, 'when'),
      'Ich weiß nicht, wann dieses Foto aufgenommen wurde. Die Datei ist vom 2. März 2024.',
    );
    assert.equal(
      enUS.photoInfo({ ...info, place: 'Paris, France' }),
      'This photo was taken in Paris, France. The file is from March 2, 2024.',
    );
    assert.doesNotMatch(enUS.photoInfo(info), /taken on/);
  });
});
