import type { ErrorHandler } from 'ask-sdk-core';
import { isAppError } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { stringsOf } from '../i18n';
import { isServiceUnavailable } from '../../common/service-unavailable';

/**
 * Last resort for anything a handler threw: apologise in speech, keep the details in the log. A library, display or
 * database that does not answer gets its own sentence (try again in a moment); nothing of the error is ever said.
 */
export function errorHandler(logger: Logger): ErrorHandler {
  return {
    canHandle: () => true,
    handle: ({ requestEnvelope, responseBuilder }, error) => {
      const unavailable = isServiceUnavailable(error);
      logger.error(unavailable ? 'skill request failed: a service is unavailable' : 'skill request failed', {
        code: isAppError(error) ? error.code : unavailable ? 'SERVICE_UNAVAILABLE' : 'UNEXPECTED',
        requestType: requestEnvelope.request.type,
        requestId: requestEnvelope.request.requestId,
        error,
      });
      const strings = stringsOf({ requestEnvelope });
      return responseBuilder
        .speak(unavailable ? strings.libraryUnavailable : strings.apology)
        .withShouldEndSession(true)
        .getResponse();
    },
  };
}
