import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import type { MetricsSource } from './metrics-source';

/** GET /metrics for a Prometheus scrape. When the metrics cannot be gathered the scrape fails with a 503. */
export function metricsRoute(source: MetricsSource): RequestHandler {
  return (_req, res, next) => {
    source.text().then(
      (text) => {
        res.type(source.contentType).send(text);
      },
      (cause: unknown) =>
        next(
          new AppError({
            status: 503,
            code: 'METRICS_UNAVAILABLE',
            publicMessage: 'Metrics could not be gathered right now; try again shortly',
            cause,
          }),
        ),
    );
  };
}
