import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry } from 'prom-client';

/** Upper bounds (seconds) of the request-latency histogram: a search on a large index takes tens of ms. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Methods a route can be asked with; anything else is counted as OTHER so a client cannot mint label values. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * What an operator watches on a library server: requests by route pattern (never the raw path, which carries
 * photo ids), method and status, and how long they took. A registry of its own per library, like the display's
 * DisplayMetrics, so `/metrics` can serve it next to the process metrics.
 */
export class LibraryMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'photoframe_library_requests_total',
    help: 'Library API requests answered, by route pattern, method and status code.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly seconds = new Histogram({
    name: 'photoframe_library_request_seconds',
    help: 'Time to answer one library API request, by route pattern.',
    labelNames: ['route'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });

  answered(route: string, method: string, status: number, seconds: number): void {
    const verb = METHODS.has(method) ? method : 'OTHER';
    this.requests.inc({ route, method: verb, status: String(status) });
    this.seconds.observe({ route }, seconds);
  }

  /** Counts every request that reaches it once its answer is sent (or the connection closes first). */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      let counted = false;
      const count = () => {
        if (counted) return;
        counted = true;
        // The pattern of the route that answered (`/v1/library/photos/:id`); a request refused before any route
        // (no credential) or matching none shares one series per router.
        const pattern = (req.route as { path?: unknown } | undefined)?.path;
        const route = typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : `${req.baseUrl}/*`;
        this.answered(route, req.method, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
      };
      res.once('finish', count);
      res.once('close', count);
      next();
    };
  }
}
