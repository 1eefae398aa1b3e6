import { z } from 'zod';
import {
  describePhotosRequestSchema,
  describePhotosResponseSchema,
  errorResponseSchema,
  hiddenLabelsSchema,
  labelVisibilitySchema,
  OWNER_HEADER,
  peopleResponseSchema,
  personSchema,
  personUpdateSchema,
  photoFacesSchema,
  photoFlagsSchema,
  photoFactsSchema,
  searchRequestSchema,
  searchResponseSchema,
  vocabularySchema,
} from '../../common/contracts';
import { personSuggestionsSchema, suggestionAnswerSchema } from '../people/suggestion-contract';

type JsonObject = Record<string, unknown>;

/** A component schema from the zod contract: requests as a client may write them, responses as they are sent. */
function component(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as JsonObject;
  // The document declares the dialect once (OpenAPI 3.1 is JSON Schema 2020-12); components need no $schema.
  delete json.$schema;
  return json;
}

const errorResponses = (...statuses: number[]): JsonObject =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: code INVALID_REQUEST (message names the field), INVALID_OWNER, OWNER_HEADER_REQUIRED, INVALID_CURSOR',
  401: 'AUTH_REQUIRED (no credential) or AUTH_INVALID (unknown, revoked or forged)',
  404: "PHOTO_NOT_FOUND / PERSON_NOT_FOUND / PERSON_FACE_NOT_FOUND / LABEL_NOT_ON_PHOTO / FACE_NOT_FOUND: nothing of that id for this owner (another owner's answers the same)",
  500: 'INTERNAL_ERROR',
};

const ok = (ref: string, description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});

/**
 * The library HTTP API as an OpenAPI 3.1 document, generated from the same zod schemas that validate requests, so
 * the published contract cannot drift from the code. Paths are relative to the mount point (`/v1/library`).
 */
export function libraryOpenApiDocument(serverUrl = '/v1/library'): JsonObject {
  const owner = {
    name: OWNER_HEADER,
    in: 'header',
    required: false,
    description:
      "Owner (tenant) id: required with a service credential; with an owner's credential absent or its own owner.",
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]+$', maxLength: 255 },
  };
  const photoIdParameter = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
  };
  const personIdParameter = { ...photoIdParameter, description: 'Person id (pe_…)' };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Photo Frame library API',
      version: '1.0.0',
      description:
        'Search, photo facts and voice-biasing lists, scoped to one owner. Every error is {error:{code,message}}.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/search': {
        post: {
          operationId: 'searchPhotos',
          summary: 'Photos matching a PhotoQuery: total, capture span, one page, and the cursor of the next',
          parameters: [owner],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchRequest' } } },
          },
          responses: { '200': ok('SearchResponse', 'One page of matches'), ...errorResponses(400, 500) },
        },
      },
      '/photos/describe': {
        post: {
          operationId: 'describePhotos',
          summary:
            "Caption facts (capture time, place, people) for up to 1000 photos; ids not the owner's are left out",
          parameters: [owner],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/DescribePhotosRequest' } },
            },
          },
          responses: {
            '200': ok('DescribePhotosResponse', 'Caption facts in the order asked'),
            ...errorResponses(400, 500),
          },
        },
      },
      '/photos/{id}/flags': {
        patch: {
          operationId: 'setPhotoFlags',
          summary:
            'Favourite/unfavourite or hide/unhide a photo (a hidden photo is left out of every search)',
          parameters: [owner, photoIdParameter],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/PhotoFlags' } } },
          },
          responses: { '200': ok('PhotoFacts', 'The photo afterwards'), ...errorResponses(400, 404, 500) },
        },
      },
      '/photos/{id}': {
        get: {
          operationId: 'getPhoto',
          summary: 'Everything the library knows about one photo ("what is this photo?")',
          parameters: [owner, photoIdParameter],
          responses: { '200': ok('PhotoFacts', 'The photo'), ...errorResponses(400, 404, 500) },
        },
      },
      '/photos/{id}/faces': {
        get: {
          operationId: 'getPhotoFaces',
          summary: 'The faces vision found in a photo, each with its person ("who is this?")',
          parameters: [owner, photoIdParameter],
          responses: { '200': ok('PhotoFaces', 'Faces, left to right'), ...errorResponses(400, 404, 500) },
        },
      },
      '/photos/{id}/labels/{label}': {
        delete: {
          operationId: 'removePhotoLabel',
          summary:
            'Remove a wrong label from one photo, whatever gave it; it stays removed when the photo is analysed or ingested again',
          parameters: [
            owner,
            photoIdParameter,
            { name: 'label', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } },
          ],
          responses: {
            '200': ok('PhotoFacts', 'The photo afterwards'),
            ...errorResponses(400, 404, 500),
          },
        },
      },
      '/photos/{id}/faces/{faceId}': {
        delete: {
          operationId: 'removePhotoFace',
          summary:
            'Remove a wrong face (and the person it put there) from one photo; the same face found again is dropped',
          parameters: [
            owner,
            photoIdParameter,
            {
              ...photoIdParameter,
              name: 'faceId',
              description: 'Face id (fa_…) from GET /photos/{id}/faces',
            },
          ],
          responses: {
            '200': ok('PhotoFacts', 'The photo afterwards'),
            ...errorResponses(400, 404, 500),
          },
        },
      },
      '/people': {
        get: {
          operationId: 'listPeople',
          summary: "The owner's people, most faces first; face clusters not named yet have name null",
          parameters: [owner],
          responses: { '200': ok('People', 'People'), ...errorResponses(400, 500) },
        },
      },
      '/labels/{label}': {
        patch: {
          operationId: 'setLabelHidden',
          summary:
            "Hide a label's photos from every search that does not name the label (so from frames), or show them again",
          parameters: [
            owner,
            { name: 'label', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/LabelVisibility' } } },
          },
          responses: {
            '200': ok('HiddenLabels', "The owner's hidden labels afterwards"),
            ...errorResponses(400, 500),
          },
        },
      },
      '/people/{id}': {
        get: {
          operationId: 'getPerson',
          summary: 'One person',
          parameters: [owner, personIdParameter],
          responses: { '200': ok('Person', 'The person'), ...errorResponses(400, 404, 500) },
        },
        patch: {
          operationId: 'updatePerson',
          summary:
            'Name ("this is Mom") and/or hide a person; naming merges into the person who has that name (new id)',
          parameters: [owner, personIdParameter],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/PersonUpdate' } } },
          },
          responses: { '200': ok('Person', 'The person afterwards'), ...errorResponses(400, 404, 500) },
        },
      },
      '/people/{id}/face': {
        get: {
          operationId: 'getPersonFace',
          summary: "A 160x160 JPEG of the person's most typical face",
          parameters: [owner, personIdParameter],
          responses: {
            '200': {
              description: 'JPEG',
              content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } },
            },
            ...errorResponses(400, 404, 500),
          },
        },
      },
      '/people/{id}/suggestions': {
        get: {
          operationId: 'getPersonSuggestions',
          summary: '"Is this X?": faces that may be this named person but are not in them yet, closest first',
          parameters: [owner, personIdParameter],
          responses: {
            '200': ok('PersonSuggestions', 'The doubtful faces'),
            '409': { description: 'PERSON_NOT_NAMED: only a named person has suggestions' },
            ...errorResponses(400, 404, 500),
          },
        },
      },
      '/people/{id}/suggestions/{faceId}': {
        put: {
          operationId: 'answerPersonSuggestion',
          summary: 'Answer "is this X?" for one face: yes puts it in the person, no keeps it out for good',
          parameters: [
            owner,
            personIdParameter,
            { ...photoIdParameter, name: 'faceId', description: 'Face id (fa_…) from the suggestions' },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/SuggestionAnswer' } } },
          },
          responses: {
            '200': ok('Person', 'The person afterwards'),
            '409': { description: 'PERSON_NOT_NAMED: only a named person has suggestions' },
            ...errorResponses(400, 404, 500),
          },
        },
      },
      '/vocabulary': {
        get: {
          operationId: 'getVocabulary',
          summary: "The owner's top people and albums (with synonyms) and labels in use, for speech biasing",
          parameters: [owner],
          responses: { '200': ok('Vocabulary', 'Names by photo count'), ...errorResponses(400, 500) },
        },
      },
      '/credentials/self': {
        get: {
          operationId: 'getCredentialSelf',
          summary:
            "Whose the presented credential is: {kind:'person', ownerId, credentialId, scopes} or {kind:'service'}",
          responses: { '200': { description: 'The principal' }, ...errorResponses(401) },
        },
      },
      '/credentials/{id}/active': {
        get: {
          operationId: 'getCredentialActive',
          summary: 'Whether a person credential is still active (service credentials only): {active}',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: '{active: boolean}' }, ...errorResponses(401, 403) },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1 document' } },
        },
      },
    },
    // Every operation needs a credential: 401 AUTH_REQUIRED without one, AUTH_INVALID for a wrong one, 403
    // OWNER_FORBIDDEN / SCOPE_FORBIDDEN for an owner or scope it does not have (README: Trust).
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            "An owner's credential (pf_…, `npm run credentials -- create`) or a tier's service credential (SERVICE_TOKENS)",
        },
      },
      schemas: {
        SearchRequest: component(searchRequestSchema, 'input'),
        SearchResponse: component(searchResponseSchema, 'output'),
        PhotoFacts: component(photoFactsSchema, 'output'),
        DescribePhotosRequest: component(describePhotosRequestSchema, 'input'),
        DescribePhotosResponse: component(describePhotosResponseSchema, 'output'),
        PhotoFlags: component(photoFlagsSchema, 'input'),
        Vocabulary: component(vocabularySchema, 'output'),
        People: component(peopleResponseSchema, 'output'),
        Person: component(personSchema, 'output'),
        PersonUpdate: component(personUpdateSchema, 'input'),
        PersonSuggestions: component(personSuggestionsSchema, 'output'),
        SuggestionAnswer: component(suggestionAnswerSchema, 'input'),
        LabelVisibility: component(labelVisibilitySchema, 'input'),
        HiddenLabels: component(hiddenLabelsSchema, 'output'),
        PhotoFaces: component(photoFacesSchema, 'output'),
        Error: component(errorResponseSchema, 'output'),
      },
    },
  };
}
