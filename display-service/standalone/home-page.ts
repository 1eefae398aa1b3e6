import type { RequestHandler } from 'express';
import { tierHomePage } from '../../common/http/home-page';

/**
 * `GET /` of `npm run start:display`: readiness, the process and links to the health endpoints. The display
 * serves no pages of its own here (frames are served by a host with sessions), so there is no owner data to guard.
 */
export function displayHomePage(ready: () => Promise<void>): RequestHandler {
  return tierHomePage({
    title: 'Photo Frame display tier',
    ready,
    notReady: 'display is not ready',
    links: [
      { href: '/healthz', label: '/healthz' },
      { href: '/readyz', label: '/readyz' },
      { href: '/metrics', label: '/metrics', note: 'summed over every worker process' },
      { href: '/v1/display', label: '/v1/display', note: 'the display API (needs a credential)' },
    ],
  });
}
