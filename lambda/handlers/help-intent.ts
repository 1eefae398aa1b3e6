import type { RequestHandler } from 'ask-sdk-core';
import { enUS } from '../i18n/en-US';
import { isIntent } from './matchers';

export const helpIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle: ({ responseBuilder }) => responseBuilder.speak(enUS.help).reprompt(enUS.whatToSee).getResponse(),
};
