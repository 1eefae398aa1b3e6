import type { ErrorHandler } from 'ask-sdk-core';
import { isAppError } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { stringsOf } from '../i18n';

/** Last resort for anything a handler threw: apologise in speech, keep the details in the log. */
export function errorHandler(logger: Logger): ErrorHandler {
  return {
    canHandle: () => true,
    handle: ({ requestEnvelope, responseBuilder }, error) => {
      logger.error('skill request failed', {
        code: isAppError(error) ? error.code : 'UNEXPECTED',
        requestType: requestEnvelope.request.type,
        requestId: requestEnvelope.request.requestId,
        error,
      });
      return responseBuilder
        .speak(stringsOf({ requestEnvelope }).apology)
        .withShouldEndSession(true)
        .getResponse();
    },
  };
}
