import type { RequestHandler } from 'ask-sdk-core';
import { stringsOf } from '../i18n';
import { isIntent } from './matchers';

/** NavigateHome is normally handled by the device, but some devices send it: leaving the skill is the answer. */
export const stopOrCancelIntentHandler: RequestHandler = {
  canHandle: (input) =>
    isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle: (input) =>
    input.responseBuilder.speak(stringsOf(input).goodbye).withShouldEndSession(true).getResponse(),
};
