import assert from 'node:assert/strict';
import type { interfaces } from 'ask-sdk-model';
import { SCREEN_DEVICES, VOICE_ONLY_DEVICE, intentEnvelope, intentOnScreen } from '../helpers/envelopes';
import { skillHarness, speechOf } from '../helpers/skill-harness';

type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;

const CONTROLS = [
  ['AMAZON.NextIntent', 'SlideshowNext'],
  ['AMAZON.PreviousIntent', 'SlideshowPrevious'],
  ['AMAZON.StartOverIntent', 'SlideshowStartOver'],
  ['AMAZON.PauseIntent', 'SlideshowPause'],
  ['AMAZON.ResumeIntent', 'SlideshowResume'],
] as const;

describe('slideshow controls (Next, Previous, StartOver, Pause, Resume)', () => {
  // Each runs the document's own command, the same one its tap and remote-key handlers run.
  for (const device of SCREEN_DEVICES) {
    it(`${device}: each control on screen → the document's command on the slideshow's token, no speech`, async () => {
      for (const [intent, command] of CONTROLS) {
        const response = await skillHarness().invoke(intentOnScreen(intent, 'ph_7', {}, device));
        const directives = response.response.directives ?? [];
        assert.equal(directives.length, 1, intent);
        const execute = directives[0] as ExecuteCommands;
        assert.equal(execute.type, 'Alexa.Presentation.APL.ExecuteCommands');
        assert.equal(execute.token, 'photo-slideshow');
        assert.deepEqual(execute.commands, [{ type: command }], intent);
        assert.equal(response.response.outputSpeech, undefined);
        assert.equal(response.response.shouldEndSession, undefined);
      }
    });
  }

  it('with no slideshow on screen says so and asks what to show', async () => {
    const response = await skillHarness().invoke(intentEnvelope('AMAZON.NextIntent'));
    assert.match(speechOf(response), /no slideshow on the screen/);
    assert.equal(response.response.shouldEndSession, false);
    assert.deepEqual(response.response.directives ?? [], []);
  });

  it('on a device without a screen: the same short answer, never an APL directive', async () => {
    for (const [intent] of CONTROLS) {
      const response = await skillHarness().invoke(intentEnvelope(intent, {}, VOICE_ONLY_DEVICE));
      assert.match(speechOf(response), /no slideshow on the screen/, intent);
      assert.deepEqual(response.response.directives ?? [], [], intent);
    }
  });
});
