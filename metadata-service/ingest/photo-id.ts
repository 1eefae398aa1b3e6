import { createHash } from 'node:crypto';

/**
 * Short, url-safe, stable photo id. Derived from owner and content, so re-ingesting the same bytes (even after a
 * move) keeps the id that slideshows and "what is this photo?" already refer to, and two owners never share one.
 */
export function photoIdFor(ownerId: string, contentHash: string): string {
  const digest = createHash('sha256').update(`${ownerId}\n${contentHash}`).digest('base64url');
  return `ph_${digest.slice(0, 20)}`;
}
