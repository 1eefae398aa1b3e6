import { badRequest, notFound } from '../common/errors';
import type { LibraryApi } from '../common/clients/library-client';
import {
  describePhotosRequestSchema,
  faceIdSchema,
  labelNameSchema,
  labelVisibilitySchema,
  filtersBesideText,
  ownerIdSchema,
  personIdSchema,
  personUpdateSchema,
  photoFlagsSchema,
  photoIdSchema,
  photoQuerySchema,
  searchRequestSchema,
  type Person,
  type PhotoCaptionFacts,
  type PhotoFaces,
  type PhotoFacts,
  type PhotoQuery,
  type SearchResponse,
  type Vocabulary,
} from '../common/contracts';
import { parseInput } from '../common/validation';
import type { ProvenanceService } from './labels/provenance/provenance-service';
import type { PeopleService } from './people/people-service';
import { personNotNamed, suggestionAnswerSchema, type PersonSuggestions } from './people/suggestion-contract';
import { describeUnderstood } from './query-text/describe-understood';
import { readOwnerText } from './query-text/read-owner-text';
import { OwnerTextContexts } from './text-context/owner-text-contexts';
import type { PhotoRepository } from './repositories/photo-repository';
import { searchQuery, searchReading, type OwnerNames } from './search/search-with-explanation';

/**
 * What other tiers call (LibraryApi): reads, the voice-biasing lists, the owner's marks on a photo and people;
 * plus what only the library's own HTTP API serves (the people list and face pictures).
 */
export interface LibraryService extends LibraryApi {
  /** The owner's people, most faces first, unnamed face clusters included (name null). */
  listPeople(ownerId: string): Promise<Person[]>;
  getPerson(ownerId: string, personId: string): Promise<Person>;
  /** A 160x160 JPEG of the person's most typical face. */
  personFace(ownerId: string, personId: string): Promise<Buffer>;
  /** "Is this X?": faces that may be this named person but are not in them, closest first. */
  personSuggestions(ownerId: string, personId: string): Promise<PersonSuggestions>;
  /** The owner's answer to one suggestion, remembered; the person after. */
  answerSuggestion(ownerId: string, personId: string, faceId: string, answer: unknown): Promise<Person>;
  /** Hides a label's photos from every search that does not name it (so from frames), or shows them again. */
  setLabelHidden(ownerId: string, label: string, hidden: boolean): Promise<{ hiddenLabels: string[] }>;
  /** Removes a wrong label from one photo for good (no relabelling gives it back); the photo's facts after. */
  removePhotoLabel(ownerId: string, photoId: string, label: string): Promise<PhotoFacts>;
  /** Removes a wrong face (and the person it put there) from one photo for good; the photo's facts after. */
  removePhotoFace(ownerId: string, photoId: string, faceId: string): Promise<PhotoFacts>;
}

/**
 * The library's read operations, validated at this boundary whether they arrive over HTTP or in-process.
 * An unknown id and another owner's id answer the same 404: the library never reveals that a photo exists.
 */
export function createLibraryService(
  repository: PhotoRepository,
  people: PeopleService,
  provenance: ProvenanceService,
  hooks: { onPhotoChanged?: (ownerId: string, photoId: string) => void } = {},
): LibraryService {
  const changed = (ownerId: string, photoId: string): void => hooks.onPhotoChanged?.(ownerId, photoId);
  const photoNotFound = () => notFound('PHOTO_NOT_FOUND', 'No such photo');
  const personNotFound = () => notFound('PERSON_NOT_FOUND', 'No such person');
  const validPersonId = (personId: string) => personIdSchema.safeParse(personId).success;
  const textContexts = new OwnerTextContexts(repository);
  const ownerNames: OwnerNames = {
    personName: async (owner, personId) => (await people.get(owner, personId))?.name ?? undefined,
    albums: (owner) => repository.listAlbums(owner),
  };
  return {
    async search(ownerId, request): Promise<SearchResponse> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const { query, limit, offset, cursor, q, language, timeZone, hemisphere, reference, explain } =
        parseInput(searchRequestSchema, request);
      // With explain: each photo of the page says which constraint it met by what, and where that came from.
      const explained = async (response: SearchResponse, asked: PhotoQuery): Promise<SearchResponse> =>
        explain === true
          ? {
              ...response,
              explanations: await provenance.explain(
                owner,
                response.photos.map((p) => p.id),
                asked,
              ),
            }
          : response;
      const clock = {
        reference: reference === undefined ? new Date() : new Date(reference),
        timeZone: timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      };
      const page = { limit, offset, cursor };
      if (q === undefined)
        return explained(await searchQuery(repository, ownerNames, owner, query, page, clock), query);
      const beside = filtersBesideText(request);
      if (beside.length > 0) {
        throw badRequest(
          'TEXT_WITH_FILTERS',
          `Free text q cannot be combined with query.${beside.join(', query.')}: say it in the text instead`,
        );
      }
      const reading = await readOwnerText(textContexts, owner, q, {
        language,
        timeZone,
        hemisphere,
        reference: clock.reference,
      });
      const textQuery = photoQuerySchema.parse({
        ...reading.query,
        // The text's own order word ("my latest photos") is what the person asked; else the caller's.
        order: reading.query.order ?? query.order,
        seed: query.seed,
        exclude: query.exclude,
        collapseDuplicates: query.collapseDuplicates,
      });
      const result = await explained(
        await searchReading(repository, ownerNames, owner, reading, textQuery, page, clock),
        textQuery,
      );
      return {
        ...result,
        understood: reading.understood.map((item) => ({
          kind: item.kind,
          text: item.text,
          reading: describeUnderstood(item),
        })),
        unmatched: reading.unmatched,
      };
    },
    async getPhoto(ownerId, photoId): Promise<PhotoFacts> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const valid = photoIdSchema.safeParse(photoId).success;
      const [facts, sources] = valid
        ? await Promise.all([repository.getPhoto(owner, photoId), provenance.photoProvenance(owner, photoId)])
        : [undefined, undefined];
      if (!facts) throw photoNotFound();
      return sources ? { ...facts, provenance: sources } : facts;
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
      changed(owner, photoId);
      return this.getPhoto(owner, photoId);
    },
    async vocabulary(ownerId): Promise<Vocabulary> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      return repository.vocabulary(owner);
    },
    async listPeople(ownerId): Promise<Person[]> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      return people.list(owner);
    },
    async getPerson(ownerId, personId): Promise<Person> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const person = validPersonId(personId) ? await people.get(owner, personId) : undefined;
      if (!person) throw personNotFound();
      return person;
    },
    async updatePerson(ownerId, personId, update): Promise<Person> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const parsed = parseInput(personUpdateSchema, update);
      const id = validPersonId(personId) ? await people.update(owner, personId, parsed) : undefined;
      if (id === undefined) throw personNotFound();
      return this.getPerson(owner, id);
    },
    async facesInPhoto(ownerId, photoId): Promise<PhotoFaces> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const faces = photoIdSchema.safeParse(photoId).success
        ? await people.facesInPhoto(owner, photoId)
        : undefined;
      if (!faces) throw notFound('PHOTO_NOT_FOUND', 'No such photo');
      return {
        photoId,
        faces: faces.map((face) => ({
          id: face.id,
          box: face.box,
          score: Math.min(1, Math.max(0, face.score)),
          person: face.person,
        })),
      };
    },
    async personFace(ownerId, personId): Promise<Buffer> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      if (!validPersonId(personId) || !(await people.get(owner, personId))) throw personNotFound();
      const image = await people.faceImage(owner, personId);
      if (!image) throw notFound('PERSON_FACE_NOT_FOUND', 'No face of this person was found in a photo');
      return image;
    },
    async personSuggestions(ownerId, personId): Promise<PersonSuggestions> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      if (!validPersonId(personId)) throw personNotFound();
      const outcome = await people.suggestions(owner, personId);
      if (outcome.kind === 'no-person') throw personNotFound();
      if (outcome.kind === 'not-named') throw personNotNamed();
      return { personId, suggestions: outcome.suggestions };
    },
    async answerSuggestion(ownerId, personId, faceId, answer): Promise<Person> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const { answer: said } = parseInput(suggestionAnswerSchema, answer);
      if (!validPersonId(personId)) throw personNotFound();
      if (!faceIdSchema.safeParse(faceId).success) throw notFound('FACE_NOT_FOUND', 'No such face');
      const outcome = await people.answer(owner, personId, faceId, said === 'yes' ? 'confirmed' : 'rejected');
      if (outcome.kind === 'no-person') throw personNotFound();
      if (outcome.kind === 'not-named') throw personNotNamed();
      if (outcome.kind === 'no-face') throw notFound('FACE_NOT_FOUND', 'No such face');
      return outcome.person;
    },
    async setLabelHidden(ownerId, label, hidden): Promise<{ hiddenLabels: string[] }> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const name = parseInput(labelNameSchema, label, 'INVALID_LABEL');
      await repository.setLabelHidden(owner, name, parseInput(labelVisibilitySchema, { hidden }).hidden);
      return { hiddenLabels: await repository.hiddenLabels(owner) };
    },
    async removePhotoLabel(ownerId, photoId, label): Promise<PhotoFacts> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      const name = parseInput(labelNameSchema, label, 'INVALID_LABEL');
      if (!photoIdSchema.safeParse(photoId).success) throw photoNotFound();
      const outcome = await provenance.removeLabel(owner, photoId, name);
      if (outcome === 'no-photo') throw photoNotFound();
      if (outcome === 'not-on-photo') throw notFound('LABEL_NOT_ON_PHOTO', 'The photo has no such label');
      changed(owner, photoId);
      return this.getPhoto(owner, photoId);
    },
    async removePhotoFace(ownerId, photoId, faceId): Promise<PhotoFacts> {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      if (!photoIdSchema.safeParse(photoId).success) throw photoNotFound();
      const outcome = faceIdSchema.safeParse(faceId).success
        ? await provenance.removeFace(owner, photoId, faceId)
        : 'not-on-photo';
      if (outcome === 'no-photo') throw photoNotFound();
      if (outcome === 'not-on-photo') throw notFound('FACE_NOT_FOUND', 'The photo has no such face');
      changed(owner, photoId);
      return this.getPhoto(owner, photoId);
    },
  };
}
