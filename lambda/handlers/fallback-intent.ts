import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { enUS } from '../i18n/en-US';

/**
 * AMAZON.FallbackIntent, and any intent no earlier handler claimed (e.g. a built-in added to the model before
 * its handler exists). Registered last, so it never shadows a specific handler.
 */
export const fallbackIntentHandler: RequestHandler = {
  canHandle: ({ requestEnvelope }) => getRequestType(requestEnvelope) === 'IntentRequest',
  handle: ({ responseBuilder }) =>
    responseBuilder.speak(enUS.fallback).reprompt(enUS.whatToSee).getResponse(),
};
