import { getRequestType, type ResponseInterceptor } from 'ask-sdk-core';
import type { LibraryApi } from '../../common/clients/library-client';
import type { Logger } from '../../common/logger';
import { buildDynamicEntitiesDirective } from '../dynamic-entities/vocabulary-entities';
import { requestFactsOf } from '../util/request-attributes';

/**
 * Teaches Alexa the owner's own people and albums ("show Grandma's photos", "play the Lake Tahoe album") for the rest
 * of the session: on every LaunchRequest that keeps the session open, and on the first session after account
 * linking even when it opens with a one-shot request (the owner's settings record when they were first sent). The
 * ambient frame's launch and a voice-only launch close the session, so they carry none.
 *
 * Only where the directive is valid and useful: a spoken request that opens a session (never SessionEnded, APL
 * list loads or touch events), an identified owner, and an answer that keeps the session open (a closing answer
 * has no next turn to bias). Failing to build it never fails the answer.
 */
export function dynamicEntitiesInterceptor(
  library: LibraryApi,
  logger: Logger,
  now: () => Date = () => new Date(),
): ResponseInterceptor {
  return {
    async process(input, response) {
      if (!response || response.shouldEndSession === true) return;
      const envelope = input.requestEnvelope;
      const type = getRequestType(envelope);
      const launch = type === 'LaunchRequest';
      if (!launch && !(type === 'IntentRequest' && envelope.session?.new === true)) return;
      const { owner, user } = requestFactsOf(input);
      if (owner?.status !== 'resolved' || !user) return;
      // Settings that could not be read (store down) say nothing about the past: only launches send then.
      const firstSince = (await user.settingsAreStored()) && !(await user.settings()).dynamicEntitiesSentAt;
      if (!launch && !firstSince) return;
      try {
        const directive = buildDynamicEntitiesDirective(await library.vocabulary(owner.ownerId));
        if (!directive) return;
        response.directives = [...(response.directives ?? []), directive];
      } catch (error) {
        logger.warn('dynamic entities not sent', { ownerId: owner.ownerId, error });
        return;
      }
      if (firstSince) {
        await user.save({ dynamicEntitiesSentAt: now().toISOString() }).catch((error: unknown) => {
          logger.warn('could not record that dynamic entities were sent', { ownerId: owner.ownerId, error });
        });
      }
    },
  };
}
