import { getLocale, type RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import { MAX_PAGE_SIZE, type SlideshowPage } from '../../common/contracts';
import { buildSendIndexListData } from '../apl/slideshow-directives';
import { playsVideo } from '../apl/video-support';
import type { SkillDeps } from '../skill-deps';
import { ownerIdOf } from '../util/request-attributes';
import { isRequestType } from './matchers';

/**
 * The pager nears the end of what it has: fetch that page of the slideshow from the display service. Requests may
 * start before 0 ("indexes -2..2"); the slideshow starts at 0, so the range is cut there.
 *
 * For the ambient frame this is also the only news of where the device is (the document sends no events, and the
 * frame outlives its session), so a load further ahead than the saved position saves it: the first index the device
 * had not loaded yet. Re-opening then goes on with photos never shown, skipping at most the few loaded ahead.
 */
export function loadIndexListDataHandler(deps: Pick<SkillDeps, 'display' | 'logger'>): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'Alexa.Presentation.APL.LoadIndexListData'),
    handle: async (input) => {
      const { requestEnvelope, responseBuilder } = input;
      const request = requestEnvelope.request as interfaces.alexa.presentation.apl.LoadIndexListDataEvent;
      const end = request.startIndex + request.count;
      const start = Math.max(0, request.startIndex);
      const count = Math.min(MAX_PAGE_SIZE, Math.max(1, end - start));
      const ownerId = ownerIdOf(input);
      const page = await deps.display.getSlideshowPage(ownerId, request.listId, start, count);
      if (movesAmbientForward(page, start)) {
        await deps.display.saveAmbientPosition(ownerId, request.listId, start).catch((error: unknown) => {
          deps.logger.warn('ambient position not saved', {
            slideshowId: request.listId,
            index: start,
            error,
          });
        });
      }
      return responseBuilder
        .addDirective(
          buildSendIndexListData(page, request.correlationToken, request.listId, {
            locale: getLocale(requestEnvelope),
            video: playsVideo(requestEnvelope),
          }),
        )
        .getResponse();
    },
  };
}

/** An ambient page the device loads ahead of its saved position (loads behind it are the user paging back). */
function movesAmbientForward(page: SlideshowPage, start: number): boolean {
  return page.endless === true && page.items.length > 0 && start > (page.position ?? 0);
}
