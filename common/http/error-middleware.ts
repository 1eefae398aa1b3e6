import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError, toErrorBody } from '../errors';
import type { Logger } from '../logger';
import { isServiceUnavailable } from '../service-unavailable';
import { isStorageUnavailable } from '../storage-faults';

/** How long a client should wait before retrying while a database or tier is down. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Sends AppErrors as `{error:{code,message}}`. A database or tier that is down (a dropped PostgreSQL connection, a
 * refused socket) is 503 SERVICE_UNAVAILABLE with Retry-After, a full or read-only disk under it 503
 * STORAGE_UNAVAILABLE (a longer Retry-After: someone must free space): the client may retry, and it is not a bug. Anything
 * else is logged and answered as a bare 500. Internal messages never reach the body.
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const appError = isAppError(error) ? error : fromExpressError(error);
    if (appError.status >= 500)
      logger.error('request failed', { path: req.path, error, code: appError.code });
    else logger.debug('request rejected', { path: req.path, code: appError.code });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (appError.code === SERVICE_UNAVAILABLE) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (appError.code === STORAGE_UNAVAILABLE)
      res.setHeader('Retry-After', String(STORAGE_RETRY_AFTER_SECONDS));
    res.status(appError.status).json(toErrorBody(appError));
  };
}

const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
const STORAGE_UNAVAILABLE = 'STORAGE_UNAVAILABLE';
const STORAGE_RETRY_AFTER_SECONDS = 60;

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(
    new AppError({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      publicMessage: `No route for ${req.method} ${req.path}`,
    }),
  );
};

/** body-parser errors carry `status` and `type`; keep their status, never their internals. */
function fromExpressError(error: unknown): AppError {
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError({
      status,
      code: 'INVALID_REQUEST_BODY',
      publicMessage: 'Request body could not be read',
      cause: error,
    });
  }
  if (isStorageUnavailable(error)) {
    return new AppError({
      status: 503,
      code: STORAGE_UNAVAILABLE,
      publicMessage:
        'The library cannot store changes right now (its disk is full or read-only); try again later',
      cause: error,
    });
  }
  if (isServiceUnavailable(error)) {
    return new AppError({
      status: 503,
      code: SERVICE_UNAVAILABLE,
      publicMessage: 'The photo library is not reachable right now; try again shortly',
      cause: error,
    });
  }
  return new AppError({ status: 500, code: 'INTERNAL', publicMessage: 'Internal error', cause: error });
}
