import { createLibraryHttpClient, type LibraryApi } from '../../../common/clients/library-client';
import {
  OWNER_HEADER,
  peopleResponseSchema,
  photoFactsSchema,
  type Person,
  type PhotoFacts,
} from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import { authorizationHeader, fetchJson, type HttpClientOptions } from '../../../common/http/json-client';

/**
 * The library as the web app needs it: what the frame uses, plus the owner's people with a face picture of each and
 * taking a wrong face off a person. The embedded stack passes its in-process library; a display on its own talks
 * to the library's HTTP API with its service credential, for the session's owner.
 */
export interface WebAppLibrary extends LibraryApi {
  listPeople(ownerId: string): Promise<Person[]>;
  /** A JPEG crop of the person's most typical face. */
  personFace(ownerId: string, personId: string): Promise<Buffer>;
  /** "Not this person": the face leaves its person, for good (split). */
  removePhotoFace(ownerId: string, photoId: string, faceId: string): Promise<PhotoFacts>;
}

/** `baseUrl` is the library prefix, e.g. `http://library:8081/v1/library`. */
export function createWebAppLibraryHttpClient(
  baseUrl: string,
  options: HttpClientOptions = {},
): WebAppLibrary {
  const root = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5000;
  const auth = authorizationHeader(options.credential);
  const headers = (ownerId: string): Record<string, string> => ({ ...auth, [OWNER_HEADER]: ownerId });
  return {
    ...createLibraryHttpClient(baseUrl, options),
    listPeople: async (ownerId) =>
      (await fetchJson(`${root}/people`, peopleResponseSchema, { headers: headers(ownerId), timeoutMs }))
        .people,
    personFace: async (ownerId, personId) => {
      const response = await fetch(`${root}/people/${encodeURIComponent(personId)}/face`, {
        headers: headers(ownerId),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        throw new AppError({
          status: response.status === 404 ? 404 : 502,
          code: response.status === 404 ? 'PERSON_FACE_NOT_FOUND' : 'LIBRARY_UNAVAILABLE',
          publicMessage:
            response.status === 404 ? 'No face of this person was found' : 'The library did not answer',
        });
      }
      return Buffer.from(await response.arrayBuffer());
    },
    removePhotoFace: (ownerId, photoId, faceId) =>
      fetchJson(
        `${root}/photos/${encodeURIComponent(photoId)}/faces/${encodeURIComponent(faceId)}`,
        photoFactsSchema,
        { method: 'DELETE', headers: headers(ownerId), timeoutMs },
      ),
  };
}
