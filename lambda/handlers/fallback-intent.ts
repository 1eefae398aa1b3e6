import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { stringsOf } from '../i18n';

/**
 * AMAZON.FallbackIntent, and any intent no earlier handler claimed (e.g. a built-in added to the model before
 * its handler exists). Registered last, so it never shadows a specific handler.
 */
export const fallbackIntentHandler: RequestHandler = {
  canHandle: ({ requestEnvelope }) => getRequestType(requestEnvelope) === 'IntentRequest',
  handle: (input) => {
    const strings = stringsOf(input);
    return input.responseBuilder.speak(strings.fallback).reprompt(strings.whatToSee).getResponse();
  },
};
