import type { FrameRouteServices } from './frame-router';
import express, { type Router } from 'express';
import { pageRequestSchema } from '../../../common/contracts';
import { errorMiddleware } from '../../../common/http/error-middleware';
import { parseInput } from '../../../common/validation';
import type { PreviewResponse } from '../frame-api-types';
import { assetRoute, assetVersions } from './asset-route';
import { admitPage, identifyFrame } from './frame-identity';
import { previewRequestSchema } from './frame-requests';
import { messagePage, pageSecurityHeaders, previewPage } from './pages';
import { DEFAULT_PREVIEW_DEVICE, PREVIEW_DEVICES, findPreviewDevice } from './preview-devices';
import { createQuerySlideshow } from './query-slideshow';
import { signInRoutes } from './sign-in';

/** The skill shows this many items per page and keeps each photo up this long unless the user changed it. */
const SKILL_PAGE_SIZE = 10;
const SKILL_PAGE_DURATION_MS = 8000;

/** The preview needs exactly what the frame's routes need. */
export type PreviewRouteServices = FrameRouteServices;

/**
 * `/preview?device=Echo%20Show%208&q=…`: what the skill's APL slideshow shows on that device, at its exact pixels:
 * the same playlist (made the same way as SearchPhotosIntent makes it), the same renditions and captions. Without
 * `q`, the device's ambient frame, as "Alexa, open Photo Frame" shows it.
 */
export function createPreviewRouter(services: PreviewRouteServices): Router {
  const { display, library, pairings, bundles, sessions } = services;
  const router = express.Router();
  const json = express.json({ limit: '16kb' });

  router.use(signInRoutes(sessions));
  router.get('/', async (req, res) => {
    if (!(await admitPage(req, res, services))) return;
    const deviceName = typeof req.query.device === 'string' ? req.query.device : DEFAULT_PREVIEW_DEVICE;
    const q = typeof req.query.q === 'string' && req.query.q.trim() !== '' ? req.query.q.trim() : undefined;
    res.set({
      'Cache-Control': 'no-cache',
      'Content-Type': 'text/html; charset=utf-8',
      ...pageSecurityHeaders(services.renditionOrigin, { inlineStyles: true }),
    });
    let device;
    try {
      device = findPreviewDevice(deviceName);
    } catch {
      const known = PREVIEW_DEVICES.map((d) => d.name).join(', ');
      res.status(400).send(messagePage('Unknown device', `Known devices: ${known}.`));
      return;
    }
    const versions = await assetVersions(bundles, 'preview');
    res.send(previewPage({ base: req.baseUrl, ...versions }, device, q));
  });
  router.get('/preview.js', assetRoute(bundles, 'preview', 'js'));
  router.get('/preview.css', assetRoute(bundles, 'preview', 'css'));

  router.post('/api/slideshow', json, async (req, res) => {
    const identity = await identifyFrame(req, pairings, sessions);
    const request = parseInput(previewRequestSchema, req.body);
    const device = findPreviewDevice(request.device);
    // Its own device id: previewing never moves the real frame's ambient position.
    const deviceId = `${identity.deviceId}:preview:${device.name.replace(/\s+/g, '-').toLowerCase()}`;
    const viewport = { width: device.width, height: device.height, shape: device.shape };
    const timeZone = request.timeZone === undefined ? {} : { timeZone: request.timeZone };
    const page =
      request.q === undefined
        ? await display.startAmbient({
            ownerId: identity.ownerId,
            deviceId,
            viewport,
            memories: true,
            pageSize: SKILL_PAGE_SIZE,
            ...timeZone,
          })
        : await createQuerySlideshow(
            { library, display },
            {
              ownerId: identity.ownerId,
              deviceId,
              q: request.q,
              viewport,
              shuffle: false,
              pageSize: SKILL_PAGE_SIZE,
              now: new Date(services.now()),
              ...timeZone,
            },
          );
    const body: PreviewResponse = {
      device,
      page,
      pageDurationMs: SKILL_PAGE_DURATION_MS,
      source: request.q === undefined ? 'ambient' : 'query',
    };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.get('/api/slideshows/:slideshowId/items', async (req, res) => {
    const { ownerId } = await identifyFrame(req, pairings, sessions);
    const { start, count } = parseInput(pageRequestSchema, req.query);
    res.set('Cache-Control', 'no-store');
    res.json(await display.getSlideshowPage(ownerId, req.params.slideshowId ?? '', start, count));
  });

  router.use(errorMiddleware(services.logger));
  return router;
}
