import type { ResponseInterceptor } from 'ask-sdk-core';
import type { Logger } from '../../common/logger';

export function responseLoggingInterceptor(logger: Logger): ResponseInterceptor {
  return {
    process({ requestEnvelope }, response) {
      logger.debug('alexa response', {
        requestId: requestEnvelope.request.requestId,
        directives: response?.directives?.map((directive) => directive.type) ?? [],
        shouldEndSession: response?.shouldEndSession,
      });
    },
  };
}
