import assert from 'node:assert/strict';
import type { RequestEnvelope, Slot, interfaces } from 'ask-sdk-model';
import { photoQuerySchema, type CreateSlideshowRequest, type SlideshowPage } from '../../../common/contracts';
import { intentEnvelope, subjectSlot } from '../helpers/envelopes';
import { InMemoryDisplay } from '../helpers/in-memory-apis';
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
    });
    assert.equal(execute.type, 'Alexa.Presentation.APL.ExecuteCommands');
    assert.equal(execute.token, render.token);
    assert.equal(execute.commands[0]?.type, 'AutoPage');
    // The visual must stay up: shouldEndSession is left out on screens.
    assert.equal('shouldEndSession' in response.response, false);
    assert.equal(harness.library.searches.length, 0);
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

  it('moves a month Alexa resolved into the future back to the last one that happened', async () => {
    const harness = skillHarness(testPhotos(3), new Date('2026-03-10T08:00:00Z'));
    const response = await harness.invoke(intentEnvelope('ShowPhotosIntent', { date: { value: '2026-07' } }));
    assert.deepEqual(
      harness.display.created[0]?.query,
      photoQuerySchema.parse({ takenFrom: '2025-07-01T00:00:00', takenTo: '2025-08-01T00:00:00' }),
    );
    assert.equal(speechOf(response), 'Here are 3 photos from July 2025, taken in July 2025.');
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
    assert.equal(harness.library.searches[0]?.request.limit, 1);
    assert.equal(
      speechOf(response),
      'You have 12 beach photos from summer 2025, taken in July 2025. Photos need a screen, so ask me again on an Echo Show or a Fire TV.',
    );
    assert.equal(response.response.directives, undefined);
    assert.equal(response.response.shouldEndSession, true);
  });

  it('with zero matches even after relaxing says so and asks again, without any APL', async () => {
    const harness = skillHarness([]);
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('cats', 'CAT'), date: { value: '2025' } }),
    );
    assert.equal(speechOf(response), "I couldn't find any cat photos from 2025. What would you like to see?");
    // Asked, then without the date, then without the subject.
    assert.deepEqual(
      harness.display.created.map((created) => [created.query.labels, created.query.takenFrom]),
      [
        [['cat'], '2025-01-01T00:00:00'],
        [['cat'], undefined],
        [[], '2025-01-01T00:00:00'],
      ],
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

/** Display double with no photos anywhere but home: any place filter finds nothing. */
class NoPhotosAbroadDisplay extends InMemoryDisplay {
  override createSlideshow(request: CreateSlideshowRequest): Promise<SlideshowPage> {
    if ((request.query.places ?? []).length === 0) return super.createSlideshow(request);
    this.created.push(request);
    return Promise.resolve({ slideshowId: 'ss_nothing0000', total: 0, span: null, startIndex: 0, items: [] });
  }
}

describe('ShowPhotosIntent: understanding and relaxing', () => {
  it('nothing for the date → drops the date, asks the display again and says what it shows instead', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('beach', 'BEACH'),
        date: { value: '2026-SU' },
      }),
    );
    assert.equal(
      speechOf(response),
      'I found no beach photos from summer 2026, but here are 12 beach photos, taken in July 2025.',
    );
    assert.equal(harness.display.created.length, 2);
    assert.deepEqual(harness.display.created[1]?.query, photoQuerySchema.parse({ labels: ['beach'] }));
    const render = response.response.directives?.[0] as RenderDocument;
    assert.equal(
      (render.datasources as { photos: { maximumExclusiveIndex: number } }).photos.maximumExclusiveIndex,
      12,
    );
  });

  it('nothing in the place → drops the date, then the place (one at a time)', async () => {
    const photos = testPhotos();
    const display = new NoPhotosAbroadDisplay(photos);
    const skill = skillHarness(photos, new Date('2026-11-25T12:00:00Z'), { display });
    const response = await skill.invoke(
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('beach', 'BEACH'),
        place: { value: 'Paris' },
        date: { value: '2025-SU' },
      }),
    );
    assert.deepEqual(
      display.created.map((created) => [created.query.places, created.query.takenFrom]),
      [
        [[{ name: 'Paris' }], '2025-06-01T00:00:00'],
        [[{ name: 'Paris' }], undefined],
        [[], '2025-06-01T00:00:00'],
      ],
    );
    assert.equal(
      speechOf(response),
      'I found no beach photos in Paris from summer 2025, but here are 12 beach photos from summer 2025, taken in July 2025.',
    );
  });

  it('a voice-only device hears the relaxed count and the screen suggestion', async () => {
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
      'I found no beach photos from 2024, but you have 12 beach photos, taken in July 2025. Photos need a screen, so ask me again on an Echo Show or a Fire TV.',
    );
    assert.equal(harness.library.searches.length, 2);
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
      harness.display.created[0]?.query,
      photoQuerySchema.parse({ people: ['pe_42'], albums: ['al_7'], places: [{ name: 'France' }] }),
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
    assert.equal(harness.display.created.length, 1);
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
    const every = harness.display.created[0]?.query;
    assert.equal(every?.dateRanges?.length, 20);
    assert.deepEqual(every?.dateRanges?.[19], { from: '2025-12-25T00:00:00', to: '2025-12-26T00:00:00' });

    const once = skillHarness();
    const response = await once.invoke(
      intentEnvelope('ShowPhotosIntent', {
        holiday: entitySlot('christmas', [
          { authority: `${STATIC}.HOLIDAY`, id: 'CHRISTMAS', name: 'christmas' },
        ]),
      }),
    );
    assert.deepEqual(
      [once.display.created[0]?.query.takenFrom, once.display.created[0]?.query.takenTo],
      ['2025-12-25T00:00:00', '2025-12-26T00:00:00'],
    );
    // No Christmas photos: the date is dropped and everything is offered.
    assert.match(speechOf(response), /^I found no photos from Christmas 2025, but here are your 13 photos/);
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
      harness.display.created[0]?.query,
      photoQuerySchema.parse({
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
    assert.equal(harness.display.created[0]?.query.takenFrom, '2026-11-24T00:00:00');
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
