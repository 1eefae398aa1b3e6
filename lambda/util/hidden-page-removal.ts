import type { HandlerInput } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { advanced, deviceIndexOf } from '../apl/list-ledger';
import { buildDeleteListItem } from '../apl/list-update-directives';
import { listVersionOnScreen } from './list-version-on-screen';
import type { ChosenPhoto } from './photo-on-screen';
import { listLedgerOf, saveListLedger } from './slideshow-lists';

type UpdateIndexListDataDirective = interfaces.alexa.presentation.apl.UpdateIndexListDataDirective;

/**
 * The update that takes the page of a just-hidden photo out of the device's loaded list, so the slideshow never
 * comes back to it (its rendition URL is refused from now on: at best a blank page when the slideshow loops or the
 * user goes back). Pages the device loads later come from the display service and are mapped past it (list-ledger).
 *
 * A pair's page goes as a whole: keeping its other photo would need a single-photo rendition of it, which only the
 * display service can sign and no display API offers yet, and the pair's composed rendition is refused as soon as
 * either of its photos is hidden.
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
): Promise<UpdateIndexListDataDirective | undefined> {
  const page = chosen.page;
  if (!page) return undefined;
  const ledger = await listLedgerOf(input, page.listId);
  const deviceIndex = deviceIndexOf(ledger, page.index);
  if (deviceIndex === undefined) return undefined;
  const reported = listVersionOnScreen(input.requestEnvelope, page.listId);
  const listVersion = Math.max(ledger.version, reported ?? 0) + 1;
  await saveListLedger(input, deps, advanced(ledger, listVersion, page.index));
  return buildDeleteListItem(page.listId, listVersion, deviceIndex);
}
