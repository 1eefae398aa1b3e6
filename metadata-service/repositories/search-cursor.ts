import { createHash } from 'node:crypto';
import { badRequest, type AppError } from '../../common/errors';
import type { PhotoQuery } from '../../common/contracts';

/**
 * Where a page ended: the last row's sort key (capture-local time, or shuffle position; null for the undated tail)
 * and its id, which breaks ties. The cursor is bound to the owner and query that produced it: used with another
 * owner or another query it is rejected, so it can never reveal or skip another tenant's rows.
 */
export interface SearchPosition {
  key: string | number | null;
  id: string;
}

const VERSION = 1;

export function searchFingerprint(ownerId: string, query: PhotoQuery): string {
  return createHash('sha256')
    .update(`${ownerId}\n${JSON.stringify(query)}`)
    .digest('base64url')
    .slice(0, 16);
}

export function encodeCursor(fingerprint: string, position: SearchPosition): string {
  return Buffer.from(JSON.stringify([VERSION, fingerprint, position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): SearchPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalidCursor();
  const [version, boundTo, key, id] = parsed as unknown[];
  if (version !== VERSION || boundTo !== fingerprint || typeof id !== 'string') throw invalidCursor();
  if (key !== null && typeof key !== 'string' && !(typeof key === 'number' && Number.isSafeInteger(key))) {
    throw invalidCursor();
  }
  return { key, id };
}

function invalidCursor(): AppError {
  return badRequest('INVALID_CURSOR', 'cursor does not belong to this search; start again without it');
}
