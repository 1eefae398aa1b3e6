import type { RequestHandler } from 'ask-sdk-core';
import { enUS } from '../i18n/en-US';
import { isRequestType } from './matchers';

export const launchRequestHandler: RequestHandler = {
  canHandle: (input) => isRequestType(input, 'LaunchRequest'),
  handle: ({ responseBuilder }) => responseBuilder.speak(enUS.welcome).reprompt(enUS.whatToSee).getResponse(),
};
