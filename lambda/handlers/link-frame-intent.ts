import { getSlotValue, type RequestHandler } from 'ask-sdk-core';
import { FRAME_LINK_CODE_DIGITS } from '../../common/contracts';
import { isAppError } from '../../common/errors';
import { stringsOf } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { ownerIdOf } from '../util/request-attributes';
import { tell } from './answers';
import { isIntent } from './matchers';

export const LINK_FRAME_INTENT = 'LinkFrameIntent';
/** AMAZON.FOUR_DIGIT_NUMBER: the code the web frame shows while it waits for its owner. */
export const FRAME_CODE_SLOT = 'code';

/**
 * "Link frame 4821": the web frame showing that code now shows this owner's photos (display service; codes are
 * single-use, expire and are rate-limited there). Every refusal is said plainly, never as an error.
 */
export function linkFrameIntentHandler(deps: Pick<SkillDeps, 'display'>): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, LINK_FRAME_INTENT),
    handle: async (input) => {
      const strings = stringsOf(input);
      const heard = getSlotValue(input.requestEnvelope, FRAME_CODE_SLOT)?.replace(/\D/g, '') ?? '';
      if (heard.length !== FRAME_LINK_CODE_DIGITS) {
        return input.responseBuilder
          .speak(strings.frameCodeUnclear)
          .reprompt(strings.frameCodeUnclear)
          .getResponse();
      }
      try {
        await deps.display.linkFrame(ownerIdOf(input), heard);
        return tell(input, strings.frameLinked(heard));
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.code === 'FRAME_CODE_INVALID') return tell(input, strings.frameCodeUnknown(heard));
        if (error.code === 'FRAME_LINK_RATE_LIMITED') return tell(input, strings.frameLinkTooManyTries);
        if (error.code === 'FRAME_ACCOUNTS_OFF') return tell(input, strings.frameLinkNotNeeded);
        throw error;
      }
    },
  };
}
