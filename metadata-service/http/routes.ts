import express, { type Request, type Router } from 'express';
import { badRequest } from '../../common/errors';
import {
  OWNER_HEADER,
  describePhotosRequestSchema,
  labelVisibilitySchema,
  ownerIdSchema,
  personUpdateSchema,
  photoFlagsSchema,
  searchRequestSchema,
} from '../../common/contracts';
import { errorMiddleware } from '../../common/http/error-middleware';
import type { Logger } from '../../common/logger';
import { parseInput } from '../../common/validation';
import type { LibraryService } from '../library-service';
import { libraryOpenApiDocument } from './openapi';

export interface LibraryRoutesOptions {
  api: LibraryService;
  logger: Logger;
  /** Owner for requests without the owner header (the embedded single-user stack); unset means the header is required. */
  defaultOwnerId?: string;
}

/** The library HTTP API (mounted at /v1/library): thin adapters from HTTP to the library service. */
export function libraryRoutes({ api, logger, defaultOwnerId }: LibraryRoutesOptions): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));
  const openApi = libraryOpenApiDocument();

  const ownerOf = (req: Request): string => {
    const header = req.get(OWNER_HEADER);
    if (header === undefined || header === '') {
      if (defaultOwnerId !== undefined) return defaultOwnerId;
      throw badRequest('OWNER_REQUIRED', `Header ${OWNER_HEADER} is required`);
    }
    return parseInput(ownerIdSchema, header, 'INVALID_OWNER');
  };

  router.post('/search', async (req, res) => {
    const owner = ownerOf(req);
    const request = parseInput(searchRequestSchema, req.body);
    res.json(await api.search(owner, request));
  });

  // Before /photos/:id so "describe" is never read as a photo id.
  router.post('/photos/describe', async (req, res) => {
    const owner = ownerOf(req);
    const { ids } = parseInput(describePhotosRequestSchema, req.body);
    res.json({ photos: await api.describePhotos(owner, ids) });
  });

  router.patch('/photos/:id/flags', async (req, res) => {
    const owner = ownerOf(req);
    const flags = parseInput(photoFlagsSchema, req.body);
    res.json(await api.setPhotoFlags(owner, req.params.id, flags));
  });

  router.get('/photos/:id', async (req, res) => {
    const owner = ownerOf(req);
    res.json(await api.getPhoto(owner, req.params.id));
  });

  router.get('/photos/:id/faces', async (req, res) => {
    const owner = ownerOf(req);
    res.json(await api.facesInPhoto(owner, req.params.id));
  });

  router.get('/people', async (req, res) => {
    const owner = ownerOf(req);
    res.json({ people: await api.listPeople(owner) });
  });

  router.get('/people/:id', async (req, res) => {
    const owner = ownerOf(req);
    res.json(await api.getPerson(owner, req.params.id));
  });

  router.patch('/labels/:label', async (req, res) => {
    const owner = ownerOf(req);
    const { hidden } = parseInput(labelVisibilitySchema, req.body);
    res.json(await api.setLabelHidden(owner, req.params.label, hidden));
  });

  router.patch('/people/:id', async (req, res) => {
    const owner = ownerOf(req);
    const update = parseInput(personUpdateSchema, req.body);
    res.json(await api.updatePerson(owner, req.params.id, update));
  });

  router.get('/people/:id/face', async (req, res) => {
    const owner = ownerOf(req);
    const jpeg = await api.personFace(owner, req.params.id);
    // The picture changes when clustering finds a more typical face: cache briefly, per user.
    res.set('cache-control', 'private, max-age=300').type('image/jpeg').send(jpeg);
  });

  router.get('/vocabulary', async (req, res) => {
    const owner = ownerOf(req);
    res.json(await api.vocabulary(owner));
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  // Errors are answered here so the router keeps its contract wherever it is mounted.
  router.use(errorMiddleware(logger));
  return router;
}
