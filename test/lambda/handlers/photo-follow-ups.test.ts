import assert from 'node:assert/strict';
import type { interfaces, ResponseEnvelope } from 'ask-sdk-model';
import {
  SCREEN_DEVICES,
  VOICE_ONLY_DEVICE,
  catalogSlot,
  inLocale,
  intentEnvelope,
  intentOnScreen,
  subjectSlot,
} from '../helpers/envelopes';
import type { TestPhoto } from '../helpers/in-memory-apis';
import { skillHarness, speechOf } from '../helpers/skill-harness';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;

const MOM = { id: 'pe_mom', name: 'Mom' };
const ALEX = { id: 'pe_alex', name: 'Alex' };
const SANTA_MONICA = { city: 'Santa Monica', region: 'California', country: 'United States' };
const LOS_ANGELES = { city: 'Los Angeles', region: 'California', country: 'United States' };
const PARIS = { city: 'Paris', region: 'Île-de-France', country: 'France' };

/** A beach day in Santa Monica (two photos) and Los Angeles the same evening, plus a spring visit and Paris. */
function tripPhotos(): TestPhoto[] {
  return [
    {
      id: 'sm1',
      labels: ['beach'],
      takenLocal: '2025-07-14T10:00:00',
      place: SANTA_MONICA,
      people: [MOM, ALEX],
    },
    { id: 'sm2', labels: ['beach'], takenLocal: '2025-07-14T15:00:00', place: SANTA_MONICA, people: [MOM] },
    {
      id: 'la1',
      labels: ['city'],
      takenLocal: '2025-07-14T19:00:00',
      place: LOS_ANGELES,
      people: [MOM, ALEX],
    },
    { id: 'sm3', labels: ['sunset'], takenLocal: '2024-05-01T19:30:00', place: SANTA_MONICA },
    { id: 'paris1', labels: ['city'], takenLocal: '2023-06-01T12:00:00', place: PARIS, people: [ALEX] },
    { id: 'alone1', labels: ['dog'], takenLocal: '2022-02-02T08:00:00' },
  ];
}

/** The directives about the slideshow (a first session also teaches Alexa the owner's names: not these tests'). */
const directiveTypes = (response: ResponseEnvelope) =>
  (response.response.directives ?? [])
    .map((directive) => directive.type)
    .filter((type) => type !== 'Dialog.UpdateDynamicEntities');
const side = (id: 'LEFT' | 'RIGHT') => ({ side: catalogSlot(id.toLowerCase(), 'PHOTO_SIDE', id) });
const similarity = (heard: string, id: 'DAY' | 'PLACE' | 'PEOPLE' | 'TRIP') => ({
  similarity: catalogSlot(heard, 'SIMILARITY', id),
});
const question = (id: 'WHAT' | 'WHEN' | 'WHERE' | 'WHO') => ({
  question: catalogSlot(id.toLowerCase(), 'PHOTO_QUESTION', id),
});

describe('FavoritePhotoIntent: "favourite this"', () => {
  for (const device of SCREEN_DEVICES) {
    it(`${device}: marks the photo on screen as a favourite in the library; the slideshow carries on`, async () => {
      const harness = skillHarness(tripPhotos());
      const response = await harness.invoke(intentOnScreen('FavoritePhotoIntent', 'sm1', {}, device));
      assert.equal(speechOf(response), "I've added this photo to your favorites.");
      assert.equal((await harness.library.getPhoto('owner-1', 'sm1')).favorite, true);
      assert.equal((await harness.library.getPhoto('owner-1', 'sm2')).favorite, false);
      assert.deepEqual(directiveTypes(response), []);
      assert.equal(response.response.shouldEndSession, undefined);
    });
  }

  it('on a pair: the left photo unless the right one is asked for, and says which', async () => {
    const harness = skillHarness(tripPhotos());
    const left = await harness.invoke(intentOnScreen('FavoritePhotoIntent', ['sm2', 'la1']));
    assert.equal(speechOf(left), "I've added the photo on the left to your favorites.");
    assert.equal((await harness.library.getPhoto('owner-1', 'sm2')).favorite, true);
    assert.equal((await harness.library.getPhoto('owner-1', 'la1')).favorite, false);
    const right = await harness.invoke(intentOnScreen('FavoritePhotoIntent', ['sm2', 'la1'], side('RIGHT')));
    assert.equal(speechOf(right), "I've added the photo on the right to your favorites.");
    assert.equal((await harness.library.getPhoto('owner-1', 'la1')).favorite, true);
  });

  it('says favourites in en-GB and Favoriten in de-DE', async () => {
    const harness = skillHarness(tripPhotos());
    const british = await harness.invoke(inLocale(intentOnScreen('FavoritePhotoIntent', 'sm1'), 'en-GB'));
    assert.equal(speechOf(british), "I've added this photo to your favourites.");
    const german = await harness.invoke(
      inLocale(intentOnScreen('FavoritePhotoIntent', ['sm2', 'la1'], side('RIGHT')), 'de-DE'),
    );
    assert.equal(speechOf(german), 'Ich habe das rechte Foto zu deinen Favoriten hinzugefügt.');
  });

  it('no photo on screen, a photo the library no longer has, or no screen: a short answer, nothing marked', async () => {
    const harness = skillHarness(tripPhotos());
    const none = await harness.invoke(intentEnvelope('FavoritePhotoIntent'));
    assert.match(speechOf(none), /^I can only do that while the slideshow shows a photo\./);
    assert.equal(none.response.shouldEndSession, false);
    const gone = await harness.invoke(intentOnScreen('FavoritePhotoIntent', 'deleted9'));
    assert.match(speechOf(gone), /^I can only do that while the slideshow shows a photo\./);
    const voiceOnly = await harness.invoke(intentEnvelope('FavoritePhotoIntent', {}, VOICE_ONLY_DEVICE));
    assert.equal(voiceOnly.response.shouldEndSession, true);
    assert.deepEqual(directiveTypes(voiceOnly), []);
    for (const photo of tripPhotos()) {
      assert.equal((await harness.library.getPhoto('owner-1', photo.id)).favorite, false);
    }
  });
});

describe('HidePhotoIntent: "hide this", "never show this again"', () => {
  for (const device of SCREEN_DEVICES) {
    it(`${device}: hides the photo in the library (no search finds it again) and moves to the next photo`, async () => {
      const harness = skillHarness(tripPhotos());
      const response = await harness.invoke(intentOnScreen('HidePhotoIntent', 'sm1', {}, device));
      assert.equal(speechOf(response), "OK, I won't show that photo again.");
      assert.equal((await harness.library.getPhoto('owner-1', 'sm1')).hidden, true);
      const found = await harness.library.search('owner-1', { query: { labels: ['beach'] } });
      assert.deepEqual(
        found.photos.map((photo) => photo.id),
        ['sm2'],
      );
      const [execute] = (response.response.directives ?? []) as ExecuteCommands[];
      assert.equal(execute?.token, 'photo-slideshow');
      assert.deepEqual(execute?.commands, [{ type: 'SlideshowNext' }]);
      assert.equal(response.response.shouldEndSession, undefined);
    });
  }

  it('on a pair: hides the side asked for and says which; German too', async () => {
    const harness = skillHarness(tripPhotos());
    const right = await harness.invoke(intentOnScreen('HidePhotoIntent', ['sm2', 'la1'], side('RIGHT')));
    assert.equal(speechOf(right), "OK, I won't show the photo on the right again.");
    assert.equal((await harness.library.getPhoto('owner-1', 'la1')).hidden, true);
    assert.equal((await harness.library.getPhoto('owner-1', 'sm2')).hidden, false);
    const german = await harness.invoke(inLocale(intentOnScreen('HidePhotoIntent', 'sm3'), 'de-DE'));
    assert.equal(speechOf(german), 'Okay, dieses Foto zeige ich nicht mehr.');
  });

  it('with no photo on screen nothing is hidden and no command is sent', async () => {
    const harness = skillHarness(tripPhotos());
    const response = await harness.invoke(intentEnvelope('HidePhotoIntent'));
    assert.match(speechOf(response), /^I can only do that while the slideshow shows a photo\./);
    assert.deepEqual(directiveTypes(response), []);
    assert.equal((await harness.library.search('owner-1', {})).total, tripPhotos().length);
  });
});

describe('MoreLikeThisIntent: "show more like this"', () => {
  function slideshowOf(response: ResponseEnvelope) {
    const render = response.response.directives?.[0] as RenderDocument;
    return (render.datasources as { photos: { listId: string; items: Array<{ photoIds: string[] }> } })
      .photos;
  }

  for (const device of SCREEN_DEVICES) {
    it(`${device}: "more like this" → the same day first: a new slideshow, and what it matched`, async () => {
      const harness = skillHarness(tripPhotos());
      const response = await harness.invoke(intentOnScreen('MoreLikeThisIntent', 'sm1', {}, device));
      assert.equal(speechOf(response), 'Here are 2 more from July 14, 2025.');
      const created = harness.display.created[0];
      assert.equal(created?.query.takenFrom, '2025-07-14T00:00:00');
      assert.equal(created?.query.takenTo, '2025-07-15T00:00:00');
      assert.deepEqual(
        slideshowOf(response).items.map((item) => item.photoIds[0]),
        ['sm1', 'sm2', 'la1'],
      );
      assert.deepEqual(directiveTypes(response), [
        'Alexa.Presentation.APL.RenderDocument',
        'Alexa.Presentation.APL.ExecuteCommands',
      ]);
      assert.equal(response.response.shouldEndSession, undefined);
    });
  }

  it('"more from this place" → the same city', async () => {
    const harness = skillHarness(tripPhotos());
    const response = await harness.invoke(
      intentOnScreen('MoreLikeThisIntent', 'sm1', similarity('this place', 'PLACE')),
    );
    assert.equal(speechOf(response), 'Here are 2 more from Santa Monica.');
    assert.deepEqual(harness.display.created[0]?.query.places, [{ name: 'Santa Monica', level: 'city' }]);
    assert.deepEqual(
      slideshowOf(response).items.map((item) => item.photoIds[0]),
      ['sm1', 'sm2', 'sm3'],
    );
  });

  it('"more from this trip" → its state, on the run of days around it with photos there', async () => {
    const ENGLAND = { city: 'St Just', region: 'England', country: 'United Kingdom' };
    const SEATTLE = { city: 'Seattle', region: 'Washington', country: 'United States' };
    const harness = skillHarness([
      { id: 'c1', labels: [], takenLocal: '2026-08-09T12:00:00', place: ENGLAND },
      { id: 'c2', labels: [], takenLocal: '2026-08-10T12:00:00', place: ENGLAND },
      // Two days without photos do not end a trip; a day at home elsewhere is not part of it.
      { id: 'home', labels: [], takenLocal: '2026-08-11T12:00:00', place: SEATTLE },
      { id: 'c3', labels: [], takenLocal: '2026-08-13T12:00:00', place: ENGLAND },
      // Eight days later: another visit.
      { id: 'c4', labels: [], takenLocal: '2026-08-21T12:00:00', place: ENGLAND },
    ]);
    const response = await harness.invoke(
      intentOnScreen('MoreLikeThisIntent', 'c2', similarity('this trip', 'TRIP')),
    );
    assert.equal(speechOf(response), 'Here are 2 more from your trip to England.');
    const created = harness.display.created[0];
    assert.deepEqual(created?.query.places, [{ name: 'England', level: 'region' }]);
    assert.deepEqual(
      [created?.query.takenFrom, created?.query.takenTo],
      ['2026-08-09T00:00:00', '2026-08-14T00:00:00'],
    );

    const german = await harness.invoke(
      inLocale(intentOnScreen('MoreLikeThisIntent', 'c2', similarity('dieser reise', 'TRIP')), 'de-DE'),
    );
    assert.equal(speechOf(german), 'Hier sind 2 weitere Fotos von deiner Reise nach England.');

    // "Show photos from this trip" is heard by ShowPhotosIntent, its place slot saying "this trip".
    const shown = await harness.invoke(
      intentOnScreen('ShowPhotosIntent', 'c4', { place: { value: 'this trip' } }),
    );
    assert.equal(speechOf(shown), "I couldn't find any other photos from that trip.");
    // With anything else asked, the trip is not taken alone: "beach photos from this trip" keeps the beach.
    const beach = await harness.invoke(
      intentOnScreen('ShowPhotosIntent', 'c2', {
        place: { value: 'this trip' },
        subject: subjectSlot('beach', 'BEACH'),
      }),
    );
    assert.doesNotMatch(speechOf(beach), /your trip/);
  });

  it('"more photos with them" → the same people; German says it too', async () => {
    const harness = skillHarness(tripPhotos());
    const response = await harness.invoke(
      intentOnScreen('MoreLikeThisIntent', 'sm1', similarity('them', 'PEOPLE')),
    );
    assert.equal(speechOf(response), 'Here is 1 more with Mom and Alex.');
    assert.deepEqual(harness.display.created[0]?.query.people, ['pe_mom', 'pe_alex']);
    const german = await harness.invoke(
      inLocale(intentOnScreen('MoreLikeThisIntent', 'sm1', similarity('ihnen', 'PEOPLE')), 'de-DE'),
    );
    assert.equal(speechOf(german), 'Hier ist ein weiteres Foto mit Mom und Alex.');
  });

  it('when nothing else shares the day or the place, the people decide; when nothing shares anything, says so', async () => {
    const harness = skillHarness(tripPhotos());
    const paris = await harness.invoke(intentOnScreen('MoreLikeThisIntent', 'paris1'));
    assert.equal(speechOf(paris), 'Here are 2 more with Alex.');
    assert.equal(harness.display.created.length, 1, 'only the slideshow shown is created');
    const alone = await harness.invoke(intentOnScreen('MoreLikeThisIntent', 'alone1'));
    assert.equal(
      speechOf(alone),
      "I couldn't find any other photos from the same day or place, or with the same people.",
    );
    assert.deepEqual(directiveTypes(alone), []);
  });

  it('a criterion the photo has no fact for: what is not known', async () => {
    const harness = skillHarness(tripPhotos());
    const who = await harness.invoke(
      intentOnScreen('MoreLikeThisIntent', 'sm3', similarity('them', 'PEOPLE')),
    );
    assert.equal(speechOf(who), "I don't know who is in this photo yet.");
    const where = await harness.invoke(
      intentOnScreen('MoreLikeThisIntent', 'alone1', similarity('here', 'PLACE')),
    );
    assert.equal(speechOf(where), "I don't know where this photo was taken.");
    assert.deepEqual(harness.display.created, []);
  });

  it('plays in the user\'s order and becomes the slideshow "shuffle" restarts', async () => {
    const harness = skillHarness(tripPhotos());
    await harness.userSettings.saveAttributes('owner-1', { intervalSeconds: 8, shuffle: true, loop: true });
    const response = await harness.invoke(intentOnScreen('MoreLikeThisIntent', 'sm1'));
    const created = harness.display.created[0];
    assert.equal(created?.query.order, 'shuffle');
    assert.deepEqual((await harness.userSettings.getAttributes('owner-1')).lastSlideshow, {
      kind: 'query',
      slideshowId: slideshowOf(response).listId,
      query: created?.query,
    });
  });

  it('no photo on screen, or no screen: a short answer and no slideshow', async () => {
    const harness = skillHarness(tripPhotos());
    const none = await harness.invoke(intentEnvelope('MoreLikeThisIntent'));
    assert.match(speechOf(none), /^I can only do that while the slideshow shows a photo\./);
    const voiceOnly = await harness.invoke(intentEnvelope('MoreLikeThisIntent', {}, VOICE_ONLY_DEVICE));
    assert.equal(voiceOnly.response.shouldEndSession, true);
    assert.deepEqual(directiveTypes(voiceOnly), []);
    assert.deepEqual(harness.display.created, []);
  });
});

describe('PhotoInfoIntent: what / when / where / who is this', () => {
  for (const device of SCREEN_DEVICES) {
    it(`${device}: "what is this" → everything the library knows about the photo on screen`, async () => {
      const harness = skillHarness(tripPhotos());
      const response = await harness.invoke(intentOnScreen('PhotoInfoIntent', 'sm1', {}, device));
      assert.equal(
        speechOf(response),
        'This photo was taken on July 14, 2025 in Santa Monica, California, United States. ' +
          "It shows Mom and Alex. It's tagged beach.",
      );
      assert.deepEqual(harness.library.getPhotoCalls, [{ ownerId: 'owner-1', photoId: 'sm1' }]);
      assert.deepEqual(directiveTypes(response), []);
      assert.equal(response.response.shouldEndSession, undefined, 'the slideshow keeps playing');
    });
  }

  it('answers just what was asked: when, where, who', async () => {
    const harness = skillHarness(tripPhotos());
    const ask = async (id: 'WHAT' | 'WHEN' | 'WHERE' | 'WHO', photo = 'sm1', locale = 'en-US') =>
      speechOf(
        await harness.invoke(inLocale(intentOnScreen('PhotoInfoIntent', photo, question(id)), locale)),
      );
    assert.equal(await ask('WHEN'), 'This photo was taken on July 14, 2025.');
    assert.equal(await ask('WHEN', 'sm1', 'en-GB'), 'This photo was taken on 14 July 2025.');
    assert.equal(await ask('WHERE'), 'This photo was taken in Santa Monica, California, United States.');
    assert.equal(await ask('WHO'), 'This photo shows Mom and Alex.');
    assert.equal(await ask('WHO', 'sm3'), "I don't know who is in this photo yet.");
    assert.equal(await ask('WHERE', 'alone1'), "I don't know where this photo was taken.");
    assert.equal(await ask('WHEN', 'sm1', 'de-DE'), 'Dieses Foto wurde am 14. Juli 2025 aufgenommen.');
    assert.equal(await ask('WHO', 'sm3', 'de-DE'), 'Ich weiß noch nicht, wer auf diesem Foto zu sehen ist.');
    assert.equal(await ask('WHO', 'paris1', 'de-DE'), 'Auf diesem Foto ist Alex zu sehen.');
  });

  it("a date that came only from the file is said as the file's date, never as when it was taken", async () => {
    const scanned: TestPhoto = {
      id: 'scan1',
      labels: ['dog'],
      takenLocal: '2024-03-02T09:30:00',
      takenTimeSource: 'file-modified',
    };
    const harness = skillHarness([...tripPhotos(), scanned]);
    const what = await harness.invoke(intentOnScreen('PhotoInfoIntent', 'scan1'));
    assert.equal(
      speechOf(what),
      "I don't know when or where this photo was taken. The file is from March 2, 2024. It's tagged dog.",
    );
    const when = await harness.invoke(
      inLocale(intentOnScreen('PhotoInfoIntent', 'scan1', question('WHEN')), 'de-DE'),
    );
    assert.equal(
      speechOf(when),
      'Ich weiß nicht, wann dieses Foto aufgenommen wurde. Die Datei ist vom 2. März 2024.',
    );
  });

  it('says only what is known: vision labels it is sure of, never a derived or doubtful one', async () => {
    const boat: TestPhoto = {
      id: 'lake1',
      labels: ['boat', 'beach', 'sunset'],
      labelEvidence: [
        { name: 'boat', source: 'vision', confidence: 0.82 },
        { name: 'beach', source: 'vision', confidence: 0.41 },
        { name: 'sunset', source: 'keyword', confidence: 1 },
      ],
      takenLocal: '2025-08-01T20:00:00',
    };
    const harness = skillHarness([...tripPhotos(), boat]);
    const response = await harness.invoke(intentOnScreen('PhotoInfoIntent', 'lake1'));
    assert.equal(speechOf(response), "This photo was taken on August 1, 2025. It's tagged boat and sunset.");
  });

  it('on a pair: about the left photo, and says so', async () => {
    const harness = skillHarness(tripPhotos());
    const response = await harness.invoke(
      intentOnScreen('PhotoInfoIntent', ['la1', 'sm3'], question('WHERE')),
    );
    assert.equal(
      speechOf(response),
      'The photo on the left was taken in Los Angeles, California, United States.',
    );
  });

  it('no photo on screen: says so and asks; without a screen: says so and ends', async () => {
    const harness = skillHarness(tripPhotos());
    const none = await harness.invoke(intentEnvelope('PhotoInfoIntent'));
    assert.match(speechOf(none), /^I can only tell you about a photo while the slideshow shows it\./);
    assert.equal(none.response.shouldEndSession, false);
    const voiceOnly = await harness.invoke(
      intentEnvelope('PhotoInfoIntent', question('WHO'), VOICE_ONLY_DEVICE),
    );
    assert.match(speechOf(voiceOnly), /^I can only tell you about a photo/);
    assert.equal(voiceOnly.response.shouldEndSession, true);
    assert.deepEqual(harness.library.getPhotoCalls, []);
  });
});
