import type { RequestHandler } from 'ask-sdk-core';
import type { Logger } from '../../common/logger';
import { stringsOf } from '../i18n';
import { isSpokenRequest } from '../identity/needs-owner';
import { requestFactsOf } from '../util/request-attributes';

/**
 * Answers every request whose owner could not be identified, before any handler that reads a library:
 * no token or a rejected one → a LinkAccount card in the Alexa app and speech saying so; Login with Amazon down →
 * a short apology without a card (relinking would not help). Never an APL directive. Requests from the device
 * itself (list loads, touch events) can carry no speech or card: they get an empty answer.
 */
export function accountLinkingRequiredHandler(logger: Logger): RequestHandler {
  return {
    canHandle: (input) => {
      const owner = requestFactsOf(input).owner;
      return owner !== undefined && owner.status !== 'resolved';
    },
    handle: (input) => {
      const { requestEnvelope, responseBuilder } = input;
      const owner = requestFactsOf(input).owner;
      logger.info('request without a library owner', {
        requestType: requestEnvelope.request.type,
        status: owner?.status,
        reason: owner?.status === 'link-required' ? owner.reason : undefined,
      });
      if (!isSpokenRequest(requestEnvelope)) return responseBuilder.getResponse();
      const strings = stringsOf(input);
      if (owner?.status === 'link-required') {
        const speech = owner.reason === 'missing-token' ? strings.linkAccount : strings.relinkAccount;
        return responseBuilder.speak(speech).withLinkAccountCard().withShouldEndSession(true).getResponse();
      }
      return responseBuilder.speak(strings.accountCheckUnavailable).withShouldEndSession(true).getResponse();
    },
  };
}
