import { getRequestType, type RequestInterceptor } from 'ask-sdk-core';
import type { Logger } from '../../common/logger';

export function requestLoggingInterceptor(logger: Logger): RequestInterceptor {
  return {
    process({ requestEnvelope }) {
      const request = requestEnvelope.request;
      logger.debug('alexa request', {
        type: getRequestType(requestEnvelope),
        requestId: request.requestId,
        intent: request.type === 'IntentRequest' ? request.intent.name : undefined,
        locale: request.locale,
      });
    },
  };
}
