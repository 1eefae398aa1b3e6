import type { HandlerInput } from 'ask-sdk-core';
import type { Logger } from '../../common/logger';
import { freshLedger, type ListLedger } from '../apl/list-ledger';
import { MAX_TRACKED_LISTS } from '../persistence/user-settings';
import { userContextOf } from './request-attributes';

/** What the skill has sent to device list `listId`, if it keeps a record of that list. */
export async function trackedLedgerOf(input: HandlerInput, listId: string): Promise<ListLedger | undefined> {
  const lists = (await userContextOf(input).settings()).slideshowLists ?? [];
  return lists.find((ledger) => ledger.listId === listId);
}

/** What the skill has sent to device list `listId`; a fresh ledger when it has no record of that list. */
export async function listLedgerOf(input: HandlerInput, listId: string): Promise<ListLedger> {
  return (await trackedLedgerOf(input, listId)) ?? freshLedger(listId);
}

/** The tracked lists with `ledger` first (newest), its older record dropped and the oldest beyond the cap. */
export function withLedger(lists: readonly ListLedger[] | undefined, ledger: ListLedger): ListLedger[] {
  return [ledger, ...(lists ?? []).filter((other) => other.listId !== ledger.listId)].slice(
    0,
    MAX_TRACKED_LISTS,
  );
}

/**
 * Records what was just sent to a list. A store that cannot be read or written costs only the count: the payload
 * goes out all the same, and the device's RuntimeError (or the next visual context) puts the count right.
 */
export async function saveListLedger(
  input: HandlerInput,
  deps: { logger: Logger },
  ledger: ListLedger,
): Promise<void> {
  const user = userContextOf(input);
  if (!(await user.settingsAreStored())) return;
  const lists = (await user.settings()).slideshowLists;
  await user.save({ slideshowLists: withLedger(lists, ledger) }).catch((error: unknown) => {
    deps.logger.warn('could not record a list version', {
      listId: ledger.listId,
      version: ledger.version,
      error,
    });
  });
}
