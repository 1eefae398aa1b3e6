import type { RequestHandler } from 'ask-sdk-core';
import { stringsOf } from '../i18n';
import { isRequestType } from './matchers';

export const launchRequestHandler: RequestHandler = {
  canHandle: (input) => isRequestType(input, 'LaunchRequest'),
  handle: (input) => {
    const strings = stringsOf(input);
    return input.responseBuilder.speak(strings.welcome).reprompt(strings.whatToSee).getResponse();
  },
};
