import assert from 'node:assert/strict';
import type { RequestEnvelope, Slot } from 'ask-sdk-model';
import { photoQuerySchema } from '../../../common/contracts';
import { intentEnvelope, subjectSlot } from '../helpers/envelopes';
import type { TestPhoto } from '../helpers/in-memory-apis';
import { skillHarness, speechOf } from '../helpers/skill-harness';

const STATIC = 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.00000000-0000-0000-0000-00000000f0f0';

/** A slot as Alexa sends it with only the static catalog: a seed match, or no match at all. */
function staticSlot(heard: string, type: string, id?: string): Partial<Slot> {
  return {
    value: heard,
    resolutions: {
      resolutionsPerAuthority: [
        id
          ? {
              authority: `${STATIC}.${type}`,
              status: { code: 'ER_SUCCESS_MATCH' as const },
              values: [{ value: { id, name: heard.toLowerCase() } }],
            }
          : { authority: `${STATIC}.${type}`, status: { code: 'ER_SUCCESS_NO_MATCH' as const }, values: [] },
      ],
    },
  };
}

const DAD = { id: 'pe_dad', name: 'Dad' };
const ANNA_S = { id: 'pe_as', name: 'Anna Smith' };
const ANNA_J = { id: 'pe_aj', name: 'Anna Jones' };
const PAPA = { id: 'pe_papa', name: 'Papa' };
const TRIP = { id: 'al_trip', name: 'Summer Trip' };

/** A family library shaped like a real one: people and albums named by the owner, favourites, a few videos. */
function familyPhotos(): TestPhoto[] {
  return [
    { id: 'd1', labels: ['beach'], takenLocal: '2025-07-01T10:00:00', people: [DAD], favorite: true },
    { id: 'd2', labels: ['dog'], takenLocal: '2025-07-02T10:00:00', people: [DAD], albums: [TRIP] },
    { id: 'd3', labels: ['beach'], takenLocal: '2025-07-03T10:00:00', people: [DAD, ANNA_S], albums: [TRIP] },
    { id: 'a1', labels: ['cake'], takenLocal: '2025-08-01T10:00:00', people: [ANNA_J], favorite: true },
    { id: 'p1', labels: ['garden'], takenLocal: '2025-08-02T10:00:00', people: [PAPA] },
    { id: 'v1', labels: ['beach'], takenLocal: '2025-07-04T10:00:00', mediaKind: 'video', favorite: true },
    { id: 'v2', labels: ['dog'], takenLocal: '2025-09-04T10:00:00', mediaKind: 'video' },
  ];
}

const show = (slots: Record<string, Partial<Slot>>, device = 'Echo Show 8'): RequestEnvelope =>
  intentEnvelope('ShowPhotosIntent', slots, device);
const inGerman = (envelope: RequestEnvelope): RequestEnvelope => ({
  ...envelope,
  request: { ...envelope.request, locale: 'de-DE' },
});

describe('ShowPhotosIntent: people and albums without dynamic entities (one-shot requests)', () => {
  it('"show photos of Dad" before any dynamic entities: the owner\'s Dad, found by the skill itself', async () => {
    const harness = skillHarness(familyPhotos());
    const response = await harness.invoke(show({ person: staticSlot('Dad', 'PERSON', 'DAD') }));
    assert.equal(speechOf(response), 'Here are 3 photos of Dad, taken in July 2025.');
    assert.deepEqual(harness.display.created[0]?.query.people, ['pe_dad']);
    // Once to resolve the name, once for the dynamic entities this first request of the session teaches Alexa.
    assert.deepEqual(harness.library.vocabularyCalls, ['owner-1', 'owner-1']);
    const types = response.response.directives?.map((directive) => directive.type);
    assert.ok(types?.includes('Dialog.UpdateDynamicEntities'));
  });

  it('"show photos of me": the owner\'s person named "Me" when there is one, else said not known, nothing searched', async () => {
    const unknown = skillHarness(familyPhotos());
    const asked = await unknown.invoke(show({ subject: staticSlot('me', 'PhotoSubject') }));
    assert.equal(
      speechOf(asked),
      "Sorry, I don't know which of your photos you're in yet. What would you like to see?",
    );
    assert.equal(unknown.display.created.length, 0);
    const ME = { id: 'pe_me', name: 'Me' };
    const named = skillHarness([
      ...familyPhotos(),
      { id: 'm1', labels: [], takenLocal: '2025-10-01T10:00:00', people: [ME] },
    ]);
    const found = await named.invoke(show({ person: staticSlot('me', 'PERSON') }));
    assert.deepEqual(named.display.created[0]?.query.people, ['pe_me']);
    assert.match(speechOf(found), /^Here is 1 photo of Me/);
  });

  it('"my dad\'s photos" with no static match, and German "meinem Papa"', async () => {
    const harness = skillHarness(familyPhotos());
    const english = await harness.invoke(show({ person: staticSlot("my dad's", 'PERSON') }));
    assert.match(speechOf(english), /^Here are 3 photos of Dad/);
    const german = await harness.invoke(inGerman(show({ person: staticSlot('meinem Papa', 'PERSON') })));
    assert.match(speechOf(german), /^Hier ist ein Foto mit Papa/);
    // The owner's names were read once for both requests (and once for the dynamic entities sent on the first).
    assert.deepEqual(harness.library.vocabularyCalls, ['owner-1', 'owner-1']);
  });

  it('a name that is two of the owner\'s people gets "Do you mean …?", never a guess', async () => {
    const harness = skillHarness(familyPhotos());
    const response = await harness.invoke(show({ person: staticSlot('Anna', 'PERSON') }));
    assert.equal(
      speechOf(response),
      'Do you mean Anna Smith or Anna Jones? Say, for example, show Anna Smith.',
    );
    assert.equal(harness.display.created.length, 0);
    assert.equal(harness.library.searches.length, 0);
  });

  it('a name the owner never gave is still unknown (only the words read, nothing searched or shown)', async () => {
    const harness = skillHarness(familyPhotos());
    const response = await harness.invoke(show({ person: staticSlot('Uncle Bob', 'PERSON') }));
    assert.equal(
      speechOf(response),
      "Sorry, I don't know who Uncle Bob is in your photos yet. What would you like to see?",
    );
    assert.deepEqual(
      harness.library.searches.map(({ request }) => [request.q, request.limit]),
      [['Uncle Bob', 0]],
    );
    assert.equal(harness.display.created.length, 0);
  });

  it('an album by the words heard ("the summer trip"), on a voice-only device too', async () => {
    const harness = skillHarness(familyPhotos());
    const response = await harness.invoke(
      show({ album: staticSlot('the summer trip', 'ALBUM') }, 'Echo Dot'),
    );
    assert.match(speechOf(response), /^You have 2 photos from your Summer Trip album/);
    assert.deepEqual(harness.library.searches[0]?.request.query?.albums, ['al_trip']);
  });
});

describe('ShowPhotosIntent: favourites and media kinds', () => {
  it('the favorites slot → favoritesOnly, said as "favorite photos"', async () => {
    const harness = skillHarness(familyPhotos());
    const response = await harness.invoke(
      show({ favorites: staticSlot('favorites', 'FAVORITES', 'FAVORITES') }),
    );
    assert.equal(
      speechOf(response),
      'Here are 3 favorite photos, taken in July and August 2025.'.replace(
        'in July and August',
        'between July and August',
      ),
    );
    assert.deepEqual(harness.display.created[0]?.query, photoQuerySchema.parse({ favoritesOnly: true }));
  });

  it('"my favorite beach photos": favourites and a subject together', async () => {
    const harness = skillHarness(familyPhotos());
    const response = await harness.invoke(
      show({
        favorites: staticSlot('favorite', 'FAVORITES', 'FAVORITES'),
        subject: subjectSlot('beach', 'BEACH'),
      }),
    );
    assert.match(speechOf(response), /^Here are 2 favorite beach photos/);
  });

  it('--slot album=favorites with no album of that name is the favourites, not "no album called favorites"', async () => {
    const harness = skillHarness(familyPhotos());
    const response = await harness.invoke(show({ album: staticSlot('favorites', 'ALBUM', 'FAVORITES') }));
    assert.match(speechOf(response), /^Here are 3 favorite photos/);
    assert.equal(harness.display.created[0]?.query.favoritesOnly, true);
    assert.deepEqual(harness.display.created[0]?.query.albums, []);
    const german = await harness.invoke(inGerman(show({ album: staticSlot('Lieblingsfotos', 'ALBUM') })));
    assert.match(speechOf(german), /^Hier sind 3 Lieblingsfotos/);
  });

  it('an album the owner named "Favorites" is that album', async () => {
    const album = { id: 'al_fav', name: 'Favorites' };
    const photos = familyPhotos().map((photo) => (photo.id === 'd2' ? { ...photo, albums: [album] } : photo));
    const harness = skillHarness(photos);
    await harness.invoke(show({ album: staticSlot('favorites', 'ALBUM', 'FAVORITES') }));
    assert.deepEqual(harness.display.created[0]?.query.albums, ['al_fav']);
    assert.equal(harness.display.created[0]?.query.favoritesOnly, false);
  });

  it('the media slot → mediaKinds: "show my videos" and "videos of the dog"', async () => {
    const harness = skillHarness(familyPhotos());
    const videos = await harness.invoke(show({ media: staticSlot('videos', 'MEDIA_KIND', 'VIDEO') }));
    assert.equal(speechOf(videos), 'Here are 2 videos, taken between July and September 2025.');
    assert.deepEqual(harness.display.created[0]?.query.mediaKinds, ['video']);
    const dogVideos = await harness.invoke(
      show({ media: staticSlot('clips', 'MEDIA_KIND'), subject: subjectSlot('dog', 'DOG') }, 'Echo Dot'),
    );
    assert.match(speechOf(dogVideos), /^You have 1 dog video,/);
    const photosOnly = await harness.invoke(show({ media: staticSlot('pictures', 'MEDIA_KIND', 'PHOTO') }));
    assert.match(speechOf(photosOnly), /^Here are 5 photos/);
  });

  it('no favourite videos: the favourites and videos are named, nothing else shown', async () => {
    const photos = familyPhotos().filter((photo) => photo.id !== 'v1');
    const harness = skillHarness(photos);
    const response = await harness.invoke(
      show({
        favorites: staticSlot('favorites', 'FAVORITES', 'FAVORITES'),
        media: staticSlot('videos', 'MEDIA_KIND', 'VIDEO'),
      }),
    );
    assert.match(speechOf(response), /^I found no favorite videos\./);
    assert.equal(harness.display.created.length, 0);
  });
});

describe('ShowPhotosIntent: on this day', () => {
  it('HOLIDAY ON_THIS_DAY → month-day windows in earlier years, said as "this day in earlier years"', async () => {
    // Asked on 4 July 2026: the 4 Julys of earlier years, not 10 July.
    const photos: TestPhoto[] = [
      { id: 'j1', labels: ['beach'], takenLocal: '2025-07-04T10:00:00' },
      { id: 'j2', labels: ['beach'], takenLocal: '2024-07-04T18:00:00' },
      { id: 'x1', labels: ['beach'], takenLocal: '2025-07-10T10:00:00' },
    ];
    const harness = skillHarness(photos, new Date('2026-07-04T12:00:00Z'));
    const response = await harness.invoke(
      show({ holiday: staticSlot('on this day', 'HOLIDAY', 'ON_THIS_DAY') }, 'Echo Dot'),
    );
    assert.match(
      speechOf(response),
      /^You have 2 photos from this day in earlier years, taken between July 2024 and July 2025\./,
    );
    const query = photoQuerySchema.parse(harness.library.searches[0]?.request.query);
    assert.deepEqual(
      query.monthDays.map(({ month, day }) => [month, day]),
      [[7, 4]],
    );
    assert.ok(query.takenTo !== undefined && query.takenTo <= '2026-07-04T00:00:00', 'earlier years only');
  });

  it('said back in each language', async () => {
    const harness = skillHarness([], new Date('2026-07-04T12:00:00Z'));
    const english = await harness.invoke(
      show({ holiday: staticSlot('on this day', 'HOLIDAY', 'ON_THIS_DAY') }),
    );
    assert.equal(
      speechOf(english),
      'I found no photos from this day in earlier years. What would you like to see?',
    );
    const german = await harness.invoke(
      inGerman(show({ holiday: staticSlot('an diesem Tag', 'HOLIDAY', 'ON_THIS_DAY') })),
    );
    assert.equal(
      speechOf(german),
      'Ich habe keine Fotos von diesem Tag in früheren Jahren gefunden. Was möchtest du sehen?',
    );
  });
});
