import { getLocale, type RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import { MAX_PAGE_SIZE } from '../../common/contracts';
import { buildSendIndexListData } from '../apl/slideshow-directives';
import type { SkillDeps } from '../skill-deps';
import { ownerIdOf } from '../util/request-attributes';
import { isRequestType } from './matchers';

/**
 * The pager nears the end of what it has: fetch that page of the slideshow from the display service. Requests may
 * start before 0 ("indexes -2..2"); the slideshow starts at 0, so the range is cut there.
 */
export function loadIndexListDataHandler(deps: Pick<SkillDeps, 'display'>): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'Alexa.Presentation.APL.LoadIndexListData'),
    handle: async (input) => {
      const { requestEnvelope, responseBuilder } = input;
      const request = requestEnvelope.request as interfaces.alexa.presentation.apl.LoadIndexListDataEvent;
      const end = request.startIndex + request.count;
      const start = Math.max(0, request.startIndex);
      const count = Math.min(MAX_PAGE_SIZE, Math.max(1, end - start));
      const page = await deps.display.getSlideshowPage(ownerIdOf(input), request.listId, start, count);
      return responseBuilder
        .addDirective(
          buildSendIndexListData(page, request.correlationToken, request.listId, {
            locale: getLocale(requestEnvelope),
          }),
        )
        .getResponse();
    },
  };
}
