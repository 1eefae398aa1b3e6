import type { HandlerInput } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { advanced, deviceIndexOf, keptBefore } from '../apl/list-ledger';
import { buildDeleteListItem, buildListEndUpdate } from '../apl/list-update-directives';
import { listVersionOnScreen } from './list-version-on-screen';
import type { ChosenPhoto } from './photo-on-screen';
import { listLedgerOf, saveListLedger } from './slideshow-lists';

type UpdateIndexListDataDirective = interfaces.alexa.presentation.apl.UpdateIndexListDataDirective;
type Command = interfaces.alexa.presentation.apl.Command;

export interface HiddenPageRemoval {
  /** The deletion from the device's list. */
  update: UpdateIndexListDataDirective;
  /**
   * The document command that moves the loop's end down if the deleted page was the last (list-update-directives.ts
   * buildListEndUpdate); it must run before anything that pages, in the ExecuteCommands of the same response.
   */
  listEnd: Command;
  /**
   * The deleted page was the device's first: APL keeps the pager on page 0, which now shows the photo that followed
   * (PagerComponent::removeChildAfterMarkedRemoved moves back one page only from a later one).
   */
  wasFirstPage: boolean;
}

/**
 * The update that takes the page of a just-hidden photo out of the device's loaded list, so the slideshow never
 * comes back to it (its rendition URL is refused from now on: at best a blank page when the slideshow loops or the
 * user goes back). Pages the device loads later come from the display service and are mapped past it (list-ledger).
 *
 * A pair's page goes as a whole: keeping its other photo would need a single-photo rendition of it, which only the
 * display service can sign and no display API offers yet, and the pair's composed rendition is refused as soon as
 * either of its photos is hidden.
 *
 * When the page was the last one the slideshow loops after, the loop's end moves to the page kept before it
 * (`listEnd`); otherwise the document would wait on its new last page for a page that no longer exists.
 *
 * Undefined when there is nothing to take out: the visual context did not say which page shows the photo (the page
 * index is unknown, e.g. a document rendered before its entities named pages: that skill version answered loads
 * without a listVersion, so the device would refuse any update and fail the list), or that page was already taken
 * out.
 * Then the photo is only hidden in the library, and the document skips its page if it comes round again, because
 * the page's image fails to load.
 */
export async function hiddenPageRemoval(
  input: HandlerInput,
  deps: { logger: Logger },
  chosen: ChosenPhoto,
): Promise<HiddenPageRemoval | undefined> {
  const page = chosen.page;
  if (!page) return undefined;
  const ledger = await listLedgerOf(input, page.listId);
  const deviceIndex = deviceIndexOf(ledger, page.index);
  if (deviceIndex === undefined) return undefined;
  const reported = listVersionOnScreen(input.requestEnvelope, page.listId);
  const listVersion = Math.max(ledger.version, reported ?? 0) + 1;
  const next = advanced(ledger, listVersion, page.index);
  await saveListLedger(input, deps, next);
  return {
    update: buildDeleteListItem(page.listId, listVersion, deviceIndex),
    listEnd: buildListEndUpdate(page.index, keptBefore(next, page.index)),
    wasFirstPage: deviceIndex === 0,
  };
}
