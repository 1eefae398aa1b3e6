import type { Box } from '../vision/vision-types';
import { dot } from './face-descriptor';

/**
 * A face at least this close to a named person (average link to their faces, cosine) without being in them is
 * doubtful enough to ask about: "is this X?". Below it the face is taken to be someone else. On the evaluation set
 * every face of a known person averaged at least 0.515 to the rest of theirs, and 17 % of (face, other person) pairs
 * reached 0.45 (at 0.3, 99 %: every question would be about someone else).
 */
export const SUGGESTION_THRESHOLD = 0.45;

/** At most this many questions at once: the closest first. */
export const MAX_SUGGESTIONS = 50;

export interface SuggestionFace {
  id: string;
  photoId: string;
  box: Box;
  personId: string | null;
  descriptor: Float32Array;
}

export interface FaceSuggestion {
  faceId: string;
  photoId: string;
  box: Box;
  /** Average cosine similarity to the person's faces. */
  similarity: number;
}

export interface SuggestionInput {
  personId: string;
  /** Every described face of the owner. */
  faces: readonly SuggestionFace[];
  /** People with a name: their faces were placed by the owner, never asked about for someone else. */
  named: ReadonlySet<string>;
  /** Face ids the owner already refused as this person. */
  refused: ReadonlySet<string>;
  threshold?: number;
  limit?: number;
}

/**
 * The faces that may be this named person but are not in them, closest first: not already theirs, not another
 * named person's, not refused, and not in a photo where the person already is (a photo shows a person once).
 */
export function suggestFaces(input: SuggestionInput): FaceSuggestion[] {
  const own = input.faces.filter((face) => face.personId === input.personId);
  if (own.length === 0) return [];
  const sum = new Float32Array((own[0] as SuggestionFace).descriptor.length);
  for (const face of own)
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (face.descriptor[i] ?? 0);
  const theirPhotos = new Set(own.map((face) => face.photoId));
  const threshold = input.threshold ?? SUGGESTION_THRESHOLD;
  const suggestions: FaceSuggestion[] = [];
  for (const face of input.faces) {
    if (face.personId === input.personId || theirPhotos.has(face.photoId) || input.refused.has(face.id))
      continue;
    if (face.personId !== null && input.named.has(face.personId)) continue;
    const similarity = dot(sum, face.descriptor) / own.length;
    if (similarity >= threshold)
      suggestions.push({ faceId: face.id, photoId: face.photoId, box: face.box, similarity });
  }
  suggestions.sort((a, b) => b.similarity - a.similarity || (a.faceId < b.faceId ? -1 : 1));
  return suggestions.slice(0, input.limit ?? MAX_SUGGESTIONS);
}
