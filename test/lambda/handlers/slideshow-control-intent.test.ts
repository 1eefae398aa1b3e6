import assert from 'node:assert/strict';
import type { interfaces, RequestEnvelope } from 'ask-sdk-model';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope } from '../../../tools/alexa-simulator/envelope';
import { skillHarness, speechOf } from '../helpers/skill-harness';

type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;

/** An intent spoken while the slideshow shows photo ph_7 (the visual context carries our document's token). */
function whileShowing(intent: string, onScreen = true): RequestEnvelope {
  return buildRequestEnvelope({
    device: findDevice('Echo Show 8'),
    heard: { type: 'IntentRequest', intent: { name: intent, confirmationStatus: 'NONE', slots: {} } },
    locale: 'en-US',
    contextPhotoId: onScreen ? 'ph_7' : undefined,
  });
}

describe('slideshow controls (Next, Previous, StartOver, Pause, Resume)', () => {
  // Each runs the document's own command, the same one its tap and remote-key handlers run.
  for (const [intent, command] of [
    ['AMAZON.NextIntent', 'SlideshowNext'],
    ['AMAZON.PreviousIntent', 'SlideshowPrevious'],
    ['AMAZON.StartOverIntent', 'SlideshowStartOver'],
    ['AMAZON.PauseIntent', 'SlideshowPause'],
    ['AMAZON.ResumeIntent', 'SlideshowResume'],
  ] as const) {
    it(`${intent} on screen → pager commands on the slideshow's token, no speech`, async () => {
      const response = await skillHarness().invoke(whileShowing(intent));
      const directives = response.response.directives ?? [];
      assert.equal(directives.length, 1);
      const execute = directives[0] as ExecuteCommands;
      assert.equal(execute.type, 'Alexa.Presentation.APL.ExecuteCommands');
      assert.equal(execute.token, 'photo-slideshow');
      assert.deepEqual(execute.commands, [{ type: command }]);
      assert.equal(response.response.outputSpeech, undefined);
      assert.equal(response.response.shouldEndSession, undefined);
    });
  }

  it('with no slideshow on screen says so and asks what to show', async () => {
    const response = await skillHarness().invoke(whileShowing('AMAZON.NextIntent', false));
    assert.match(speechOf(response), /no slideshow on the screen/);
    assert.equal(response.response.shouldEndSession, false);
    assert.deepEqual(response.response.directives ?? [], []);
  });
});
