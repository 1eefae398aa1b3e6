import type { RequestHandler } from 'express';
import { tierHomePage } from '../../common/http/home-page';

/**
 * `GET /status` of `npm run start:display`: readiness, the process and links to the health endpoints and to the web
 * app at `/` (which is behind the owner's sign-in). No owner data here, so it is open like /healthz.
 */
export function displayHomePage(ready: () => Promise<void>): RequestHandler {
  return tierHomePage({
    title: 'Photo Frame display tier',
    ready,
    notReady: 'display is not ready',
    links: [
      { href: '/', label: '/', note: 'the web app for the library (sign in with an owner credential)' },
      { href: '/frame', label: '/frame', note: 'the web frame' },
      { href: '/healthz', label: '/healthz' },
      { href: '/readyz', label: '/readyz' },
      { href: '/metrics', label: '/metrics', note: 'summed over every worker process' },
      { href: '/v1/display', label: '/v1/display', note: 'the display API (needs a credential)' },
    ],
  });
}
