import assert from 'node:assert/strict';
import type { RequestEnvelope, Slot, interfaces } from 'ask-sdk-model';
import { photoQuerySchema } from '../../../common/contracts';
import { intentEnvelope, subjectSlot } from '../helpers/envelopes';
import { skillHarness, speechOf, testPhotos } from '../helpers/skill-harness';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;

describe('ShowPhotosIntent', () => {
  it('on an Echo Show 8 creates a 1280x800 slideshow and answers speech + RenderDocument + AutoPage', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('seaside', 'BEACH'),
        date: { value: '2025-SU' },
      }),
    );

    assert.deepEqual(harness.display.created, [
      {
        ownerId: 'owner-1',
        query: photoQuerySchema.parse({
          labels: ['beach'],
          takenFrom: '2025-06-01T00:00:00',
          takenTo: '2025-09-01T00:00:00',
        }),
        viewport: { width: 1280, height: 800, shape: 'RECTANGLE' },
        deviceId: 'amzn1.ask.device.PHOTOFRAMESIMULATOR',
        pageSize: 10,
      },
    ]);
    assert.equal(speechOf(response), 'Here are 12 beach photos from summer 2025, taken in July 2025.');
    const [render, execute] = (response.response.directives ?? []) as [RenderDocument, ExecuteCommands];
    assert.equal(response.response.directives?.length, 2);
    assert.equal(render.type, 'Alexa.Presentation.APL.RenderDocument');
    const photos = (render.datasources as { photos: Record<string, unknown> & { items: unknown[] } }).photos;
    assert.equal(photos.type, 'dynamicIndexList');
    assert.match(String(photos.listId), /^ss_/);
    assert.equal(photos.maximumExclusiveIndex, 12);
    assert.equal(photos.items.length, 10);
    assert.deepEqual(photos.items[0], {
      index: 0,
      url: 'https://display.test/r/beach0_1280x800.jpg',
      photoIds: ['beach0'],
      layout: 'single',
      captionText: 'July 1, 2025',
      clipUrl: '',
      clipDurationMs: 0,
      motionUrl: '',
      motionDurationMs: 0,
    });
    assert.equal(execute.type, 'Alexa.Presentation.APL.ExecuteCommands');
    assert.equal(execute.token, render.token);
    assert.equal(execute.commands[0]?.type, 'AutoPage');
    // The visual must stay up: shouldEndSession is left out on screens.
    assert.equal('shouldEndSession' in response.response, false);
    // One count first (limit 0: no page, near-duplicates collapsed as a slideshow plays them), then the slideshow.
    assert.deepEqual(
      harness.library.searches.map(({ request }) => [request.limit, request.query?.collapseDuplicates]),
      [[0, true]],
    );
  });

  it('says "photo" for exactly one match and "your N photos" without filters', async () => {
    const one = skillHarness(testPhotos(1));
    const single = await one.invoke(
      intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH') }),
    );
    assert.equal(speechOf(single), 'Here is 1 beach photo, taken on July 1, 2025.');

    const all = skillHarness(testPhotos(39));
    const unfiltered = await all.invoke(intentEnvelope('ShowPhotosIntent', { subject: {}, date: {} }));
    assert.equal(speechOf(unfiltered), 'Here are your 40 photos, taken between January and July 2025.');
    assert.deepEqual(all.display.created[0]?.query, photoQuerySchema.parse({}));
  });

  it('a month still to come is said to be so, and the last one that happened offered by name and count', async () => {
    const harness = skillHarness(testPhotos(3), new Date('2026-03-10T08:00:00Z'));
    const response = await harness.invoke(intentEnvelope('ShowPhotosIntent', { date: { value: '2026-07' } }));
    assert.equal(
      speechOf(response),
      "July 2026 hasn't happened yet. In July 2025 you took 3 photos. Say, show photos from July 2025, to see them.",
    );
    // Only the previous occurrence was counted; nothing was shown.
    assert.deepEqual(
      countedQuery(harness),
      counting({ takenFrom: '2025-07-01T00:00:00', takenTo: '2025-08-01T00:00:00' }),
    );
    assert.equal(harness.display.created.length, 0);
    assert.equal(response.response.directives, undefined);
  });

  it('this weekend asked on a Wednesday: not yet, and last weekend offered (en-US and de-DE)', async () => {
    const photos = [
      ...testPhotos(2),
      { id: 'sat', labels: ['dog'], takenLocal: '2026-12-05T15:00:00' },
      { id: 'sun', labels: ['dog'], takenLocal: '2026-12-06T11:00:00' },
    ];
    const wednesday = new Date('2026-12-09T12:00:00Z');
    const english = skillHarness(photos, wednesday);
    const said = await english.invoke(intentEnvelope('ShowPhotosIntent', { date: { value: '2026-W50-WE' } }));
    assert.equal(
      speechOf(said),
      "This weekend hasn't happened yet. Last weekend you took 2 photos. Say, show photos from last weekend, to see them.",
    );
    const german = skillHarness(photos, wednesday);
    const gesagt = await german.invoke(
      inLocale(intentEnvelope('ShowPhotosIntent', { date: { value: '2026-W50-WE' } }), 'de-DE'),
    );
    assert.equal(
      speechOf(gesagt),
      'Dieses Wochenende liegt noch in der Zukunft. Letztes Wochenende hast du 2 Fotos aufgenommen. ' +
        'Sag: zeige Fotos vom letzten Wochenende, um sie zu sehen.',
    );
    assert.equal(english.display.created.length + german.display.created.length, 0);
  });

  it('on an Echo Dot counts through the library (limit 1), speaks only, and ends the session', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope(
        'ShowPhotosIntent',
        { subject: subjectSlot('beach', 'BEACH'), date: { value: '2025-SU' } },
        'Echo Dot',
      ),
    );
    assert.equal(harness.display.created.length, 0);
    assert.equal(harness.library.searches.length, 1);
    assert.equal(harness.library.searches[0]?.request.limit, 0);
    assert.equal(
      speechOf(response),
      'You have 12 beach photos from summer 2025, taken in July 2025. Photos need a screen, so ask me again on an Echo Show or a Fire TV.',
    );
    assert.equal(response.response.directives, undefined);
    assert.equal(response.response.shouldEndSession, true);
  });

  it('with zero matches says what found nothing and asks again, without any slideshow or APL', async () => {
    const harness = skillHarness([]);
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('cats', 'CAT'), date: { value: '2025' } }),
    );
    assert.equal(
      speechOf(response),
      'I found no cat photos. I found no photos from 2025. What would you like to see?',
    );
    assert.equal(harness.display.created.length, 0);
    assert.deepEqual(
      harness.library.searches.map(({ request }) => [request.query?.labels, request.query?.takenFrom]),
      [[['cat'], '2025-01-01T00:00:00']],
    );
    assert.equal(response.response.directives, undefined);
    assert.equal(response.response.shouldEndSession, false);
    assert.ok(response.response.reprompt);
  });

  it('with a date it cannot read asks again instead of showing everything', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', { date: { value: 'someday & <soon>' } }),
    );
    assert.equal(harness.display.created.length, 0);
    assert.match(speechOf(response), /^Sorry, I didn't understand the date someday &amp; &lt;soon&gt;\./);
    assert.equal(response.response.shouldEndSession, false);
  });

  it('on a Fire TV sizes the slideshow for 1920x1080', async () => {
    const harness = skillHarness();
    await harness.invoke(
      intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('dogs', 'DOG') }, 'Fire TV'),
    );
    assert.deepEqual(harness.display.created[0]?.viewport, { width: 1920, height: 1080, shape: 'RECTANGLE' });
    assert.deepEqual(harness.display.created[0]?.query, photoQuerySchema.parse({ labels: ['dog'] }));
  });
});

const DYNAMIC = 'amzn1.er-authority.echo-sdk.dynamic.amzn1.ask.skill.test';
const STATIC = 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test';

function entitySlot(
  heard: string,
  matches: Array<{ authority: string; id: string; name: string }>,
): Partial<Slot> {
  return {
    value: heard,
    resolutions: {
      resolutionsPerAuthority: matches.map(({ authority, id, name }) => ({
        authority,
        status: { code: 'ER_SUCCESS_MATCH' as const },
        values: [{ value: { id, name } }],
      })),
    },
  };
}

function inLocale(envelope: RequestEnvelope, locale: string): RequestEnvelope {
  return { ...envelope, request: { ...envelope.request, locale } };
}

/** The query the skill asked the library to count (near-duplicates collapsed, as a slideshow plays them). */
function countedQuery(harness: ReturnType<typeof skillHarness>, at = 0) {
  const query = harness.library.searches[at]?.request.query;
  return query === undefined ? undefined : photoQuerySchema.parse(query);
}
const counting = (query: Parameters<typeof photoQuerySchema.parse>[0]) =>
  photoQuerySchema.parse({ ...(query as object), collapseDuplicates: true });

describe('ShowPhotosIntent: understanding, and nothing found', () => {
  it('nothing for the date → says so and offers the rest by what to say; shows nothing', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('beach', 'BEACH'),
        date: { value: '2026-SU' },
      }),
    );
    assert.equal(
      speechOf(response),
      'I found no photos from summer 2026. Your most recent beach photos are from July 2025. ' +
        'Say, show beach photos, to see them.',
    );
    assert.equal(harness.display.created.length, 0);
    assert.equal(response.response.directives, undefined);
    assert.equal(response.response.shouldEndSession, false);
  });

  it('nothing in the place → the place is named, and the offer keeps subject and date', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('beach', 'BEACH'),
        place: { value: 'Paris' },
        date: { value: '2025-SU' },
      }),
    );
    assert.equal(
      speechOf(response),
      'I found no photos in Paris. You have 12 beach photos from summer 2025. ' +
        'Say, show beach photos from summer 2025, to see them.',
    );
    assert.equal(harness.display.created.length, 0);
    assert.deepEqual(
      countedQuery(harness),
      counting({
        labels: ['beach'],
        places: [{ name: 'Paris' }],
        takenFrom: '2025-06-01T00:00:00',
        takenTo: '2025-09-01T00:00:00',
      }),
    );
  });

  it('a place with no photos, in German, and no other photos offered when nothing else was asked', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      inLocale(intentEnvelope('ShowPhotosIntent', { country: { value: 'Italien' } }), 'de-DE'),
    );
    assert.equal(speechOf(response), 'Ich habe keine Fotos in Italien gefunden. Was möchtest du sehen?');
    assert.equal(harness.display.created.length, 0);
  });

  it('a voice-only device hears the same: what found nothing and the offer, never a count of other photos', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope(
        'ShowPhotosIntent',
        { subject: subjectSlot('beach', 'BEACH'), date: { value: '2024' } },
        'Echo Dot',
      ),
    );
    assert.equal(
      speechOf(response),
      'I found no photos from 2024. Your most recent beach photos are from July 2025. Say, show beach photos, to see them.',
    );
    assert.equal(harness.library.searches.length, 1);
  });

  it('people and albums: a dynamic match is the library id, preferred over a static seed', async () => {
    const harness = skillHarness();
    await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        person: entitySlot('grandma', [
          { authority: `${STATIC}.PERSON`, id: 'GRANDMA', name: 'grandma' },
          { authority: `${DYNAMIC}.PERSON`, id: 'pe_42', name: 'Grandma Rose' },
        ]),
        album: entitySlot('beach trip', [{ authority: `${DYNAMIC}.ALBUM`, id: 'al_7', name: 'Beach Trip' }]),
        country: { value: 'France' },
      }),
    );
    assert.deepEqual(
      countedQuery(harness),
      counting({ people: ['pe_42'], albums: ['al_7'], places: [{ name: 'France' }] }),
    );
  });

  it('a person only the static catalog knows is not searched for as an id: a short question instead', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        person: entitySlot('mom', [{ authority: `${STATIC}.PERSON`, id: 'MOM', name: 'mom' }]),
      }),
    );
    assert.equal(harness.display.created.length, 0);
    assert.equal(
      speechOf(response),
      "Sorry, I don't know who mom is in your photos yet. What would you like to see?",
    );
    assert.equal(response.response.shouldEndSession, false);
  });

  it("a name that matches two of the owner's people gets a short question, in each language", async () => {
    const twoAnnas = (): Partial<Slot> => ({
      value: 'anna',
      resolutions: {
        resolutionsPerAuthority: [
          {
            authority: `${DYNAMIC}.PERSON`,
            status: { code: 'ER_SUCCESS_MATCH' as const },
            values: [
              { value: { id: 'pe_1', name: 'Anna Smith' } },
              { value: { id: 'pe_2', name: 'Anna Jones' } },
            ],
          },
        ],
      },
    });
    const harness = skillHarness();
    const response = await harness.invoke(intentEnvelope('ShowPhotosIntent', { person: twoAnnas() }));
    assert.equal(harness.display.created.length, 0);
    assert.equal(
      speechOf(response),
      'Do you mean Anna Smith or Anna Jones? Say, for example, show Anna Smith.',
    );
    assert.equal(response.response.shouldEndSession, false);
    const german = await harness.invoke(
      inLocale(intentEnvelope('ShowPhotosIntent', { person: twoAnnas() }), 'de-DE'),
    );
    assert.equal(
      speechOf(german),
      'Meinst du Anna Smith oder Anna Jones? Sag zum Beispiel: zeige Anna Smith.',
    );
    // One match (the same id listed twice) is not ambiguous.
    const once = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        person: entitySlot('anna', [
          { authority: `${DYNAMIC}.PERSON`, id: 'pe_1', name: 'Anna Smith' },
          { authority: `${DYNAMIC}.PERSON`, id: 'pe_1', name: 'Anna Smith' },
        ]),
      }),
    );
    assert.deepEqual(countedQuery(harness)?.people, ['pe_1']);
    assert.ok(once.response.outputSpeech);
  });

  it('names are escaped for SSML', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        album: entitySlot('tom and jerry', [
          { authority: `${DYNAMIC}.ALBUM`, id: 'al_1', name: 'Tom & <Jerry>' },
        ]),
      }),
    );
    const ssml = (response.response.outputSpeech as { ssml: string }).ssml;
    assert.match(ssml, /your Tom &amp; &lt;Jerry&gt; album/);
  });

  it('"every Christmas" → one date range per year; Christmas alone → the last one', async () => {
    const harness = skillHarness();
    await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        holiday: entitySlot('christmas', [
          { authority: `${STATIC}.HOLIDAY`, id: 'CHRISTMAS', name: 'christmas' },
        ]),
        recurrence: { value: 'every' },
      }),
    );
    const every = countedQuery(harness);
    assert.equal(every?.dateRanges?.length, 20);
    // Christmas is 24-26 December (the one calendar's).
    assert.deepEqual(every?.dateRanges?.[19], { from: '2025-12-24T00:00:00', to: '2025-12-27T00:00:00' });

    const once = skillHarness();
    const response = await once.invoke(
      intentEnvelope('ShowPhotosIntent', {
        holiday: entitySlot('christmas', [
          { authority: `${STATIC}.HOLIDAY`, id: 'CHRISTMAS', name: 'christmas' },
        ]),
      }),
    );
    assert.deepEqual(
      [countedQuery(once)?.takenFrom, countedQuery(once)?.takenTo],
      ['2025-12-24T00:00:00', '2025-12-27T00:00:00'],
    );
    // No Christmas photos and nothing else asked: nothing is offered, and nothing shown.
    assert.equal(speechOf(response), 'I found no photos from Christmas 2025. What would you like to see?');
    assert.equal(once.display.created.length, 0);
  });

  it('a birthday is the birthday label, not a date', async () => {
    const harness = skillHarness();
    await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        holiday: entitySlot('birthday', [
          { authority: `${STATIC}.HOLIDAY`, id: 'BIRTHDAY', name: 'birthday' },
        ]),
        date: { value: '2025' },
      }),
    );
    assert.deepEqual(
      countedQuery(harness),
      counting({
        labels: ['birthday'],
        takenFrom: '2025-01-01T00:00:00',
        takenTo: '2026-01-01T00:00:00',
      }),
    );
  });

  it('speaks German in de-DE', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      inLocale(
        intentEnvelope('ShowPhotosIntent', {
          subject: subjectSlot('strand', 'BEACH'),
          date: { value: '2025-XX-XX' },
        }),
        'de-DE',
      ),
    );
    assert.equal(
      speechOf(response),
      'Hier sind 12 Fotos zum Thema Strand aus dem Jahr 2025, aufgenommen im Juli 2025.',
    );
  });

  it('en-AU: summer is December to February, and dates are said day first', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      inLocale(intentEnvelope('ShowPhotosIntent', { date: { value: '2024-SU' } }), 'en-AU'),
    );
    assert.deepEqual(
      [harness.display.created[0]?.query.takenFrom, harness.display.created[0]?.query.takenTo],
      ['2024-12-01T00:00:00', '2025-03-01T00:00:00'],
    );
    assert.equal(speechOf(response), 'Here is 1 photo from summer 2024, taken on 15 January 2025.');
  });

  it('resolves "today" in the configured time zone when the device cannot tell its own', async () => {
    // 03:00 UTC on 25 November: still the 24th in Los Angeles.
    const harness = skillHarness(testPhotos(), new Date('2026-11-25T03:00:00Z'), {
      timeZone: 'America/Los_Angeles',
    });
    await harness.invoke(intentEnvelope('ShowPhotosIntent', { date: { value: 'PRESENT_REF' } }));
    assert.equal(countedQuery(harness)?.takenFrom, '2026-11-24T00:00:00');
  });
  it('captions are written in the language the request was spoken in', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      inLocale(intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('strand', 'BEACH') }), 'de-DE'),
    );
    const render = response.response.directives?.[0] as RenderDocument;
    const items = (render.datasources as { photos: { items: Array<{ captionText: string }> } }).photos.items;
    assert.equal(items[0]?.captionText, '1. Juli 2025');
  });
});
