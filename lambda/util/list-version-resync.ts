import type { HandlerInput } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { reportedListVersions } from '../apl/list-version-errors';
import { requestFactsOf } from './request-attributes';
import { saveListLedger, trackedLedgerOf } from './slideshow-lists';

/**
 * Sets each tracked list's count to the version the device reports, so the next load or update is exactly one
 * above it. Without this, one lost answer would leave every later payload waiting for a version that never comes,
 * and the slideshow would stop loading. Lists the skill does not track (another owner's, or long gone) are left
 * alone, and so is everything without an owner to read the ledger of.
 *
 * What the count cannot recover: whether a dropped payload was a deletion. The ledger keeps the deletion; should the
 * device have dropped it, later pages are read one photo further along than the device expects from there on.
 */
export async function resyncListVersions(
  input: HandlerInput,
  deps: { logger: Logger },
  errors: readonly interfaces.alexa.presentation.apl.RuntimeError[] | undefined,
): Promise<void> {
  if (!requestFactsOf(input).user) return;
  for (const [listId, version] of reportedListVersions(errors)) {
    const ledger = await trackedLedgerOf(input, listId);
    if (!ledger || ledger.version === version) continue;
    deps.logger.info('list version put right from the device', { listId, from: ledger.version, to: version });
    await saveListLedger(input, deps, { ...ledger, version });
  }
}
