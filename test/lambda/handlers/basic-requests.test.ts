import assert from 'node:assert/strict';
import { deviceRequestEnvelope, intentEnvelope, launchEnvelope } from '../helpers/envelopes';
import { skillHarness, speechOf } from '../helpers/skill-harness';

describe('launch, help, stop, fallback, session end, APL errors', () => {
  it('speaks the request locale: German for de-DE, en-US for a locale we do not ship', async () => {
    const german = launchEnvelope('Echo Show 8');
    german.request.locale = 'de-DE';
    assert.equal(speechOf(await skillHarness().invoke(german)), 'Hier sind deine Fotos.');
    const goodbye = intentEnvelope('AMAZON.StopIntent');
    goodbye.request.locale = 'de-DE';
    assert.equal(speechOf(await skillHarness().invoke(goodbye)), 'Tschüss.');
    const unknown = launchEnvelope('Echo Dot');
    unknown.request.locale = 'fr-FR';
    assert.match(
      speechOf(await skillHarness().invoke(unknown)),
      /^Photo Frame shows your photos on a screen/,
    );
  });

  it('HelpIntent explains with an example and asks', async () => {
    const response = await skillHarness().invoke(intentEnvelope('AMAZON.HelpIntent'));
    assert.match(speechOf(response), /show beach photos from last summer/);
    assert.equal(response.response.shouldEndSession, false);
  });

  for (const intent of ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent']) {
    it(`${intent} says goodbye and ends the session`, async () => {
      const response = await skillHarness().invoke(intentEnvelope(intent));
      assert.equal(speechOf(response), 'Goodbye.');
      assert.equal(response.response.shouldEndSession, true);
    });
  }

  it('FallbackIntent, and intents without a handler, get the fallback prompt', async () => {
    for (const intent of ['AMAZON.FallbackIntent', 'AMAZON.YesIntent']) {
      const response = await skillHarness().invoke(intentEnvelope(intent));
      assert.match(speechOf(response), /^Sorry, Photo Frame can't help with that\./);
      assert.equal(response.response.shouldEndSession, false);
    }
  });

  it('SessionEndedRequest is logged with its reason and gets an empty response', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      deviceRequestEnvelope({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }),
    );
    assert.deepEqual(response.response, {});
    assert.ok(
      harness.logLines.some(
        (line) => line.message === 'session ended' && line.fields?.reason === 'USER_INITIATED',
      ),
    );
  });

  it('APL RuntimeError is logged with the device errors', async () => {
    const harness = skillHarness();
    const errors = [{ type: 'LIST_ERROR', reason: 'LOAD_TIMEOUT', listId: 'ss_x', message: 'timed out' }];
    const response = await harness.invoke(
      deviceRequestEnvelope({
        type: 'Alexa.Presentation.APL.RuntimeError',
        token: 'photo-slideshow',
        errors,
      }),
    );
    assert.deepEqual(response.response, {});
    const logged = harness.logLines.find((line) => line.message === 'APL runtime error');
    assert.deepEqual(logged?.fields?.errors, errors);
  });
});
