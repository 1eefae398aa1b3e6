import { getLocale, type RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import { MAX_PAGE_SIZE, type SlideshowPage } from '../../common/contracts';
import { advanced, removedFrom, slideshowIndexAt, toDevicePage } from '../apl/list-ledger';
import { buildSendIndexListData } from '../apl/slideshow-directives';
import { playsVideo } from '../apl/video-support';
import type { SkillDeps } from '../skill-deps';
import { listVersionOnScreen } from '../util/list-version-on-screen';
import { ownerIdOf } from '../util/request-attributes';
import { listLedgerOf, saveListLedger } from '../util/slideshow-lists';
import { isRequestType } from './matchers';

/**
 * The pager nears the end of what it has: fetch that page of the slideshow from the display service. Requests may
 * start before 0 ("indexes -2..2"); the slideshow starts at 0, so the range is cut there.
 *
 * For the ambient frame this is also the only news of where the device is (the document sends no events, and the
 * frame outlives its session), so a load further ahead than the saved position saves it: the first index the device
 * had not loaded yet. Re-opening then goes on with photos never shown, skipping at most the few loaded ahead.
 *
 * Every answer carries the list's next listVersion (see buildSendIndexListData for why), counted in the owner's
 * stored list ledger: loads arrive without a session, long after the one that rendered the list has ended.
 */
export function loadIndexListDataHandler(deps: Pick<SkillDeps, 'display' | 'logger'>): RequestHandler {
  return {
    canHandle: (input) => isRequestType(input, 'Alexa.Presentation.APL.LoadIndexListData'),
    handle: async (input) => {
      const { requestEnvelope, responseBuilder } = input;
      const request = requestEnvelope.request as interfaces.alexa.presentation.apl.LoadIndexListDataEvent;
      const end = request.startIndex + request.count;
      const deviceStart = Math.max(0, request.startIndex);
      const count = Math.min(MAX_PAGE_SIZE, Math.max(1, end - deviceStart));
      const ownerId = ownerIdOf(input);
      const ledger = await listLedgerOf(input, request.listId);
      // The device asks in its own indices, which photos hidden from this list have shifted down.
      const start = slideshowIndexAt(ledger, deviceStart);
      const readCount = Math.min(MAX_PAGE_SIZE, count + removedFrom(ledger, start));
      const page = await deps.display.getSlideshowPage(ownerId, request.listId, start, readCount);
      if (movesAmbientForward(page, start)) {
        await deps.display.saveAmbientPosition(ownerId, request.listId, start).catch((error: unknown) => {
          deps.logger.warn('ambient position not saved', {
            slideshowId: request.listId,
            index: start,
            error,
          });
        });
      }
      // The device's own report, when the request carries one, is the truth; the ledger covers requests without.
      const reported = listVersionOnScreen(requestEnvelope, request.listId);
      const listVersion = Math.max(ledger.version, reported ?? 0) + 1;
      await saveListLedger(input, deps, advanced(ledger, listVersion));
      return responseBuilder
        .addDirective(
          buildSendIndexListData(
            toDevicePage(page, ledger, deviceStart, count),
            request.correlationToken,
            request.listId,
            listVersion,
            { locale: getLocale(requestEnvelope), video: playsVideo(requestEnvelope) },
          ),
        )
        .getResponse();
    },
  };
}

/** An ambient page the device loads ahead of its saved position (loads behind it are the user paging back). */
function movesAmbientForward(page: SlideshowPage, start: number): boolean {
  return page.endless === true && page.items.length > 0 && start > (page.position ?? 0);
}
