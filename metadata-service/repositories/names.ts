import { createHash } from 'node:crypto';

/**
 * How people and album names are compared and spoken: lower-case, accents and punctuation dropped, single spaces.
 * "José-María" and "jose maria" are one person; it is also the synonym speech recognition is biased towards.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Ids derived from owner and normalized name: ingest workers agree on them without a round trip. */
export function personIdFor(ownerId: string, normalizedName: string): string {
  return `pe_${digest(`person\n${ownerId}\n${normalizedName}`)}`;
}

export function albumIdFor(ownerId: string, normalizedName: string): string {
  return `al_${digest(`album\n${ownerId}\n${normalizedName}`)}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}
