import { fetchJson } from '../http/json-client';
import {
  OWNER_HEADER,
  photoFactsSchema,
  searchResponseSchema,
  type PhotoFacts,
  type SearchRequest,
  type SearchResponse,
} from '../contracts';

/** The library as other tiers see it. Served over HTTP under `/v1/library`. */
export interface LibraryApi {
  search(ownerId: string, request: SearchRequest): Promise<SearchResponse>;
  getPhoto(ownerId: string, photoId: string): Promise<PhotoFacts>;
}

/** `baseUrl` is the library prefix, e.g. `http://127.0.0.1:8080/v1/library`. */
export function createLibraryHttpClient(baseUrl: string, timeoutMs = 5000): LibraryApi {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    search: (ownerId, request) =>
      fetchJson(`${root}/search`, searchResponseSchema, {
        method: 'POST',
        body: request,
        headers: { [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
    getPhoto: (ownerId, photoId) =>
      fetchJson(`${root}/photos/${encodeURIComponent(photoId)}`, photoFactsSchema, {
        headers: { [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
  };
}
