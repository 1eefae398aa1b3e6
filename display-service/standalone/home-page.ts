import type { RequestHandler } from 'express';
import { renderHomePage } from '../../common/http/home-page';
import { NotReadyError } from '../../common/readiness';

/**
 * `GET /` of `npm run start:display`: this process's state and links to the health endpoints. It holds no owner
 * data (the display serves no pages of its own here: frames are served by a host with sessions), so it is open
 * like /healthz.
 */
export function displayHomePage(ready: () => Promise<void>): RequestHandler {
  return (_req, res) => {
    ready().then(
      () => send([]),
      (error: unknown) =>
        send(error instanceof NotReadyError ? [...error.reasons] : ['display is not ready']),
    );
    function send(notReady: string[]): void {
      const page = renderHomePage({
        title: 'Photo Frame display tier',
        facts: [
          { label: 'Status', value: 'ok' },
          {
            label: 'Ready',
            value: notReady.length === 0 ? 'yes' : `no: ${notReady.join('; ')}`,
            warning: notReady.length > 0,
          },
          { label: 'Process', value: String(process.pid) },
        ],
        links: [
          { href: '/healthz', label: '/healthz' },
          { href: '/readyz', label: '/readyz' },
          { href: '/metrics', label: '/metrics', note: 'summed over every worker process' },
          { href: '/v1/display', label: '/v1/display', note: 'the display API (needs a credential)' },
        ],
      });
      res.set('cache-control', 'no-store').type('html').send(page);
    }
  };
}
