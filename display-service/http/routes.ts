import express, { type Request, type Router } from 'express';
import {
  MAX_VIEWPORT_EDGE,
  MIN_VIEWPORT_EDGE,
  OWNER_HEADER,
  createSlideshowRequestSchema,
  ownerIdSchema,
  pageRequestSchema,
  photoIdSchema,
  slideshowIdSchema,
} from '../../common/contracts';
import { badRequest } from '../../common/errors';
import { errorMiddleware } from '../../common/http/error-middleware';
import type { Logger } from '../../common/logger';
import { parseInput } from '../../common/validation';
import { displayErrors } from '../errors';
import type { RenditionService } from '../renditions/rendition-service';
import { RENDITION_FORMAT, type ReceivedRenditionUrl } from '../renditions/rendition-url';
import type { SlideshowService } from '../slideshows/slideshow-service';

export interface DisplayRouteServices {
  slideshows: SlideshowService;
  renditions: RenditionService;
  logger: Logger;
}

// No leading zeros, so one size has exactly one spelling (and one signature).
const SIZE_FILE_PATTERN = /^([1-9]\d{1,3})x([1-9]\d{1,3})\.([a-z]+)$/;

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

  router.get('/renditions/:photoId/:sizeFile', async (req, res) => {
    // Set first so a browser-based frame can read error bodies too.
    res.set('Access-Control-Allow-Origin', '*');
    const received = parseRenditionUrl(req);
    const result = await services.renditions.serve(received, req.get('if-none-match'));
    res.set({
      ETag: result.etag,
      'Cache-Control': `public, max-age=${result.maxAgeSeconds}, immutable`,
    });
    if (result.kind === 'not-modified') {
      res.status(304).end();
      return;
    }
    res.type('image/jpeg').send(result.jpeg);
  });

  router.use(errorMiddleware(services.logger));
  return router;
}

function readOwnerHeader(req: Request): string {
  const parsed = ownerIdSchema.safeParse(req.get(OWNER_HEADER));
  if (!parsed.success) throw displayErrors.ownerHeaderRequired();
  return parsed.data;
}

/** Path parameters are validated here; the signed query parameters are left raw for the signature check. */
function parseRenditionUrl(req: Request<{ photoId: string; sizeFile: string }>): ReceivedRenditionUrl {
  const photoId = parseInput(photoIdSchema, req.params.photoId, 'INVALID_PHOTO_ID');
  const match = SIZE_FILE_PATTERN.exec(req.params.sizeFile);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  const format = match?.[3];
  if (format !== RENDITION_FORMAT || !withinViewport(width) || !withinViewport(height)) {
    throw badRequest(
      'INVALID_RENDITION_SIZE',
      `Rendition must be <width>x<height>.${RENDITION_FORMAT} with edges ${MIN_VIEWPORT_EDGE}..${MAX_VIEWPORT_EDGE}`,
    );
  }
  const { owner, shape, exp, sig } = req.query;
  return { photoId, width, height, format, owner, shape, exp, sig };
}

function withinViewport(edge: number): boolean {
  return Number.isInteger(edge) && edge >= MIN_VIEWPORT_EDGE && edge <= MAX_VIEWPORT_EDGE;
}
