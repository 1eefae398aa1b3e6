import type { interfaces } from 'ask-sdk-model';
import { SLIDESHOW_TOKEN } from './slideshow-document';

type UpdateIndexListDataDirective = interfaces.alexa.presentation.apl.UpdateIndexListDataDirective;

/**
 * Takes one page out of the device's loaded slideshow list. `deviceIndex` is where the device holds it now (after
 * earlier deletions shifted it; see list-ledger.ts), `listVersion` exactly one above the last version the device
 * accepted for the list.
 */
export function buildDeleteListItem(
  listId: string,
  listVersion: number,
  deviceIndex: number,
): UpdateIndexListDataDirective {
  return {
    type: 'Alexa.Presentation.APL.UpdateIndexListData',
    token: SLIDESHOW_TOKEN,
    listId,
    listVersion,
    operations: [{ type: 'DeleteItem', index: deviceIndex }],
  };
}
