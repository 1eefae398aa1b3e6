import type { Box, DetectedObject } from './vision-types';

interface FaceCandidate {
  box: Box;
}

/**
 * BlazeFace also finds dog, cat and baboon faces, with scores that overlap real ones. A face is kept only when its
 * centre lies in a detected person; when it also lies in a dog or cat box, the tighter box decides (a face on a
 * person holding a puppy stays, a dog's face in a dog box goes). Face boxes are padded and may be larger than a
 * tight portrait's person box, which is why the centre, not the whole box, must be inside.
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
    if (person === undefined) return false;
    const animal = smallestContaining(animals, centre);
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
