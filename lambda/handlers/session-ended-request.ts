import type { RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { isRequestType } from './matchers';

/** Alexa allows no speech here; the reason (and any error) is worth a log line. */
export function sessionEndedRequestHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'SessionEndedRequest'),
    handle: ({ requestEnvelope, responseBuilder }) => {
      const request = requestEnvelope.request as SessionEndedRequest;
      logger.info('session ended', { reason: request.reason, error: request.error });
      return responseBuilder.getResponse();
    },
  };
}
