import { AppError, type AppErrorOptions } from '../../common/errors';

/**
 * How long a client should wait before asking again after a transient rendition failure. Long enough for a store
 * blip or a queue burst to pass without every frame retrying at once; short enough that a slideshow barely stalls.
 */
export const RETRY_AFTER_SECONDS = 5;

/** A 503 the client may retry: the HTTP layer sends `Retry-After` from `retryAfterSeconds`. */
export class RetryableError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(options: AppErrorOptions & { retryAfterSeconds?: number }) {
    super(options);
    this.retryAfterSeconds = options.retryAfterSeconds ?? RETRY_AFTER_SECONDS;
  }
}

/** Seconds for a `Retry-After` header, when the error is one a client should retry. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  return error instanceof RetryableError ? error.retryAfterSeconds : undefined;
}

/** Where a rendition was when its deadline passed; each has its own stable code. */
export type DeadlinePhase = 'queued' | 'reading-original' | 'rendering';

/**
 * Errors of the original stores and of the rendition deadline. Public messages name no host, bucket or path:
 * those stay in `cause`, for the log.
 */
export const storeErrors = {
  /** The store did not answer (refused, reset, DNS, 5xx): 503, not a 500, because it is someone else's outage. */
  unavailable: (cause: unknown): RetryableError =>
    new RetryableError({
      status: 503,
      code: 'ORIGINAL_STORE_UNAVAILABLE',
      publicMessage: 'The photo store is not answering; try again shortly',
      cause,
    }),
  deadlinePassed: (phase: DeadlinePhase, deadlineMs: number): RetryableError =>
    new RetryableError({
      status: 503,
      ...DEADLINE_ANSWERS[phase],
      cause: new Error(`rendition deadline of ${deadlineMs} ms passed while ${phase}`),
    }),
};

const DEADLINE_ANSWERS: Record<DeadlinePhase, { code: string; publicMessage: string }> = {
  queued: { code: 'RENDER_QUEUE_TIMEOUT', publicMessage: 'The display is busy; try again shortly' },
  'reading-original': {
    code: 'ORIGINAL_STORE_TIMEOUT',
    publicMessage: 'The photo store is answering too slowly; try again shortly',
  },
  rendering: { code: 'RENDER_TIMEOUT', publicMessage: 'Rendering took too long; try again' },
};
