import type { Box, DetectedObject } from './vision-types';

interface FaceCandidate {
  box: Box;
  /** The face pipeline's score (the face mesh's confidence when the mesh runs). */
  score: number;
}

/**
 * A face no person box holds is kept only at this score or above. On the evaluation set (bench/vision-eval.ts,
 * 168 photos) animal faces outside any dog or cat box scored 0.36–0.86 (a dog at a window 0.86, the baboon 0.62)
 * and people's faces outside a person box 0.89–1.00 (CenterNet misses people in crowds, at the frame's edge and
 * in pasted composites); keeping them raised faces >= 40 px found from 130 to 160 of 168, with no animal kept.
 */
export const FACE_WITHOUT_PERSON_MIN_SCORE = 0.9;

/**
 * BlazeFace also finds dog, cat and baboon faces, with scores that overlap real ones. A face is kept when its
 * centre lies in a detected person, or without a person when the mesh is nearly sure of it; never when its centre
 * lies in a dog or cat box that is tighter than any person box around it (a face on a person holding a puppy
 * stays, a dog's face in a dog box goes). Face boxes are padded and may be larger than a tight portrait's person
 * box, which is why the centre, not the whole box, must be inside.
 */
export function keepPersonFaces<T extends FaceCandidate>(
  faces: readonly T[],
  objects: readonly DetectedObject[],
): T[] {
  const people = objects.filter((o) => o.label === 'person');
  const animals = objects.filter((o) => o.label === 'dog' || o.label === 'cat');
  return faces.filter((face) => {
    const centre = { x: face.box.left + face.box.width / 2, y: face.box.top + face.box.height / 2 };
    const person = smallestContaining(people, centre);
    const animal = smallestContaining(animals, centre);
    if (person === undefined) return animal === undefined && face.score >= FACE_WITHOUT_PERSON_MIN_SCORE;
    return animal === undefined || area(person.box) <= area(animal.box);
  });
}

function smallestContaining(
  objects: readonly DetectedObject[],
  point: { x: number; y: number },
): DetectedObject | undefined {
  let smallest: DetectedObject | undefined;
  for (const object of objects) {
    const { left, top, width, height } = object.box;
    const inside = point.x >= left && point.x <= left + width && point.y >= top && point.y <= top + height;
    if (inside && (smallest === undefined || area(object.box) < area(smallest.box))) smallest = object;
  }
  return smallest;
}

function area(box: Box): number {
  return box.width * box.height;
}
