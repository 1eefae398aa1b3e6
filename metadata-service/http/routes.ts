import express, { type Request, type Router } from 'express';
import { authErrors } from '../../common/auth/auth-errors';
import type { CredentialRepository } from '../../common/auth/credential-repository';
import { ownerFor, principalOf, requireAuthentication } from '../../common/auth/request-principal';
import {
  describePhotosRequestSchema,
  labelVisibilitySchema,
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
  /** Whether a person credential is still active, for tiers holding sessions made from one (a display on its own). */
  credentials?: Pick<CredentialRepository, 'isActive'>;
}

const WRITE_METHODS = new Set(['PATCH', 'PUT', 'DELETE']);

/** The library HTTP API (mounted at /v1/library): thin adapters from HTTP to the library service. */
export function libraryRoutes({ api, logger, credentials }: LibraryRoutesOptions): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));
  const openApi = libraryOpenApiDocument();

  // Every route needs a credential; a person's acts for its own owner, a service's for the owner it names.
  router.use(requireAuthentication);
  // POSTs here only read (search, describe); PATCH and any future PUT/DELETE change the library.
  const ownerOf = (req: Request): string =>
    ownerFor(req, WRITE_METHODS.has(req.method) ? 'library:write' : 'library:read');

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

  // A wrong label or face removed from one photo stays removed (labels/provenance/); the answer is the photo after.
  router.delete('/photos/:id/labels/:label', async (req, res) => {
    const owner = ownerOf(req);
    res.json(await api.removePhotoLabel(owner, req.params.id, req.params.label));
  });

  router.delete('/photos/:id/faces/:faceId', async (req, res) => {
    const owner = ownerOf(req);
    res.json(await api.removePhotoFace(owner, req.params.id, req.params.faceId));
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

  // "Is this X?" (issue 13): faces that may be a named person, and the owner's yes or no, remembered.
  router.get('/people/:id/suggestions', async (req, res) => {
    const owner = ownerOf(req);
    res.json(await api.personSuggestions(owner, req.params.id));
  });

  router.put('/people/:id/suggestions/:faceId', async (req, res) => {
    const owner = ownerOf(req);
    res.json(await api.answerSuggestion(owner, req.params.id, req.params.faceId, req.body));
  });

  router.get('/vocabulary', async (req, res) => {
    const owner = ownerOf(req);
    res.json(await api.vocabulary(owner));
  });

  // Who the presented credential is (a display on its own checks person credentials here).
  router.get('/credentials/self', (req, res) => {
    res.set('cache-control', 'no-store').json(principalOf(req));
  });

  // Whether a person credential is still active: a display on its own ends a sign-in session made from a revoked
  // one. Tiers only (service credentials): a person learns nothing here about other credentials.
  router.get('/credentials/:id/active', async (req, res) => {
    if (principalOf(req)?.kind !== 'service') throw authErrors.scopeForbidden('service');
    const active = (await credentials?.isActive(req.params.id)) ?? false;
    res.set('cache-control', 'no-store').json({ active });
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  // Errors are answered here so the router keeps its contract wherever it is mounted.
  router.use(errorMiddleware(logger));
  return router;
}
