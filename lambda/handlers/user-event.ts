import type { RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { isRequestType } from './matchers';

/**
 * The slideshow document sends no events (touch and remote keys are handled inside it), so a UserEvent can only
 * come from an older or foreign document. It is logged and answered with nothing: a device event gets no speech,
 * and must not reach the error handler's spoken apology.
 */
export function userEventHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'Alexa.Presentation.APL.UserEvent'),
    handle: ({ requestEnvelope, responseBuilder }) => {
      const request = requestEnvelope.request as interfaces.alexa.presentation.apl.UserEvent;
      logger.info('APL user event ignored', { token: request.token, arguments: request.arguments });
      return responseBuilder.getResponse();
    },
  };
}
