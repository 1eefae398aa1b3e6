import express, { type Request, type Router } from 'express';
import {
  ambientPositionRequestSchema,
  createSlideshowRequestSchema,
  frameLinkRequestSchema,
  pageRequestSchema,
  slideshowIdSchema,
  startAmbientRequestSchema,
} from '../../common/contracts';
import { ownerFor, principalOf, requireAuthentication } from '../../common/auth/request-principal';
import { errorMiddleware } from '../../common/http/error-middleware';
import type { Logger } from '../../common/logger';
import { parseInput } from '../../common/validation';
import { displayErrors } from '../errors';
import type { FramePairings } from '../frame/server/frame-pairings';
import type { RenditionHandler } from './rendition-handler';
import type { SlideshowService } from '../slideshows/slideshow-service';

export interface DisplayRouteServices {
  slideshows: SlideshowService;
  frames: FramePairings;
  handleRendition: RenditionHandler;
  /** Signed clip renditions (`/clips/...`), served with Range like renditions, without a credential. */
  handleClip?: RenditionHandler;
  logger: Logger;
}

/**
 * The display HTTP API, mounted by the lead at `/v1/display`. Handlers only parse, call a service and send. Every
 * route but renditions needs a credential (see common/auth): renditions are signed, expiring URLs, a capability of
 * their own that devices fetch without one.
 */
export function createDisplayRouter(services: DisplayRouteServices): Router {
  const router = express.Router();
  const json = express.json({ limit: '64kb' });

  // The rendition handler answers on bare node:http (see rendition-handler.ts); anything it does not claim
  // (other methods, other paths) falls through to the credential check and then the JSON 404.
  router.use('/renditions', (req, res, next) => {
    // Inside this mount req.url is what follows `/renditions`.
    if (!services.handleRendition(req, res, `/renditions${req.url}`)) next();
  });

  router.use('/clips', (req, res, next) => {
    if (!services.handleClip?.(req, res, `/clips${req.url}`)) next();
  });

  router.use(requireAuthentication);

  router.post('/slideshows', json, async (req, res) => {
    const request = parseInput(createSlideshowRequestSchema, req.body);
    ownerFor(req, 'display', request.ownerId);
    res.status(201).json(await services.slideshows.create(request));
  });

  router.get('/slideshows/:slideshowId/items', async (req, res) => {
    const ownerId = ownerFor(req, 'display');
    const slideshowId = readSlideshowId(req);
    const { start, count } = parseInput(pageRequestSchema, req.query);
    res.json(await services.slideshows.getPage(ownerId, slideshowId, start, count));
  });

  // The device's ambient slideshow: created on first use, then resumed; 200 either way (same id every time).
  router.post('/ambient', json, async (req, res) => {
    const request = parseInput(startAmbientRequestSchema, req.body);
    ownerFor(req, 'display', request.ownerId);
    res.json(await services.slideshows.startAmbient(request));
  });

  router.post('/ambient/:slideshowId/position', json, async (req, res) => {
    const ownerId = ownerFor(req, 'display');
    const slideshowId = readSlideshowId(req);
    const { index } = parseInput(ambientPositionRequestSchema, req.body);
    res.json(await services.slideshows.saveAmbientPosition(ownerId, slideshowId, index));
  });

  // The owner links the web frame showing this code (frame accounts); the skill's "link frame 4821" calls it too.
  // The owner is the credential's (a person's own, or the one a service names), never a bare header.
  router.post('/frames/link', json, async (req, res) => {
    const ownerId = ownerFor(req, 'display');
    const { code } = parseInput(frameLinkRequestSchema, req.body);
    res.json(await services.frames.link(ownerId, code, actorOf(req)));
  });

  // Undo a link: the frame stops showing this owner's photos at once.
  router.delete('/frames/:frameId/link', async (req, res) => {
    const ownerId = ownerFor(req, 'display');
    await services.frames.unlink(ownerId, req.params.frameId ?? '', actorOf(req));
    res.status(204).end();
  });

  // Who linked and unlinked this owner's frames, and when.
  router.get('/frames/audit', async (req, res) => {
    const ownerId = ownerFor(req, 'display');
    res.json({ events: await services.frames.auditTrail(ownerId) });
  });

  router.use(errorMiddleware(services.logger));
  return router;
}

/** A malformed id cannot name any slideshow: answered exactly like an unknown one. */
function readSlideshowId(req: Request): string {
  const parsed = slideshowIdSchema.safeParse(req.params.slideshowId);
  if (!parsed.success) throw displayErrors.slideshowNotFound();
  return parsed.data;
}

function actorOf(req: Request): string {
  const principal = principalOf(req);
  return principal?.kind === 'person' ? principal.credentialId : 'service';
}
