import type { Request, RequestHandler, Response } from 'express';
import { renderHomePage, type HomePageView } from '../common/http/home-page';
import type { VisionSettings } from '../metadata-service/library';
import type { IngestSnapshot } from './ingest-status';

/** Where the embedded stack's home page reads what it shows (the same sources as /healthz and /readyz). */
export interface HomePageSources {
  /** The page's owner as the frame admits its pages (display.pageSessionOwner); undefined: sign in first. */
  pageOwner(req: Request, res: Response): Promise<string | undefined>;
  /** What /healthz answers. */
  health(): { status: 'ok' | 'degraded'; ingest: IngestSnapshot };
  /** What /readyz would name as wrong (empty: ready). */
  notReady(): Promise<string[]>;
  /** How many photos the owner has (searchable ones). */
  photoCount(ownerId: string): Promise<number>;
  /** The vision settings the stack runs with; undefined: off. */
  vision: VisionSettings | undefined;
  /** Where browsers that have no session sign in. */
  signInPath: string;
}

/**
 * `GET /` of `npm start`: a small status page (library, ingest and vision state, the owner's photo count) with
 * links to the frame, the preview, the API description and the health endpoints, until the web app exists. The
 * photo count is the owner's, so the page is behind the same session as /frame: opened on this machine it just
 * works, any other browser signs in first.
 */
export function homePage(sources: HomePageSources): RequestHandler {
  return (req, res, next) => {
    void (async () => {
      const ownerId = await sources.pageOwner(req, res);
      if (ownerId === undefined) {
        res.redirect(303, sources.signInPath);
        return;
      }
      const [count, notReady] = await Promise.all([sources.photoCount(ownerId), sources.notReady()]);
      const view = homePageView(ownerId, count, sources.health(), notReady, sources.vision);
      res.set('cache-control', 'no-store').type('html').send(renderHomePage(view));
    })().catch(next);
  };
}

export function homePageView(
  ownerId: string,
  photoCount: number,
  health: { status: 'ok' | 'degraded'; ingest: IngestSnapshot },
  notReady: readonly string[],
  vision: VisionSettings | undefined,
): HomePageView {
  const { ingest } = health;
  return {
    title: 'Photo Frame',
    facts: [
      { label: 'Status', value: health.status, warning: health.status !== 'ok' },
      {
        label: 'Ready',
        value: notReady.length === 0 ? 'yes' : `no: ${notReady.join('; ')}`,
        warning: notReady.length > 0,
      },
      { label: 'Owner', value: ownerId },
      { label: 'Photos', value: `${photoCount} ${photoCount === 1 ? 'photo' : 'photos'}` },
      { label: 'Ingest', value: describeIngest(ingest), warning: ingest.state === 'failed' },
      {
        label: 'Vision',
        value:
          vision === undefined
            ? 'off'
            : vision.provider === 'local'
              ? `local models (${vision.workers} ${vision.workers === 1 ? 'worker' : 'workers'})`
              : 'AWS Rekognition',
      },
    ],
    links: [
      { href: '/frame', label: 'Web frame', note: 'this library as a fullscreen slideshow' },
      { href: '/preview?device=Echo%20Show%208', label: 'Device preview', note: 'what an Echo Show 8 shows' },
      { href: '/v1/library/openapi.json', label: 'Library API (OpenAPI)', note: 'needs a credential' },
      { href: '/healthz', label: '/healthz' },
      { href: '/readyz', label: '/readyz' },
      { href: '/metrics', label: '/metrics' },
    ],
  };
}

function describeIngest(ingest: IngestSnapshot): string {
  const counted = ingest.total > 0 ? ` (${ingest.done} of ${ingest.total} files)` : '';
  if (ingest.state === 'failed') {
    const retry = ingest.retry ? `; next attempt ${ingest.retry.at}` : '';
    return `failed: ${ingest.reason ?? 'unknown reason'}${retry}`;
  }
  return `${ingest.state}${counted}`;
}
