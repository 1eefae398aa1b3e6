import { createHash } from 'node:crypto';

/**
 * How Alexa identities become library owner ids (ownerIdSchema: 1–255 of [A-Za-z0-9._:-]).
 *
 * - A linked account: `lwa_<LWA user_id>` (e.g. `lwa_amzn1.account.K2LI23KL2LK2`); a user_id outside the
 *   character set is replaced by its SHA-256 (hex, 32 chars) so the id stays stable and valid.
 * - A recognised speaker who linked personally (person.accessToken): `<account owner>.person_<16 hex of
 *   SHA-256(personId)>`. The suffix is what makes the library person-level even when the household shares one
 *   Amazon account (the common case: one account, several voice profiles); the hash keeps Alexa's up-to-255-char
 *   personId inside the owner id's length and character set.
 */
const SAFE_USER_ID = /^[A-Za-z0-9._:-]{1,200}$/;

export function accountOwnerId(lwaUserId: string): string {
  return `lwa_${SAFE_USER_ID.test(lwaUserId) ? lwaUserId : sha256Hex(lwaUserId).slice(0, 32)}`;
}

export function personOwnerId(accountOwner: string, personId: string): string {
  return `${accountOwner}.person_${sha256Hex(personId).slice(0, 16)}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
