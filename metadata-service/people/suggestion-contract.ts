import { z } from 'zod';
import { faceBoxSchema } from '../../common/contracts';
import { AppError } from '../../common/errors';

/** `PUT /v1/library/people/{id}/suggestions/{faceId}`: the owner's answer to "is this X?". */
export const suggestionAnswerSchema = z.object({ answer: z.enum(['yes', 'no']) }).strict();
export type SuggestionAnswer = z.infer<typeof suggestionAnswerSchema>;

/** `GET /v1/library/people/{id}/suggestions`: faces that may be this person, closest first. */
export const personSuggestionsSchema = z.object({
  personId: z.string(),
  suggestions: z.array(
    z.object({
      faceId: z.string(),
      photoId: z.string(),
      box: faceBoxSchema,
      /** Average cosine similarity to the person's faces (SUGGESTION_THRESHOLD and up). */
      similarity: z.number(),
    }),
  ),
});
export type PersonSuggestions = z.infer<typeof personSuggestionsSchema>;

/** Suggestions are only for people with a name: an unnamed cluster has no "X" to ask about. */
export const personNotNamed = (): AppError =>
  new AppError({
    status: 409,
    code: 'PERSON_NOT_NAMED',
    publicMessage: 'Name this person before asking who else they are',
  });
