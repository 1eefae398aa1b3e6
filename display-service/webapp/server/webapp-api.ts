import express, { type Request, type Router } from 'express';
import { answerNothingFound, nothingFoundSentence } from '../../../common/answers/nothing-found-answer';
import { scopesAllow, type RequiredScope } from '../../../common/auth/scopes';
import {
  personUpdateSchema,
  photoFlagsSchema,
  type PhotoQuery,
  type PhotoSummary,
  type SearchRequest,
} from '../../../common/contracts';
import { parseInput } from '../../../common/validation';
import { frameErrors } from '../../frame/server/frame-errors';
import type { FramePairings } from '../../frame/server/frame-pairings';
import type { FrameSessions } from '../../frame/server/frame-sessions';
import { assertClipShareInput } from '../../profiles/clip-share-input';
import type { FrameProfiles } from '../../profiles/frame-profiles';
import type { WebAppLibrary } from './webapp-library';
import {
  deviceQuerySchema,
  linkRequestSchema,
  profileRequestSchema,
  searchRequestSchema,
  type WebAppSearchRequest,
} from './webapp-requests';
import type { WebAppStatusSource } from './webapp-status';
import { webAppErrors } from './webapp-errors';

/** Sizes of the signed pictures the web app shows: grid thumbnails and the photo page. */
export type PictureSize = 'thumb' | 'large';

export interface WebAppApiServices {
  library: WebAppLibrary;
  status: WebAppStatusSource;
  sessions: FrameSessions;
  pairings: FramePairings;
  profiles: FrameProfiles;
  /** A signed, expiring rendition URL of one of the owner's photos. */
  pictureUrl(ownerId: string, photoId: string, size: PictureSize): string;
  /** ms clock */
  now: () => number;
}

const PAGE = 60;

/**
 * The web app's JSON API (`/app/api`): every route is for the owner of the page's session (the frame's same-origin
 * cookie, never a token in a URL) and needs the scope the same work needs on `/v1`; no session, 401.
 */
export function webAppApi(services: WebAppApiServices): Router {
  const { library, profiles, pairings } = services;
  const api = express.Router();
  api.use(express.json({ limit: '16kb' }));
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const ownerFor = async (
    req: Request,
    scope: RequiredScope,
  ): Promise<{ ownerId: string; actor: string }> => {
    const session = await services.sessions.read(req);
    if (!session) throw frameErrors.sessionRequired();
    if (!scopesAllow(session.scopes ?? ['display'], scope)) throw webAppErrors.scopeForbidden(scope);
    return { ownerId: session.ownerId, actor: session.credentialId };
  };

  api.get('/status', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'library:read');
    res.json(await services.status(ownerId));
  });

  api.post('/search', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'library:read');
    const request = parseInput(searchRequestSchema, req.body);
    const answer = await library.search(ownerId, searchOf(request, services.now()));
    const nothingFound =
      answer.total === 0 && answer.nothingFound
        ? nothingFoundSentence(
            answerNothingFound(answer.nothingFound, { text: request.q ?? '', understood: answer.understood }),
          )
        : null;
    res.json({
      total: answer.total,
      understood: answer.understood ?? [],
      nothingFound,
      nextCursor: answer.nextCursor ?? null,
      photos: answer.photos.map((photo) => tile(photo, services.pictureUrl(ownerId, photo.id, 'thumb'))),
    });
  });

  api.get('/browse', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'library:read');
    const vocabulary = await library.vocabulary(ownerId);
    res.json({ albums: vocabulary.albums, labels: vocabulary.labels.slice(0, 100) });
  });

  api.get('/photos/:id', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'library:read');
    const photoId = req.params.id ?? '';
    const [facts, faces] = await Promise.all([
      library.getPhoto(ownerId, photoId),
      library.facesInPhoto(ownerId, photoId),
    ]);
    res.json({ facts, faces: faces.faces, url: services.pictureUrl(ownerId, photoId, 'large') });
  });

  api.patch('/photos/:id/flags', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'library:write');
    const flags = parseInput(photoFlagsSchema, req.body);
    res.json(await library.setPhotoFlags(ownerId, req.params.id ?? '', flags));
  });

  // Split: this face is not that person; it leaves the person for good.
  api.delete('/photos/:id/faces/:faceId', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'library:write');
    res.json(await library.removePhotoFace(ownerId, req.params.id ?? '', req.params.faceId ?? ''));
  });

  api.get('/people', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'library:read');
    res.json({ people: await library.listPeople(ownerId) });
  });

  api.get('/people/:id/face', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'library:read');
    const jpeg = await library.personFace(ownerId, req.params.id ?? '');
    res.set('Cache-Control', 'private, max-age=300').type('image/jpeg').send(jpeg);
  });

  // Name, rename, merge (naming a person with another person's name merges them) and hide.
  api.patch('/people/:id', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'library:write');
    const update = parseInput(personUpdateSchema, req.body);
    res.json(await library.updatePerson(ownerId, req.params.id ?? '', update));
  });

  api.get('/frames', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'display');
    res.json({
      accounts: pairings.accountsEnabled,
      // What a frame whose profile sets no clip share plays (AMBIENT_CLIP_SHARE), for the settings form.
      defaultClipSharePercent: profiles.defaultClipSharePercent,
      frames: await profiles.listFrames(ownerId),
    });
  });

  api.post('/frames/link', async (req, res) => {
    const { ownerId, actor } = await ownerFor(req, 'display');
    if (!pairings.accountsEnabled) throw webAppErrors.accountsOff();
    const { code } = parseInput(linkRequestSchema, req.body);
    res.json(await pairings.link(ownerId, code, actor));
  });

  api.delete('/frames/:frameId/link', async (req, res) => {
    const { ownerId, actor } = await ownerFor(req, 'display');
    await pairings.unlink(ownerId, req.params.frameId ?? '', actor);
    await profiles.remove(ownerId, `web-frame:${req.params.frameId ?? ''}`);
    res.status(204).end();
  });

  api.put('/frames/profile', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'display');
    assertClipShareInput(req.body);
    const { deviceId, settings, timeZone } = parseInput(profileRequestSchema, req.body);
    res.json(await profiles.save(ownerId, deviceId, settings, timeZone));
  });

  api.delete('/frames/profile', async (req, res) => {
    const { ownerId } = await ownerFor(req, 'display');
    const { deviceId } = parseInput(deviceQuerySchema, req.query);
    if (!(await profiles.remove(ownerId, deviceId))) throw frameErrors.frameNotFound();
    res.status(204).end();
  });

  return api;
}

/** Free text as the skill reads it; browsing as the structured query it is. Newest first, a page at a time. */
function searchOf(request: WebAppSearchRequest, now: number): SearchRequest {
  const page = { limit: PAGE, ...(request.cursor === undefined ? {} : { cursor: request.cursor }) };
  if (request.q !== undefined) {
    return {
      ...page,
      q: request.q,
      reference: new Date(now).toISOString(),
      ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
    };
  }
  const query: Partial<PhotoQuery> = { order: 'newest' };
  if (request.personId !== undefined) query.people = [request.personId];
  if (request.albumId !== undefined) query.albums = [request.albumId];
  if (request.favourites === true) query.favoritesOnly = true;
  if (request.year !== undefined) {
    query.takenFrom = `${request.year}-01-01T00:00:00`;
    query.takenTo = `${request.year + 1}-01-01T00:00:00`;
  }
  return { ...page, query };
}

function tile(photo: PhotoSummary, url: string): Record<string, unknown> {
  return { id: photo.id, takenLocal: photo.takenLocal, width: photo.width, height: photo.height, url };
}
