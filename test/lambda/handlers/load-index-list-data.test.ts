import assert from 'node:assert/strict';
import type { interfaces } from 'ask-sdk-model';
import { deviceRequestEnvelope, intentEnvelope, subjectSlot } from '../helpers/envelopes';
import { skillHarness, testPhotos } from '../helpers/skill-harness';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;

async function startSlideshow(harness: ReturnType<typeof skillHarness>): Promise<string> {
  const response = await harness.invoke(
    intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH') }),
  );
  const render = response.response.directives?.[0] as RenderDocument;
  return String((render.datasources as { photos: { listId: string } }).photos.listId);
}

describe('Alexa.Presentation.APL.LoadIndexListData', () => {
  it('answers SendIndexListData for the requested page with the correlation token and bounds', async () => {
    const harness = skillHarness(testPhotos(25));
    const listId = await startSlideshow(harness);
    const response = await harness.invoke(
      deviceRequestEnvelope({
        type: 'Alexa.Presentation.APL.LoadIndexListData',
        token: 'photo-slideshow',
        correlationToken: 'corr-7',
        listId,
        startIndex: 10,
        count: 10,
      }),
    );
    assert.deepEqual(harness.display.pageRequests, [
      { ownerId: 'owner-1', slideshowId: listId, start: 10, count: 10 },
    ]);
    const directives = response.response.directives ?? [];
    assert.equal(directives.length, 1);
    const send = directives[0] as interfaces.alexa.presentation.apl.SendIndexListDataDirective;
    assert.equal(send.type, 'Alexa.Presentation.APL.SendIndexListData');
    assert.equal(send.correlationToken, 'corr-7');
    assert.equal(send.listId, listId);
    assert.equal(send.startIndex, 10);
    assert.equal(send.minimumInclusiveIndex, 0);
    assert.equal(send.maximumExclusiveIndex, 25);
    // The first payload after the RenderDocument (version 0).
    assert.equal(send.listVersion, 1);
    assert.deepEqual(
      (send.items as Array<{ index: number }>).map((item) => item.index),
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
    );
    assert.equal(response.response.outputSpeech, undefined);
  });

  it("writes captions in the request's language", async () => {
    const harness = skillHarness(testPhotos(25));
    const listId = await startSlideshow(harness);
    const response = await harness.invoke(
      deviceRequestEnvelope({
        type: 'Alexa.Presentation.APL.LoadIndexListData',
        locale: 'de-DE',
        token: 'photo-slideshow',
        correlationToken: 'corr-de',
        listId,
        startIndex: 2,
        count: 1,
      }),
    );
    const send = response.response
      .directives?.[0] as interfaces.alexa.presentation.apl.SendIndexListDataDirective;
    assert.deepEqual(
      (send.items as Array<{ captionText: string }>).map((item) => item.captionText),
      ['3. Juli 2025'],
    );
  });

  it('cuts a range that starts before 0 at 0 (indexes -2..2 → 0..2)', async () => {
    const harness = skillHarness(testPhotos(25));
    const listId = await startSlideshow(harness);
    const response = await harness.invoke(
      deviceRequestEnvelope({
        type: 'Alexa.Presentation.APL.LoadIndexListData',
        token: 'photo-slideshow',
        correlationToken: 'corr-8',
        listId,
        startIndex: -2,
        count: 5,
      }),
    );
    assert.deepEqual(harness.display.pageRequests, [
      { ownerId: 'owner-1', slideshowId: listId, start: 0, count: 3 },
    ]);
    const send = response.response
      .directives?.[0] as interfaces.alexa.presentation.apl.SendIndexListDataDirective;
    assert.equal(send.startIndex, 0);
    assert.equal(send.items?.length, 3);
  });

  it('an unknown list is logged with its error code and answered with an apology', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      deviceRequestEnvelope({
        type: 'Alexa.Presentation.APL.LoadIndexListData',
        token: 'photo-slideshow',
        correlationToken: 'corr-9',
        listId: 'ss_doesnotexist01',
        startIndex: 0,
        count: 10,
      }),
    );
    assert.equal(response.response.directives, undefined);
    const logged = harness.logLines.find((line) => line.level === 'error');
    assert.equal(logged?.fields?.code, 'SLIDESHOW_NOT_FOUND');
  });
});
