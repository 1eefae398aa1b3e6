import assert from 'node:assert/strict';
import type { Intent } from 'ask-sdk-model';
import { loadLanguageModel } from '../../../tools/alexa-simulator/interaction-model';
import {
  intentFromSlotValues,
  matchUtterance,
  type HeardRequest,
  type MatchContext,
} from '../../../tools/alexa-simulator/interaction-model-matcher';

const model = loadLanguageModel('en-US');
const context = {
  today: new Date('2026-11-25T12:00:00Z'),
  applicationId: 'amzn1.ask.skill.test',
  locale: 'en-US',
};
const AUTHORITY = 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.PhotoSubject';

function intentOf(heard: HeardRequest): Intent {
  assert.equal(heard.type, 'IntentRequest');
  return (heard as { intent: Intent }).intent;
}

describe('interaction model matcher (en-US)', () => {
  it('matches a one-shot with invocation, resolving the synonym and converting the date', () => {
    const intent = intentOf(
      matchUtterance(model, 'Alexa, ask Photo Frame to show seaside photos from last summer', context),
    );
    assert.equal(intent.name, 'ShowPhotosIntent');
    assert.deepEqual(intent.slots?.subject, {
      name: 'subject',
      value: 'seaside',
      confirmationStatus: 'NONE',
      source: 'USER',
      resolutions: {
        resolutionsPerAuthority: [
          {
            authority: AUTHORITY,
            status: { code: 'ER_SUCCESS_MATCH' },
            values: [{ value: { name: 'beach', id: 'BEACH' } }],
          },
        ],
      },
    });
    assert.deepEqual(intent.slots?.date, {
      name: 'date',
      value: '2026-SU',
      confirmationStatus: 'NONE',
      source: 'USER',
    });
  });

  const synonyms: Array<[string, string]> = [
    ['show me my puppies pictures', 'DOG'],
    ['show me kittens', 'CAT'],
    ['play a slideshow of skiing photos from 2019', 'SKIING'],
    ['show me horses', 'HORSE'],
    ['show me photos of zebras', 'ZEBRA'],
    ['show bird pictures', 'BIRD'],
    ['show birthday party photos', 'BIRTHDAY'],
    ['show me photos of the woods', 'FOREST'],
    ['show me photos of woods', 'FOREST'],
    ['show family photos', 'FAMILY'],
  ];
  for (const [utterance, id] of synonyms) {
    it(`"${utterance}" → ${id || 'no match'}`, () => {
      if (!id) {
        assert.throws(() => matchUtterance(model, utterance, context), /Could not match/);
        return;
      }
      const intent = intentOf(matchUtterance(model, utterance, context));
      const resolution = intent.slots?.subject?.resolutions?.resolutionsPerAuthority?.[0];
      assert.equal(resolution?.values[0]?.value.id, id);
    });
  }

  it('fills only the slots heard; the others are sent empty', () => {
    const intent = intentOf(matchUtterance(model, 'show photos from july 2025', context));
    assert.deepEqual(intent.slots?.subject, { name: 'subject', confirmationStatus: 'NONE' });
    assert.equal(intent.slots?.date?.value, '2025-07');
    const all = intentOf(matchUtterance(model, 'show my photos', context));
    assert.equal(all.slots?.date?.value, undefined);
  });

  it('launches on "open photo frame" and on an empty utterance', () => {
    assert.deepEqual(matchUtterance(model, 'Alexa, open Photo Frame', context), { type: 'LaunchRequest' });
    assert.deepEqual(matchUtterance(model, '', context), { type: 'LaunchRequest' });
  });

  it('recognises built-ins', () => {
    assert.equal(intentOf(matchUtterance(model, 'help', context)).name, 'AMAZON.HelpIntent');
    assert.equal(intentOf(matchUtterance(model, 'Stop.', context)).name, 'AMAZON.StopIntent');
    assert.equal(intentOf(matchUtterance(model, 'cancel', context)).name, 'AMAZON.CancelIntent');
  });

  it('"link frame 4821" fills the four-digit code', () => {
    const intent = intentOf(matchUtterance(model, 'ask photo frame to link frame 4821', context));
    assert.equal(intent.name, 'LinkFrameIntent');
    assert.equal(intent.slots?.code?.value, '4821');
  });

  it('never guesses: an utterance no carrier phrase fits is an error naming the locale and suggesting samples', () => {
    assert.throws(
      () => matchUtterance(model, 'please order me a pizza', context),
      /Could not match "please order me a pizza" to any intent of en-US; try: "show my photos"/,
    );
    assert.throws(() => matchUtterance(model, 'what is the weather like', context), /Could not match/);
    assert.throws(
      () => matchUtterance(model, 'order a pizza', context),
      (error: unknown) => {
        assert.equal((error as { code?: string }).code, 'NO_INTENT_MATCH');
        return true;
      },
    );
  });

  it('"show me photos of unicorns": a subject outside the catalog is sent as heard, ER_SUCCESS_NO_MATCH', () => {
    const intent = intentOf(matchUtterance(model, 'show me photos of unicorns', context));
    assert.equal(intent.slots?.subject?.value, 'unicorns');
    assert.equal(
      intent.slots?.subject?.resolutions?.resolutionsPerAuthority?.[0]?.status.code,
      'ER_SUCCESS_NO_MATCH',
    );
  });

  it('--intent/--slot: exact values, custom slots still resolved, unknown values NO_MATCH', () => {
    const intent = intentOf(
      intentFromSlotValues(model, 'ShowPhotosIntent', { subject: 'beach', date: '2026-SU' }, context),
    );
    assert.equal(intent.slots?.date?.value, '2026-SU');
    assert.equal(
      intent.slots?.subject?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id,
      'BEACH',
    );
    const unknown = intentOf(
      intentFromSlotValues(model, 'ShowPhotosIntent', { subject: 'unicorn' }, context),
    );
    assert.equal(
      unknown.slots?.subject?.resolutions?.resolutionsPerAuthority?.[0]?.status.code,
      'ER_SUCCESS_NO_MATCH',
    );
    assert.throws(() => intentFromSlotValues(model, 'NopeIntent', {}, context), /has no intent NopeIntent/);
    assert.throws(
      () => intentFromSlotValues(model, 'ShowPhotosIntent', { color: 'red' }, context),
      /has no slot color/,
    );
  });

  it('an unknown locale is a clear error', () => {
    assert.throws(() => loadLanguageModel('xx-XX'), /No interaction model for locale xx-XX/);
  });
});

describe('interaction model matcher: every locale', () => {
  const today = new Date('2026-11-25T12:00:00Z');
  const heard = (locale: string, utterance: string): Intent =>
    intentOf(
      matchUtterance(loadLanguageModel(locale), utterance, {
        today,
        applicationId: 'amzn1.ask.skill.test',
        locale,
      }),
    );
  const subjectId = (intent: Intent): string | undefined =>
    intent.slots?.subject?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id;

  for (const locale of ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN']) {
    it(`${locale}: "ask photo frame to show beach photos from last summer"`, () => {
      const intent = heard(locale, 'Alexa, ask photo frame to show beach photos from last summer');
      assert.equal(subjectId(intent), 'BEACH');
      // Australia's last full summer ran December 2025 to February 2026.
      assert.equal(intent.slots?.date?.value, locale === 'en-AU' ? '2025-SU' : '2026-SU');
    });
  }

  it('en-GB: "photos from our holiday in nice" is a place', () => {
    assert.equal(heard('en-GB', 'show me photos from our holiday in nice').slots?.place?.value, 'nice');
  });

  it('en-US: a holiday word is a HOLIDAY, not a city', () => {
    const intent = heard('en-US', 'show photos from christmas');
    assert.equal(
      intent.slots?.holiday?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id,
      'CHRISTMAS',
    );
    assert.equal(intent.slots?.place?.value, undefined);
  });

  it('de-DE: German invocation, German words, umlauts and non-English AMAZON.DATE values', () => {
    const intent = heard('de-DE', 'Alexa, frag Foto Rahmen nach Fotos vom Strand vom letzten Sommer');
    assert.equal(intent.name, 'ShowPhotosIntent');
    assert.equal(subjectId(intent), 'BEACH');
    assert.equal(intent.slots?.date?.value, '2026-SU');
    assert.equal(subjectId(heard('de-DE', 'zeig mir Hundefotos')), 'DOG');
    assert.equal(heard('de-DE', 'zeig mir fotos aus dem jahr 2019').slots?.date?.value, '2019-XX-XX');
    assert.equal(heard('de-DE', 'zeig mir fotos vom juli 2025').slots?.date?.value, '2025-07-XX');
    assert.equal(subjectId(heard('de-DE', 'zeig mir fotos vom sonnenuntergänge')), 'SUNSET');
    assert.equal(heard('de-DE', 'hilfe').name, 'AMAZON.HelpIntent');
    assert.deepEqual(
      matchUtterance(loadLanguageModel('de-DE'), 'Alexa, öffne Foto Rahmen', {
        today,
        applicationId: 'x',
        locale: 'de-DE',
      }),
      { type: 'LaunchRequest' },
    );
  });
});

describe('interaction model matcher: favourites, media, on this day, place with date (issue 11)', () => {
  const today = new Date('2026-11-25T12:00:00Z');
  const heard = (locale: string, utterance: string): Intent =>
    intentOf(
      matchUtterance(loadLanguageModel(locale), utterance, {
        today,
        applicationId: 'amzn1.ask.skill.test',
        locale,
      }),
    );
  const idOf = (intent: Intent, slot: string): string | undefined =>
    intent.slots?.[slot]?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id;

  const favourites: Array<[string, string]> = [
    ['en-US', 'show my favorites'],
    ['en-US', 'Alexa, ask photo frame to play my favorites'],
    ['en-US', 'show my favorite photos'],
    ['en-GB', 'show me my favourites'],
    ['en-AU', 'play my favourites'],
    ['en-IN', 'show my favourite photos'],
    ['en-CA', 'my favorites'],
    ['de-DE', 'zeige meine Lieblingsfotos'],
    ['de-DE', 'Alexa, öffne Fotorahmen und zeige meine Lieblingsfotos'],
    ['de-DE', 'spiel meine Favoriten'],
  ];
  for (const [locale, utterance] of favourites) {
    it(`${locale}: "${utterance}" fills favorites with FAVORITES and nothing else`, () => {
      const intent = heard(locale, utterance);
      assert.equal(intent.name, 'ShowPhotosIntent');
      assert.equal(idOf(intent, 'favorites'), 'FAVORITES');
      assert.equal(intent.slots?.album?.value, undefined, 'favourites are not an album');
      assert.equal(intent.slots?.subject?.value, undefined);
    });
  }

  it('"my favorite beach photos": favourites and the subject together, in every English locale', () => {
    for (const locale of ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN']) {
      const intent = heard(locale, 'my favorite beach photos');
      assert.equal(idOf(intent, 'favorites'), 'FAVORITES', locale);
      assert.equal(idOf(intent, 'subject'), 'BEACH', locale);
    }
  });

  it('"show my videos", "videos from last summer", "zeig mir meine Videos": media VIDEO', () => {
    const videos = heard('en-US', 'show my videos');
    assert.equal(idOf(videos, 'media'), 'VIDEO');
    const summer = heard('en-GB', 'videos from last summer');
    assert.equal(idOf(summer, 'media'), 'VIDEO');
    assert.equal(summer.slots?.date?.value, '2026-SU');
    assert.equal(idOf(heard('de-DE', 'zeig mir meine Videos'), 'media'), 'VIDEO');
    // "Photos" alone still means everything: no media constraint.
    assert.equal(heard('en-US', 'show photos from last summer').slots?.media?.value, undefined);
  });

  it('"on this day" and "this day in history" are HOLIDAY ON_THIS_DAY; German "an diesem Tag" too', () => {
    assert.equal(idOf(heard('en-US', 'show photos on this day'), 'holiday'), 'ON_THIS_DAY');
    assert.equal(idOf(heard('en-GB', 'show me this day in history'), 'holiday'), 'ON_THIS_DAY');
    assert.equal(idOf(heard('de-DE', 'zeig mir fotos an diesem tag'), 'holiday'), 'ON_THIS_DAY');
  });

  it('"photos from christmas 2024": the holiday and the year, not a place', () => {
    const intent = heard('en-US', 'show photos from christmas 2024');
    assert.equal(idOf(intent, 'holiday'), 'CHRISTMAS');
    assert.equal(intent.slots?.date?.value, '2024');
    assert.equal(intent.slots?.place?.value, undefined);
  });

  it('"paris last summer": the place and the date, not a city named "paris last summer"', () => {
    const paris = heard('en-US', 'show me photos from paris last summer');
    assert.equal(paris.slots?.place?.value, 'paris');
    assert.equal(paris.slots?.date?.value, '2026-SU');
    const newYork = heard('en-US', 'photos from new york last summer');
    assert.equal(newYork.slots?.place?.value, 'new york');
    assert.equal(newYork.slots?.date?.value, '2026-SU');
    const dateFirst = heard('en-AU', 'show me photos from last summer in paris');
    assert.equal(dateFirst.slots?.place?.value, 'paris');
    assert.equal(dateFirst.slots?.date?.value, '2025-SU');
    const datumZuerst = heard('de-DE', 'zeig mir fotos vom letzten sommer in paris');
    assert.deepEqual([datumZuerst.slots?.place?.value, datumZuerst.slots?.date?.value], ['paris', '2026-SU']);
    const berlin = heard('de-DE', 'zeig mir fotos aus berlin letzten sommer');
    assert.equal(berlin.slots?.place?.value, 'berlin');
    assert.equal(berlin.slots?.date?.value, '2026-SU');
  });

  it('spoken years, a subject with place and date, a place with a holiday, favourites with a date', () => {
    const christmas = heard('en-US', 'show photos from christmas twenty twenty four');
    assert.equal(idOf(christmas, 'holiday'), 'CHRISTMAS');
    assert.equal(christmas.slots?.date?.value, '2024');
    const dogs = heard('en-US', 'show me photos of dogs in paris last summer');
    assert.deepEqual(
      [idOf(dogs, 'subject'), dogs.slots?.place?.value, dogs.slots?.date?.value],
      ['DOG', 'paris', '2026-SU'],
    );
    const london = heard('en-GB', 'show me photos from london last christmas');
    assert.deepEqual([london.slots?.place?.value, idOf(london, 'holiday')], ['london', 'CHRISTMAS']);
    const favourites = heard('en-US', 'play my favorites from last summer');
    assert.deepEqual(
      [idOf(favourites, 'favorites'), favourites.slots?.date?.value],
      ['FAVORITES', '2026-SU'],
    );
    const weihnachten = heard('de-DE', 'zeig mir Fotos aus Berlin letzte Weihnachten');
    assert.deepEqual(
      [weihnachten.slots?.place?.value, idOf(weihnachten, 'holiday')],
      ['berlin', 'CHRISTMAS'],
    );
  });

  it('de-DE: "zeige" without "mir", "Fotos von Hunden", and the invocation run together', () => {
    assert.equal(idOf(heard('de-DE', 'zeige Strandfotos'), 'subject'), 'BEACH');
    assert.equal(idOf(heard('de-DE', 'Fotos von Hunden'), 'subject'), 'DOG');
    assert.equal(idOf(heard('de-DE', 'zeig mir Fotos von Pferden'), 'subject'), 'HORSE');
    const context = { today, applicationId: 'x', locale: 'de-DE' };
    for (const launch of ['Alexa, öffne Fotorahmen', 'öffne den Fotorahmen', 'starte foto rahmen']) {
      assert.deepEqual(matchUtterance(loadLanguageModel('de-DE'), launch, context), {
        type: 'LaunchRequest',
      });
    }
  });

  it('vision classes are subjects: horses, cars, birds resolve to their own ids, never a neighbour', () => {
    assert.equal(idOf(heard('en-US', 'show me photos of horses'), 'subject'), 'HORSE');
    assert.equal(idOf(heard('en-US', 'show car photos'), 'subject'), 'CAR');
    assert.equal(idOf(heard('en-US', 'show me photos of the birds'), 'subject'), 'BIRD');
    assert.equal(idOf(heard('en-US', 'show hiking photos'), 'subject'), 'HIKING');
    assert.equal(idOf(heard('en-US', 'show sunrise photos'), 'subject'), 'SUNRISE');
    assert.equal(idOf(heard('en-US', 'show party photos'), 'subject'), 'PARTY');
  });
});

describe('interaction model matcher: custom slots take unlisted words, as Alexa does', () => {
  const en = loadLanguageModel('en-US');
  const at = {
    today: new Date('2026-12-02T12:00:00Z'),
    applicationId: 'amzn1.ask.skill.test',
    locale: 'en-US',
  };
  const heard = (utterance: string, extra: Partial<MatchContext> = {}): Intent =>
    intentOf(matchUtterance(en, utterance, { ...at, ...extra }));
  const filled = (intent: Intent): Record<string, string | undefined> =>
    Object.fromEntries(
      Object.values(intent.slots ?? {})
        .filter((slot) => slot.value !== undefined)
        .map((slot) => [slot.name, slot.value]),
    );
  const statusOf = (intent: Intent, slot: string): string | undefined =>
    intent.slots?.[slot]?.resolutions?.resolutionsPerAuthority?.[0]?.status.code;

  it('"ask photo frame to show photos of anna": person "anna", static authority ER_SUCCESS_NO_MATCH', () => {
    const intent = heard('Alexa, ask Photo Frame to show photos of Anna');
    assert.equal(intent.name, 'ShowPhotosIntent');
    assert.deepEqual(filled(intent), { person: 'anna' });
    assert.deepEqual(intent.slots?.person?.resolutions, {
      resolutionsPerAuthority: [
        {
          authority: 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.PERSON',
          status: { code: 'ER_SUCCESS_NO_MATCH' },
          values: [],
        },
      ],
    });
  });

  it('a listed person still resolves: "mom" is ER_SUCCESS_MATCH MOM', () => {
    const intent = heard('show photos of mom');
    assert.deepEqual(filled(intent), { person: 'mom' });
    assert.equal(statusOf(intent, 'person'), 'ER_SUCCESS_MATCH');
    assert.equal(
      intent.slots?.person?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.name,
      'mom',
    );
  });

  it('"tom from twenty twenty one" is person "tom" and the year, not a person of five words', () => {
    assert.deepEqual(filled(heard('show photos of tom from twenty twenty one')), {
      person: 'tom',
      date: '2021',
    });
  });

  it('a name is a person, an unknown thing a subject, "my dad" a person: the type the words are most like', () => {
    assert.deepEqual(filled(heard('show photos of bob')), { person: 'bob' });
    assert.deepEqual(filled(heard('show photos of my dad')), { person: 'my dad' });
    const unicorn = heard('show unicorn photos');
    assert.deepEqual(filled(unicorn), { subject: 'unicorn' });
    assert.equal(statusOf(unicorn, 'subject'), 'ER_SUCCESS_NO_MATCH');
  });

  it('two unlisted slots, each the type its words are like: "anna at the zoo" is person anna, subject zoo', () => {
    assert.deepEqual(filled(heard('show photos of anna at the zoo')), { person: 'anna', subject: 'zoo' });
    assert.deepEqual(filled(heard('show unicorn photos of anna')), { subject: 'unicorn', person: 'anna' });
  });

  it('album names of several words fill the album slot between the carrier words', () => {
    assert.deepEqual(filled(heard('show my kruger safari album')), { album: 'kruger safari' });
    assert.deepEqual(filled(heard("show my anna's birthday album")), { album: "anna's birthday" });
    assert.deepEqual(filled(heard('show my summer trip to cornwall album')), {
      album: 'summer trip to cornwall',
    });
    // The word "album" before the name, as after "the" ("open the album …"): "play my album travel 2025".
    assert.deepEqual(filled(heard('play my album travel 2025')), { album: 'travel 2025' });
    assert.deepEqual(filled(heard('show our album kruger safari')), { album: 'kruger safari' });
  });

  it('catalog values still win over unlisted words: "dogs in paris last summer", "christmas 2024"', () => {
    const dogs = heard('show me photos of dogs in paris last summer');
    assert.deepEqual(filled(dogs), { subject: 'dogs', place: 'paris', date: '2026-SU' });
    assert.equal(statusOf(dogs, 'subject'), 'ER_SUCCESS_MATCH');
    assert.deepEqual(filled(heard('show photos from christmas 2024')), {
      holiday: 'christmas',
      date: '2024',
    });
  });

  it("a session's dynamic entity counts as listed: it beats unlisted words in another slot", () => {
    const entities = new Map([['PhotoSubject', [{ id: 'lbl_anna', name: { value: 'anna' } }]]]);
    assert.deepEqual(filled(heard('show photos of anna', { dynamicEntities: entities })), {
      subject: 'anna',
    });
  });

  it("words that are another type's value are that value, never unlisted words here: vacation is an ALBUM", () => {
    // No sample says "photos of {album}", so it is not a person or subject called "vacation" either.
    assert.throws(
      () => heard('show photos of vacation'),
      (error: unknown) => (error as { code?: string }).code === 'NO_INTENT_MATCH',
    );
    assert.deepEqual(filled(heard('show my vacation album')), { album: 'vacation' });
  });

  it('no carrier phrase, a single carrier word or a command vocabulary: NO_INTENT_MATCH', () => {
    const nonsense = [
      'order a pizza',
      'play some music',
      'go to bed',
      'anna',
      "that's anna",
      // SLIDESHOW_SPEED, MEDIA_KIND, FAVORITES are small command vocabularies, not open sets.
      'make it rain',
      'show the left one',
    ];
    for (const utterance of nonsense) {
      assert.throws(
        () => heard(utterance),
        (error: unknown) => (error as { code?: string }).code === 'NO_INTENT_MATCH',
        utterance,
      );
    }
    // "show my {subject}" takes them as the open subject, never as media or favourites words.
    assert.deepEqual(filled(heard('show my honeymoon pics')), { subject: 'honeymoon pics' });
    assert.equal(heard('this is anna').name, 'NamePersonIntent');
  });
});
