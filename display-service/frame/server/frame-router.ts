import express, { type Router } from 'express';
import type { DisplayApi } from '../../../common/clients/display-client';
import type { LibraryApi } from '../../../common/clients/library-client';
import { pageRequestSchema } from '../../../common/contracts';
import { errorMiddleware } from '../../../common/http/error-middleware';
import type { Logger } from '../../../common/logger';
import { parseInput } from '../../../common/validation';
import { FRAME_TOKEN_HEADER } from '../frame-api-types';
import { assetRoute, assetVersions } from './asset-route';
import type { BrowserBundles } from './browser-bundle';
import { admitPage, identifyFrame } from './frame-identity';
import type { FrameSessions } from './frame-sessions';
import type { FramePairings, FrameSession } from './frame-pairings';
import type { FrameProfiles } from '../../profiles/frame-profiles';
import { frameProfileResponse } from '../../profiles/frame-profile-response';
import {
  ambientFrameRequestSchema,
  framePositionRequestSchema,
  queryFrameRequestSchema,
} from './frame-requests';
import { frameErrors } from './frame-errors';
import { framePage, pageSecurityHeaders } from './pages';
import { createQuerySlideshow } from './query-slideshow';
import { signInRoutes } from './sign-in';

export interface FrameRouteServices {
  display: DisplayApi;
  library: LibraryApi;
  pairings: FramePairings;
  bundles: BrowserBundles;
  logger: Logger;
  /** ms clock */
  now: () => number;
  /** Origin rendition URLs point at (the display's public base URL). */
  renditionOrigin: string;
  /** Same-origin sessions for the pages (see frame-sessions.ts). */
  sessions: FrameSessions;
  /** The owner a page opened on this machine gets a session for (the local stack's PHOTO_OWNER_ID). */
  localOwnerId: string;
  /** Per-frame profiles the owner sets in the web app (display-service/profiles/). */
  profiles: FrameProfiles;
}

/**
 * The web frame, mounted at `/frame`: the page, its bundle, and a small API in which the owner always comes from the
 * frame's pairing (never from the request), so a frame only ever gets signed URLs for its own owner.
 */
export function createFrameRouter(services: FrameRouteServices): Router {
  const { display, library, pairings, bundles, sessions } = services;
  const router = express.Router();
  const json = express.json({ limit: '16kb' });

  router.use(signInRoutes(sessions));
  router.get('/', async (req, res) => {
    if (!(await admitPage(req, res, services))) return;
    const versions = await assetVersions(bundles, 'frame');
    res.set({
      'Cache-Control': 'no-cache',
      'Content-Type': 'text/html; charset=utf-8',
      ...pageSecurityHeaders(services.renditionOrigin, { inlineStyles: false }),
    });
    res.send(framePage({ base: req.baseUrl, ...versions }));
  });
  router.get('/frame.js', assetRoute(bundles, 'frame', 'js'));
  router.get('/frame.css', assetRoute(bundles, 'frame', 'css'));

  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  // A signed-in page is ready; an unlinked frame (accounts on) gets its code; anything else must sign in.
  // A ready frame also learns its profile's version, so a playing frame notices the owner changed it.
  api.post('/session', async (req, res) => {
    let answer: FrameSession;
    if (await sessions.read(req)) answer = { status: 'ready', frameId: null };
    else if (pairings.accountsEnabled) answer = await pairings.session(req.get(FRAME_TOKEN_HEADER));
    else throw frameErrors.sessionRequired();
    if (answer.status !== 'ready') {
      res.json(answer);
      return;
    }
    const { ownerId, deviceId } = await identifyFrame(req, pairings, sessions);
    const profile = await services.profiles.find(ownerId, deviceId);
    res.json(profile === undefined ? answer : { ...answer, profileVersion: profile.version });
  });

  // How the owner set this frame up in the web app; what it shows is applied by the server (ambient, below).
  api.get('/profile', async (req, res) => {
    const { ownerId, deviceId } = await identifyFrame(req, pairings, sessions);
    res.json(frameProfileResponse(await services.profiles.find(ownerId, deviceId)));
  });

  // Ambient: this frame's endless no-repeat shuffle (memories first each day), resumed where it left off.
  api.post('/ambient', json, async (req, res) => {
    const { ownerId, deviceId } = await identifyFrame(req, pairings, sessions);
    const request = parseInput(ambientFrameRequestSchema, req.body);
    res.json(
      await display.startAmbient({
        ownerId,
        deviceId,
        viewport: request.viewport,
        memories: true,
        ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
        pageSize: request.pageSize,
      }),
    );
  });

  api.post('/slideshows', json, async (req, res) => {
    const { ownerId, deviceId } = await identifyFrame(req, pairings, sessions);
    const request = parseInput(queryFrameRequestSchema, req.body);
    const page = await createQuerySlideshow(
      { library, display },
      { ...request, ownerId, deviceId, now: new Date(services.now()) },
    );
    res.status(201).json(page);
  });

  api.get('/slideshows/:slideshowId/items', async (req, res) => {
    const { ownerId } = await identifyFrame(req, pairings, sessions);
    const { start, count } = parseInput(pageRequestSchema, req.query);
    res.json(await display.getSlideshowPage(ownerId, req.params.slideshowId ?? '', start, count));
  });

  api.post('/slideshows/:slideshowId/position', json, async (req, res) => {
    const { ownerId } = await identifyFrame(req, pairings, sessions);
    const { index } = parseInput(framePositionRequestSchema, req.body);
    res.json(await display.saveAmbientPosition(ownerId, req.params.slideshowId ?? '', index));
  });

  router.use('/api', api);
  router.use(errorMiddleware(services.logger));
  return router;
}
