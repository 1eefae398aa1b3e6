import type { RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { resyncListVersions } from '../util/list-version-resync';
import { isRequestType } from './matchers';

/**
 * The device reports APL problems (bad list data, failed loads) only through this request: log them all, and put
 * a list's version count right when the device says it differs (list-version-resync.ts).
 */
export function aplRuntimeErrorHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'Alexa.Presentation.APL.RuntimeError'),
    handle: async (input) => {
      const request = input.requestEnvelope.request as interfaces.alexa.presentation.apl.RuntimeErrorEvent;
      logger.warn('APL runtime error', { token: request.token, errors: request.errors });
      await resyncListVersions(input, { logger }, request.errors);
      return input.responseBuilder.getResponse();
    },
  };
}
