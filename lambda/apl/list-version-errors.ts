import type { interfaces } from 'ask-sdk-model';

type RuntimeError = interfaces.alexa.presentation.apl.RuntimeError;

/**
 * The list errors that mean the skill's count of a list's versions and the device's have parted: a payload at or
 * below the device's version (DUPLICATE_LIST_VERSION, dropped) or one that waited too long for a missing version
 * (MISSING_LIST_VERSION, e.g. a load answer the device never got). APL core reports such errors with the list's
 * version as the device has it (dynamiclistdatasourceprovider.cpp, constructAndReportError with the connection).
 */
const VERSION_REASONS: ReadonlySet<string> = new Set(['DUPLICATE_LIST_VERSION', 'MISSING_LIST_VERSION']);

/** The device's version of each list a version error names (the last error of a list wins: it is the newest). */
export function reportedListVersions(errors: readonly RuntimeError[] | undefined): Map<string, number> {
  const versions = new Map<string, number>();
  for (const error of errors ?? []) {
    if (error.type !== 'LIST_ERROR' || !VERSION_REASONS.has(error.reason)) continue;
    const version = error.listVersion;
    if (typeof version === 'number' && Number.isInteger(version) && version >= 0) {
      versions.set(error.listId, version);
    }
  }
  return versions;
}

/** A RuntimeError that makes the skill put a list's version count right, and so needs the owner's ledger. */
export function carriesListVersion(errors: readonly RuntimeError[] | undefined): boolean {
  return reportedListVersions(errors).size > 0;
}
