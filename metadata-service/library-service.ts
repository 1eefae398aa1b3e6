import { notFound } from '../common/errors';
import type { LibraryApi } from '../common/clients/library-client';
import {
  ownerIdSchema,
  photoIdSchema,
  searchRequestSchema,
  type PhotoFacts,
  type SearchResponse,
  type Vocabulary,
} from '../common/contracts';
import { parseInput } from '../common/validation';
import type { PhotoRepository } from './repositories/photo-repository';

/** The library's read operations: what other tiers call (LibraryApi) plus the voice-biasing lists. */
export interface LibraryService extends LibraryApi {
  vocabulary(ownerId: string): Promise<Vocabulary>;
}

/**
 * The library's read operations, validated at this boundary whether they arrive over HTTP or in-process.
 * An unknown id and another owner's id answer the same 404: the library never reveals that a photo exists.
 */
export function createLibraryService(repository: PhotoRepository): LibraryService {
  return {
    async search(ownerId, request): Promise<SearchResponse> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const { query, limit, offset, cursor } = parseInput(searchRequestSchema, request);
      return repository.search(owner, query, { limit, offset, cursor });
    },
    async getPhoto(ownerId, photoId): Promise<PhotoFacts> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const facts = photoIdSchema.safeParse(photoId).success
        ? await repository.getPhoto(owner, photoId)
        : undefined;
      if (!facts) throw notFound('PHOTO_NOT_FOUND', 'No such photo');
      return facts;
    },
    async vocabulary(ownerId): Promise<Vocabulary> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      return repository.vocabulary(owner);
    },
  };
}
