import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Person credentials look like `pf_<43 base64url chars>`: 256 random bits, recognisable in a leaked log. */
export const PERSON_TOKEN_PREFIX = 'pf_';
const PERSON_TOKEN_PATTERN = /^pf_[A-Za-z0-9_-]{43}$/;

export function newPersonToken(): string {
  return `${PERSON_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** A random secret for a service credential or a session key (256 bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function looksLikePersonToken(token: string): boolean {
  return PERSON_TOKEN_PATTERN.test(token);
}

/** Only this is stored: a 256-bit token needs no salt or slow hash, and a lookup by hash leaks nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two secrets in time independent of where they differ (both are hashed to the same length first). */
export function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(presented).digest(),
    createHash('sha256').update(expected).digest(),
  );
}
