import assert from 'node:assert/strict';
import type { interfaces } from 'ask-sdk-model';
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
    assert.equal(speechOf(response), 'Here are 12 beach photos from summer 2025.');
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
      takenLocal: '2025-07-01T10:00:00',
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
    assert.equal(speechOf(single), 'Here is 1 beach photo.');

    const all = skillHarness(testPhotos(39));
    const unfiltered = await all.invoke(intentEnvelope('ShowPhotosIntent', { subject: {}, date: {} }));
    assert.equal(speechOf(unfiltered), 'Here are your 40 photos.');
    assert.deepEqual(all.display.created[0]?.query, photoQuerySchema.parse({}));
  });

  it('moves a month Alexa resolved into the future back to the last one that happened', async () => {
    const harness = skillHarness(testPhotos(3), new Date('2026-03-10T08:00:00Z'));
    const response = await harness.invoke(intentEnvelope('ShowPhotosIntent', { date: { value: '2026-07' } }));
    assert.deepEqual(
      harness.display.created[0]?.query,
      photoQuerySchema.parse({ takenFrom: '2025-07-01T00:00:00', takenTo: '2025-08-01T00:00:00' }),
    );
    assert.equal(speechOf(response), 'Here are 3 photos from July 2025.');
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
      'You have 12 beach photos from summer 2025. Photos need a screen, so ask me again on an Echo Show or a Fire TV.',
    );
    assert.equal(response.response.directives, undefined);
    assert.equal(response.response.shouldEndSession, true);
  });

  it('with zero matches says so and asks again, without any APL', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('beach', 'BEACH'),
        date: { value: '2026-SU' },
      }),
    );
    assert.equal(
      speechOf(response),
      "I couldn't find any beach photos from summer 2026. What would you like to see?",
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
