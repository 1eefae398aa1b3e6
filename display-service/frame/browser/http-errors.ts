/*
 * How the frame's API calls fail, kept apart from the client that makes them: no DOM or fetch types here, so the
 * decisions made on these errors (session-recovery.ts) are unit-tested under Node.
 */

/** The server answered, with an error: `transient` ones (5xx, 429) are worth retrying, the rest are not. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  get transient(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}

/** The server could not be reached at all (stopped, restarting, network down, timed out). */
export class NetworkError extends Error {}

export function httpErrorOf(status: number, text: string): HttpError {
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return new HttpError(status, error?.code ?? 'HTTP_ERROR', error?.message ?? `HTTP ${status}`);
  } catch {
    return new HttpError(status, 'HTTP_ERROR', `HTTP ${status}`);
  }
}
