import { isAppError } from './errors';
import { isStorageUnavailable } from './storage-faults';

/** Statuses another tier answers with when it, or the database behind it, cannot serve right now. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * Node socket errors and PostgreSQL/SQLite codes that mean "the database or the service is not there", as thrown by
 * the in-process tiers (the embedded stack calls them directly, so their raw driver errors reach the skill).
 * PostgreSQL: class 08 connection exceptions, 57P01-57P03 (server shut down / starting), 53300 (too many clients).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

/** node-postgres says so only in words when a pooled connection dies or a connect attempt times out. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (?:is )?(?:closed|ended)/i,
  /Client has encountered a connection error/i,
];

/**
 * True when `error` (or anything in its cause chain) says a tier or its database is unreachable, timed out or
 * answered 502/503/504, or its storage is full or read-only — the outage the skill apologises for without detail —
 * rather than a bug or a refusal.
 */
export function isServiceUnavailable(error: unknown): boolean {
  if (isStorageUnavailable(error)) return true;
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    if (isAppError(current) && UNAVAILABLE_STATUSES.has(current.status)) return true;
    const { name, code, message } = current as { name?: unknown; code?: unknown; message?: unknown };
    if (name === 'TimeoutError' || name === 'AbortError') return true;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message)))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
