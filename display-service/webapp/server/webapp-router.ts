import express, { type Request, type Response, type Router } from 'express';
import { errorMiddleware } from '../../../common/http/error-middleware';
import type { Logger } from '../../../common/logger';
import { assetRoute, assetVersions } from '../../frame/server/asset-route';
import type { BrowserBundles } from '../../frame/server/browser-bundle';
import { pageSecurityHeaders } from '../../frame/server/pages';
import { webAppApi, type WebAppApiServices } from './webapp-api';
import { ICON_SIZES, ICON_SVG, iconPng, webAppManifest } from './webapp-icons';
import { webAppPage } from './webapp-page';

export interface WebAppServices extends WebAppApiServices {
  bundles: BrowserBundles;
  logger: Logger;
  /** Origin rendition URLs point at (images may come from there). */
  renditionOrigin: string;
  /** The owner the page is for, as the frame admits its pages (session renewed; loopback gets one); else undefined. */
  pageOwner(req: Request, res: Response): Promise<string | undefined>;
}

/**
 * The web app for the library, mounted at `/` (issue 15.3): the page and its bundle, the manifest and icons, and its
 * API under `/app/api`. Behind the frame's same-origin session: a browser without one is sent to sign in.
 */
export function createWebAppRouter(services: WebAppServices): Router {
  const router = express.Router();

  router.get('/', async (req, res) => {
    if ((await services.pageOwner(req, res)) === undefined) {
      res.redirect(303, `/frame/sign-in?next=${encodeURIComponent('/')}`);
      return;
    }
    const versions = await assetVersions(services.bundles, 'webapp');
    res.set({
      'Cache-Control': 'no-cache',
      'Content-Type': 'text/html; charset=utf-8',
      ...pageSecurityHeaders(services.renditionOrigin, { inlineStyles: false }),
    });
    res.send(webAppPage(versions));
  });
  router.get('/app.js', assetRoute(services.bundles, 'webapp', 'js'));
  router.get('/app.css', assetRoute(services.bundles, 'webapp', 'css'));
  router.get('/manifest.webmanifest', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('application/manifest+json').send(webAppManifest());
  });
  router.get('/icon.svg', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').type('image/svg+xml').send(ICON_SVG);
  });
  for (const size of ICON_SIZES) {
    router.get(`/icon-${size}.png`, async (_req, res) => {
      res
        .set('Cache-Control', 'public, max-age=86400')
        .type('image/png')
        .send(await iconPng(size));
    });
  }
  router.use('/app/api', webAppApi(services), errorMiddleware(services.logger));
  return router;
}
