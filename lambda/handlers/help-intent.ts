import type { RequestHandler } from 'ask-sdk-core';
import { stringsOf } from '../i18n';
import { isIntent } from './matchers';

export const helpIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle: (input) => {
    const strings = stringsOf(input);
    return input.responseBuilder.speak(strings.help).reprompt(strings.whatToSee).getResponse();
  },
};
