import type { LabelRecord } from '../../repositories/label-rows';
import { FACE_WITHOUT_PERSON_MIN_SCORE } from '../face-filter';

/**
 * A face the face model is nearly sure of is evidence of a person, whether or not CenterNet saw a body: on the
 * evaluation set CenterNet found no person in 7 of its 12 composites (faces pasted without a body) and a person at
 * 0.36 or less in some crowds and edge cases, while every face the mesh scored >= 0.9 was a person's (animal faces
 * outside animal boxes scored 0.36-0.86, face-filter.ts). The threshold is the face filter's own, so a face that
 * is kept without a person box always makes its photo a photo of a person, and a weaker face (kept only because it
 * lies in a person box) adds nothing the box did not already say.
 */
export const FACE_PERSON_MIN_SCORE = FACE_WITHOUT_PERSON_MIN_SCORE;

/** Provenance of a person label derived from faces: the model and how sure it was. */
export function facePersonDetail(faceScore: number, faces: number): string {
  return `face model (BlazeFace + face mesh), face score ${round(faceScore)}${faces > 1 ? `, ${faces} faces` : ''}`;
}

/**
 * The "person" label the faces give (at the most confident face's score), or none when no face reaches
 * FACE_PERSON_MIN_SCORE.
 */
export function personFromFaces(faces: readonly { score: number }[]): LabelRecord | undefined {
  const sure = faces.filter((face) => face.score >= FACE_PERSON_MIN_SCORE);
  if (sure.length === 0) return undefined;
  const best = Math.max(...sure.map((face) => face.score));
  return {
    label: 'person',
    source: 'vision',
    confidence: round(best),
    detail: facePersonDetail(best, sure.length),
  };
}

/**
 * The object labels with the faces' evidence added: one label per name (a photo keeps one row per label and
 * source), the more confident evidence with its own provenance. A CenterNet person at 0.98 stays as it is when the
 * faces say 0.95; a person at 0.36 becomes the face model's 0.97, saying so.
 */
export function withFaceEvidence(
  labels: readonly LabelRecord[],
  faces: readonly { score: number }[],
): LabelRecord[] {
  const person = personFromFaces(faces);
  if (person === undefined) return [...labels];
  const existing = labels.find((label) => label.label === person.label && label.source === person.source);
  if (existing !== undefined && existing.confidence >= person.confidence) return [...labels];
  const others = labels.filter((label) => label !== existing);
  return [...others, person].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
