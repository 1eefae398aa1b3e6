import type { RequestHandler } from 'ask-sdk-core';
import { enUS } from '../i18n/en-US';
import { isIntent } from './matchers';

/** NavigateHome is normally handled by the device, but some devices send it: leaving the skill is the answer. */
export const stopOrCancelIntentHandler: RequestHandler = {
  canHandle: (input) =>
    isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle: ({ responseBuilder }) =>
    responseBuilder.speak(enUS.goodbye).withShouldEndSession(true).getResponse(),
};
