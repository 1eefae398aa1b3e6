import assert from 'node:assert/strict';
import { answersSearch } from '../../../../metadata-service/labels/search-thresholds';
import { labelsFromObjects } from '../../../../metadata-service/vision/coco-labels';
import { FACE_WITHOUT_PERSON_MIN_SCORE } from '../../../../metadata-service/vision/face-filter';
import {
  FACE_PERSON_MIN_SCORE,
  personFromFaces,
  withFaceEvidence,
} from '../../../../metadata-service/vision/objects/person-from-faces';
import type { LabelRecord } from '../../../../metadata-service/repositories/label-rows';
import type { DetectedObject } from '../../../../metadata-service/vision/vision-types';

const object = (label: string, score: number): DetectedObject => ({
  label,
  score,
  box: { left: 0.2, top: 0.2, width: 0.3, height: 0.5 },
});

describe('a person label from faces the face model is sure of', () => {
  it('uses the face filter own bar: a face kept without a body is a person', () => {
    assert.equal(FACE_PERSON_MIN_SCORE, FACE_WITHOUT_PERSON_MIN_SCORE);
  });

  it('gives a searchable person at the best sure face, naming the face model and the count', () => {
    const person = personFromFaces([{ score: 0.93 }, { score: 0.971 }, { score: 0.5 }]);
    assert.ok(person);
    assert.equal(person.label, 'person');
    assert.equal(person.source, 'vision');
    assert.equal(person.confidence, 0.971);
    assert.match(person.detail ?? '', /^face model \(BlazeFace \+ face mesh\), face score 0\.971, 2 faces$/);
    assert.equal(answersSearch(person), true);
  });

  it('gives nothing for no faces or only faces below the bar (an animal face scored up to 0.86)', () => {
    assert.equal(personFromFaces([]), undefined);
    assert.equal(personFromFaces([{ score: 0.86 }, { score: 0.899 }]), undefined);
  });

  it('adds a person where CenterNet saw no body, keeping the other labels', () => {
    const labels = withFaceEvidence(labelsFromObjects([object('bicycle', 0.42)]), [{ score: 0.95 }]);
    assert.deepEqual(
      labels.map((l) => [l.label, l.confidence]),
      [
        ['bicycle', 0.42],
        ['person', 0.95],
      ],
    );
    assert.equal(labels.filter((l) => l.label === 'person').length, 1);
  });

  it('replaces a weaker CenterNet person with the face evidence, and leaves a stronger one alone', () => {
    const weak = withFaceEvidence(labelsFromObjects([object('person', 0.36)]), [{ score: 0.97 }]);
    assert.equal(weak.length, 1);
    assert.equal(weak[0]?.confidence, 0.97);
    assert.match(weak[0]?.detail ?? '', /face model/);
    const strong = withFaceEvidence(labelsFromObjects([object('person', 0.98)]), [{ score: 0.95 }]);
    assert.deepEqual(strong, labelsFromObjects([object('person', 0.98)]));
  });

  it('does not touch a person label from another source', () => {
    const keyword: LabelRecord = { label: 'person', source: 'keyword', confidence: 1, detail: 'family' };
    const labels = withFaceEvidence([keyword], [{ score: 0.92 }]);
    assert.equal(labels.length, 2);
    assert.deepEqual(labels.map((l) => l.source).sort(), ['keyword', 'vision']);
  });

  it('returns the labels unchanged without sure faces', () => {
    const labels = labelsFromObjects([object('dog', 0.6)]);
    assert.deepEqual(withFaceEvidence(labels, [{ score: 0.4 }]), labels);
  });
});
