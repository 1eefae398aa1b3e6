import { authorizationHeader, fetchJson, type HttpClientOptions } from '../http/json-client';
import {
  OWNER_HEADER,
  describePhotosResponseSchema,
  personSchema,
  photoFacesSchema,
  photoFactsSchema,
  searchResponseSchema,
  vocabularySchema,
  type PhotoCaptionFacts,
  type PhotoFacts,
  type Person,
  type PersonUpdate,
  type PhotoFaces,
  type PhotoFlags,
  type SearchRequest,
  type SearchResponse,
  type Vocabulary,
} from '../contracts';

/** The library as other tiers see it. Served over HTTP under `/v1/library`. */
export interface LibraryApi {
  search(ownerId: string, request: SearchRequest): Promise<SearchResponse>;
  getPhoto(ownerId: string, photoId: string): Promise<PhotoFacts>;
  /** Caption facts for up to 1000 photos, in the order asked; ids that are not the owner's are left out. */
  describePhotos(ownerId: string, photoIds: readonly string[]): Promise<PhotoCaptionFacts[]>;
  /** Favourite/unfavourite, hide/unhide one of the owner's photos; answers its facts afterwards. */
  setPhotoFlags(ownerId: string, photoId: string, flags: PhotoFlags): Promise<PhotoFacts>;
  /** The owner's people, albums and labels with counts and synonyms, for speech biasing. */
  vocabulary(ownerId: string): Promise<Vocabulary>;
  /** Names ("this is Mom") and/or hides a person; naming may merge it into the person of that name (new id). */
  updatePerson(ownerId: string, personId: string, update: PersonUpdate): Promise<Person>;
  /** The faces in a photo with their people ("who is this?"). */
  facesInPhoto(ownerId: string, photoId: string): Promise<PhotoFaces>;
}

/** `baseUrl` is the library prefix, e.g. `http://127.0.0.1:8080/v1/library`. */
export function createLibraryHttpClient(baseUrl: string, options: HttpClientOptions = {}): LibraryApi {
  const root = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5000;
  const auth = authorizationHeader(options.credential);
  return {
    search: (ownerId, request) =>
      fetchJson(`${root}/search`, searchResponseSchema, {
        method: 'POST',
        body: request,
        headers: { ...auth, [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
    getPhoto: (ownerId, photoId) =>
      fetchJson(`${root}/photos/${encodeURIComponent(photoId)}`, photoFactsSchema, {
        headers: { ...auth, [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
    describePhotos: async (ownerId, photoIds) =>
      (
        await fetchJson(`${root}/photos/describe`, describePhotosResponseSchema, {
          method: 'POST',
          body: { ids: photoIds },
          headers: { ...auth, [OWNER_HEADER]: ownerId },
          timeoutMs,
        })
      ).photos,
    setPhotoFlags: (ownerId, photoId, flags) =>
      fetchJson(`${root}/photos/${encodeURIComponent(photoId)}/flags`, photoFactsSchema, {
        method: 'PATCH',
        body: flags,
        headers: { ...auth, [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
    vocabulary: (ownerId) =>
      fetchJson(`${root}/vocabulary`, vocabularySchema, {
        headers: { ...auth, [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
    updatePerson: (ownerId, personId, update) =>
      fetchJson(`${root}/people/${encodeURIComponent(personId)}`, personSchema, {
        method: 'PATCH',
        body: update,
        headers: { ...auth, [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
    facesInPhoto: (ownerId, photoId) =>
      fetchJson(`${root}/photos/${encodeURIComponent(photoId)}/faces`, photoFacesSchema, {
        headers: { ...auth, [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
  };
}
