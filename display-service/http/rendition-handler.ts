import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, isAppError, toErrorBody } from '../../common/errors';
import type { Logger } from '../../common/logger';
import { isServiceUnavailable } from '../../common/service-unavailable';
import type { RenditionResponse, RenditionService } from '../renditions/rendition-service';
import { RetryableError, retryAfterSecondsOf } from '../renditions/store-errors';
import { parseRenditionRequest } from './parse-rendition-request';

/** Renditions never change under their URL (the cache key names the content), so caches may keep them. */
export const RENDITION_CACHE_CONTROL = 'public, max-age=31536000, immutable';

const COMMON_HEADERS = {
  // Browser-based clients (the APL simulator) must be able to read images and error bodies.
  'Access-Control-Allow-Origin': '*',
  // The format is negotiated on Accept, so shared caches must key on it.
  Vary: 'Accept',
} as const;
const COMMON_HEADER_LIST: readonly string[] = Object.entries(COMMON_HEADERS).flat();

/**
 * Serves GET/HEAD of a rendition on bare node:http, without express: a cache hit is a few microseconds of work,
 * and express's per-request overhead would otherwise dominate it. Used by the display router and, mounted in
 * front of express, by a composition root that wants the full speed (`Display.handleRenditionRequest`).
 * `pathAndQuery` is relative to the display mount (`/renditions/...`). Returns false when it is not a rendition.
 */
export type RenditionHandler = (req: IncomingMessage, res: ServerResponse, pathAndQuery: string) => boolean;

export function createRenditionHandler(renditions: RenditionService, logger: Logger): RenditionHandler {
  return function handleRendition(req: IncomingMessage, res: ServerResponse, pathAndQuery: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const headers = { accept: req.headers.accept, ifNoneMatch: req.headers['if-none-match'] };
    const recent = renditions.serveRecent(pathAndQuery, headers);
    if (recent) {
      send(req, res, recent);
      return true;
    }
    let received;
    try {
      received = parseRenditionRequest(pathAndQuery);
    } catch (error) {
      sendRenditionError(res, error, logger);
      return true;
    }
    if (!received) return false;
    renditions
      .serve(received, headers, pathAndQuery)
      .then((result) => send(req, res, result))
      .catch((error: unknown) => sendRenditionError(res, error, logger));
    return true;
  };
}

function send(req: IncomingMessage, res: ServerResponse, result: RenditionResponse): void {
  // A flat [name, value, ...] list: the cheapest form for node:http, on the path every cache hit takes.
  const headers = [...COMMON_HEADER_LIST, 'ETag', result.etag, 'Cache-Control', RENDITION_CACHE_CONTROL];
  if (result.kind === 'not-modified') {
    res.writeHead(304, headers).end();
    return;
  }
  headers.push('Content-Type', result.contentType, 'Content-Length', String(result.body.length));
  res.writeHead(200, headers);
  // HEAD: the same headers (Content-Length included), no body.
  res.end(req.method === 'HEAD' ? undefined : result.body);
}

/**
 * Same envelope and codes as common/http/error-middleware: `{error:{code,message}}`, internals only in the log. A
 * rendition not yet made needs the photo's facts from the library: while its database is down or restarting
 * (ECONNREFUSED, 57P03 "shutting down"…) that is 503 SERVICE_UNAVAILABLE with Retry-After, as on every other route,
 * not a 500 (`npm run bench:load` found it during a PostgreSQL restart).
 */
export function sendRenditionError(res: ServerResponse, error: unknown, logger: Logger): void {
  const appError = isAppError(error)
    ? error
    : isServiceUnavailable(error)
      ? new RetryableError({
          status: 503,
          code: 'SERVICE_UNAVAILABLE',
          publicMessage: 'The photo library is not reachable right now; try again shortly',
          cause: error,
        })
      : new AppError({ status: 500, code: 'INTERNAL', publicMessage: 'Internal error', cause: error });
  if (appError.status >= 500) logger.error('rendition failed', { code: appError.code, error });
  else logger.debug('rendition rejected', { code: appError.code });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(toErrorBody(appError));
  const retryAfter = retryAfterSecondsOf(appError);
  res
    .writeHead(appError.status, {
      ...COMMON_HEADERS,
      ...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }),
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    })
    .end(body);
}
