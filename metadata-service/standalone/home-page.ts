import type { RequestHandler } from 'express';
import { tierHomePage } from '../../common/http/home-page';
import type { IngestSnapshot } from '../../server/ingest-status';

/**
 * `GET /` of `npm run start:library`: readiness, the process, the startup ingest when there is one, and links to
 * the API description and the health endpoints (no owner data, so open like /healthz).
 */
export function libraryHomePage(
  ready: () => Promise<void>,
  ingest: () => IngestSnapshot | undefined,
): RequestHandler {
  return tierHomePage({
    title: 'Photo Frame library tier',
    ready,
    notReady: 'library is not ready',
    facts: () => {
      const snapshot = ingest();
      if (snapshot === undefined) return [{ label: 'Startup ingest', value: 'none (PHOTOS_DIR unset)' }];
      const value =
        snapshot.state === 'failed'
          ? `failed: ${snapshot.reason ?? 'unknown reason'}`
          : `${snapshot.state} (${snapshot.done} of ${snapshot.total})`;
      return [{ label: 'Startup ingest', value, warning: snapshot.state === 'failed' }];
    },
    links: [
      { href: '/v1/library/openapi.json', label: 'Library API (OpenAPI)', note: 'needs a credential' },
      { href: '/healthz', label: '/healthz' },
      { href: '/readyz', label: '/readyz' },
      { href: '/metrics', label: '/metrics', note: 'summed over every worker process' },
    ],
  });
}
