import type { RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { isRequestType } from './matchers';

/** The device reports APL problems (bad list data, failed loads) only through this request: log them all. */
export function aplRuntimeErrorHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'Alexa.Presentation.APL.RuntimeError'),
    handle: ({ requestEnvelope, responseBuilder }) => {
      const request = requestEnvelope.request as interfaces.alexa.presentation.apl.RuntimeErrorEvent;
      logger.warn('APL runtime error', { token: request.token, errors: request.errors });
      return responseBuilder.getResponse();
    },
  };
}
