import express, { type Request, type Router } from 'express';
import {
  OWNER_HEADER,
  createSlideshowRequestSchema,
  ownerIdSchema,
  pageRequestSchema,
  slideshowIdSchema,
} from '../../common/contracts';
import { errorMiddleware } from '../../common/http/error-middleware';
import type { Logger } from '../../common/logger';
import { parseInput } from '../../common/validation';
import { displayErrors } from '../errors';
import type { RenditionHandler } from './rendition-handler';
import type { SlideshowService } from '../slideshows/slideshow-service';

export interface DisplayRouteServices {
  slideshows: SlideshowService;
  handleRendition: RenditionHandler;
  logger: Logger;
}

/** The display HTTP API, mounted by the lead at `/v1/display`. Handlers only parse, call a service and send. */
export function createDisplayRouter(services: DisplayRouteServices): Router {
  const router = express.Router();
  const json = express.json({ limit: '64kb' });

  router.post('/slideshows', json, async (req, res) => {
    const request = parseInput(createSlideshowRequestSchema, req.body);
    const headerOwner = req.get(OWNER_HEADER);
    if (headerOwner !== undefined && headerOwner !== request.ownerId) throw displayErrors.ownerMismatch();
    res.status(201).json(await services.slideshows.create(request));
  });

  router.get('/slideshows/:slideshowId/items', async (req, res) => {
    const ownerId = readOwnerHeader(req);
    const slideshowId = slideshowIdSchema.safeParse(req.params.slideshowId);
    if (!slideshowId.success) throw displayErrors.slideshowNotFound();
    const { start, count } = parseInput(pageRequestSchema, req.query);
    res.json(await services.slideshows.getPage(ownerId, slideshowId.data, start, count));
  });

  // The rendition handler answers on bare node:http (see rendition-handler.ts); anything it does not claim
  // (other methods, other paths) falls through to the JSON 404.
  router.use('/renditions', (req, res, next) => {
    // Inside this mount req.url is what follows `/renditions`.
    if (!services.handleRendition(req, res, `/renditions${req.url}`)) next();
  });

  router.use(errorMiddleware(services.logger));
  return router;
}

function readOwnerHeader(req: Request): string {
  const parsed = ownerIdSchema.safeParse(req.get(OWNER_HEADER));
  if (!parsed.success) throw displayErrors.ownerHeaderRequired();
  return parsed.data;
}
