import assert from 'node:assert/strict';
import { FACE_WITHOUT_PERSON_MIN_SCORE, keepPersonFaces } from '../../../metadata-service/vision/face-filter';
import type { Box, DetectedObject } from '../../../metadata-service/vision/vision-types';

const face = (left: number, top: number, size = 0.1, score = 0.6) => ({
  box: { left, top, width: size, height: size },
  score,
});
const object = (label: string, box: Box): DetectedObject => ({ label, score: 0.6, box });

describe('faces kept only on people', () => {
  it('keeps a face inside a person box and drops one with no person around it', () => {
    const person = object('person', { left: 0, top: 0, width: 0.4, height: 1 });
    const kept = keepPersonFaces([face(0.1, 0.1), face(0.7, 0.1)], [person]);
    assert.deepEqual(kept, [face(0.1, 0.1)]);
  });

  it("drops a dog's face: inside a dog box and no person, however sure the mesh is (dlib dogs.jpg, 0.99)", () => {
    const dog = object('dog', { left: 0.09, top: 0.55, width: 0.34, height: 0.44 });
    assert.deepEqual(keepPersonFaces([face(0.13, 0.62, 0.28, 0.99)], [dog]), []);
  });

  it('keeps a face with no person around it only when the mesh is nearly sure (a crowd, a pasted face)', () => {
    const sure = face(0.5, 0.1, 0.1, FACE_WITHOUT_PERSON_MIN_SCORE);
    const baboon = face(0.3, 0.3, 0.2, 0.62);
    const dogAtWindow = face(0.7, 0.3, 0.1, 0.86);
    assert.deepEqual(keepPersonFaces([sure, baboon, dogAtWindow], []), [sure]);
    const elsewhere = object('person', { left: 0, top: 0, width: 0.2, height: 1 });
    assert.deepEqual(keepPersonFaces([sure, baboon], [elsewhere]), [sure]);
  });

  it('lets the tighter box decide when a face is in both a person and a dog or cat box', () => {
    const person = object('person', { left: 0, top: 0, width: 0.5, height: 1 });
    const puppyOnLap = object('dog', { left: 0.1, top: 0.6, width: 0.3, height: 0.3 });
    const bigDogBehind = object('dog', { left: 0, top: 0, width: 1, height: 1 });
    const catAtFace = object('cat', { left: 0.05, top: 0.05, width: 0.15, height: 0.15 });
    assert.equal(keepPersonFaces([face(0.1, 0.1)], [person, puppyOnLap]).length, 1);
    assert.equal(keepPersonFaces([face(0.1, 0.1)], [person, bigDogBehind]).length, 1);
    assert.equal(keepPersonFaces([face(0.1, 0.1)], [person, catAtFace]).length, 0);
  });

  it('keeps a padded face box larger than a tight portrait person box (its centre is inside)', () => {
    const person = object('person', { left: 0, top: 0.01, width: 0.99, height: 0.99 });
    assert.equal(
      keepPersonFaces([{ box: { left: -0.35, top: -0.29, width: 1.63, height: 1.62 }, score: 0.6 }], [person])
        .length,
      1,
    );
  });
});
