import type { RequestHandler } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { stringsOf } from '../i18n';
import { saveUserSettings } from '../util/user-context';
import { tell } from './answers';
import { isIntent } from './matchers';

const LOOP_ON = 'AMAZON.LoopOnIntent';
const LOOP_OFF = 'AMAZON.LoopOffIntent';

/**
 * "Loop on/off": kept as the user's choice. A slideshow's end behaviour is fixed when it is rendered (the document
 * reads it from the slideshow's facts, which no command can change), so it applies from the next slideshow on,
 * and speech says so. Loop off: the slideshow stays on its last photo instead of starting over.
 */
export const loopIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, LOOP_ON, LOOP_OFF),
  handle: async (input) => {
    const on = (input.requestEnvelope.request as IntentRequest).intent.name === LOOP_ON;
    await saveUserSettings(input, { loop: on });
    return tell(input, stringsOf(input).loopSaved(on));
  },
};
