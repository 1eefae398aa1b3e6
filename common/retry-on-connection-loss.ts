/**
 * PostgreSQL codes and node-postgres messages for a pooled connection that died under a query (the server
 * terminated it, restarted, or the socket dropped). The pool replaces the connection, so the same read, tried once
 * more, normally succeeds: a frame's page request survives a database failover instead of failing.
 */
const CONNECTION_LOST_CODES = new Set(['57P01', '57P02', 'ECONNRESET', 'EPIPE']);
const CONNECTION_LOST_MESSAGES = [/connection terminated/i, /Client has encountered a connection error/i];

export function isConnectionLost(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && CONNECTION_LOST_CODES.has(code)) return true;
  return typeof message === 'string' && CONNECTION_LOST_MESSAGES.some((pattern) => pattern.test(message));
}

/** Attempts after the first; pooled connections killed together are each noticed only when used or reported. */
const RETRIES = 3;
/** Long enough for the pool to process the 'error' events of the other dead idle connections. */
const RETRY_DELAY_MS = 50;

/** Runs an idempotent database read again (up to 3 times) when its connection was lost mid-query. Never for writes. */
export async function retryOnConnectionLoss<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= RETRIES || !isConnectionLost(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  }
}
