import { badRequest, notFound } from '../common/errors';
import type { LibraryApi } from '../common/clients/library-client';
import {
  describePhotosRequestSchema,
  filtersBesideText,
  ownerIdSchema,
  photoFlagsSchema,
  photoIdSchema,
  photoQuerySchema,
  searchRequestSchema,
  type PhotoCaptionFacts,
  type PhotoFacts,
  type SearchResponse,
  type Vocabulary,
} from '../common/contracts';
import { parseInput } from '../common/validation';
import { describeUnderstood } from './query-text/describe-understood';
import { readOwnerText } from './query-text/read-owner-text';
import type { PhotoRepository } from './repositories/photo-repository';

/** What other tiers call (LibraryApi): reads, the voice-biasing lists and the owner's marks on a photo. */
export type LibraryService = LibraryApi;

/**
 * The library's read operations, validated at this boundary whether they arrive over HTTP or in-process.
 * An unknown id and another owner's id answer the same 404: the library never reveals that a photo exists.
 */
export function createLibraryService(repository: PhotoRepository): LibraryService {
  return {
    async search(ownerId, request): Promise<SearchResponse> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const { query, limit, offset, cursor, q, timeZone, hemisphere, reference } = parseInput(
        searchRequestSchema,
        request,
      );
      if (q === undefined) return repository.search(owner, query, { limit, offset, cursor });
      const beside = filtersBesideText(request);
      if (beside.length > 0) {
        throw badRequest(
          'TEXT_WITH_FILTERS',
          `Free text q cannot be combined with query.${beside.join(', query.')}: say it in the text instead`,
        );
      }
      const reading = await readOwnerText(repository, owner, q, {
        timeZone,
        hemisphere,
        reference: reference === undefined ? undefined : new Date(reference),
      });
      const textQuery = photoQuerySchema.parse({
        ...reading.query,
        order: query.order,
        seed: query.seed,
        exclude: query.exclude,
        collapseDuplicates: query.collapseDuplicates,
      });
      const result = await repository.search(owner, textQuery, { limit, offset, cursor });
      return {
        ...result,
        query: textQuery,
        understood: reading.understood.map((item) => ({
          kind: item.kind,
          text: item.text,
          reading: describeUnderstood(item),
        })),
        ignored: reading.ignored,
      };
    },
    async getPhoto(ownerId, photoId): Promise<PhotoFacts> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const facts = photoIdSchema.safeParse(photoId).success
        ? await repository.getPhoto(owner, photoId)
        : undefined;
      if (!facts) throw notFound('PHOTO_NOT_FOUND', 'No such photo');
      return facts;
    },
    async describePhotos(ownerId, photoIds): Promise<PhotoCaptionFacts[]> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const { ids } = parseInput(describePhotosRequestSchema, { ids: photoIds });
      return repository.describePhotos(owner, ids);
    },
    async setPhotoFlags(ownerId, photoId, flags): Promise<PhotoFacts> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const parsed = parseInput(photoFlagsSchema, flags);
      const found =
        photoIdSchema.safeParse(photoId).success && (await repository.setPhotoFlags(owner, photoId, parsed));
      if (!found) throw notFound('PHOTO_NOT_FOUND', 'No such photo');
      return this.getPhoto(owner, photoId);
    },
    async vocabulary(ownerId): Promise<Vocabulary> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      return repository.vocabulary(owner);
    },
  };
}
