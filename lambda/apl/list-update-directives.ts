import type { interfaces } from 'ask-sdk-model';
import { LAST_INDEX_BINDING, SLIDESHOW_PAGER_ID, SLIDESHOW_TOKEN } from './slideshow-document';

type UpdateIndexListDataDirective = interfaces.alexa.presentation.apl.UpdateIndexListDataDirective;
type Command = interfaces.alexa.presentation.apl.Command;

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

/**
 * Goes with the deletion of slideshow item `deletedIndex`: if that item was the last one the document loops after
 * (its `lastIndex`), the loop now wraps after `keptBeforeIndex`, the nearest item before it still in the list
 * (list-ledger.ts keptBefore). Without it the document would wait forever for a page with the deleted index.
 *
 * The test runs on the device (`when`) rather than in the skill: the ledger does not keep the slideshow's total,
 * and the document alone knows whether it wraps at all (a slideshow that must not wrap has a `lastIndex` no item
 * reaches, which then stays). Repeated deletions at the end each move it one kept item further down.
 */
export function buildListEndUpdate(deletedIndex: number, keptBeforeIndex: number): Command {
  const setValue = {
    type: 'SetValue',
    componentId: SLIDESHOW_PAGER_ID,
    property: LAST_INDEX_BINDING,
    value: keptBeforeIndex,
    when: `\${${LAST_INDEX_BINDING} == ${deletedIndex}}`,
  };
  // ask-sdk-model types SetValue's value only as a string; a number binding takes the number itself.
  return setValue as unknown as Command;
}
