import assert from 'node:assert/strict';
import { answersSearch } from '../../../metadata-service/labels/search-thresholds';
import {
  IMPLIED_FACTOR,
  SUGGESTED_FACTOR,
  labelsFromObjects,
} from '../../../metadata-service/vision/coco-labels';
import type { DetectedObject } from '../../../metadata-service/vision/vision-types';

const box = { left: 0.1, top: 0.1, width: 0.2, height: 0.2 };
const seen = (label: string, score: number): DetectedObject => ({ label, score, box });
const byLabel = (objects: DetectedObject[]) =>
  new Map(labelsFromObjects(objects).map((l) => [l.label, l.confidence]));

describe('COCO objects as library labels', () => {
  it('keeps each object under its own name with its best score, as vision labels', () => {
    const labels = labelsFromObjects([seen('dog', 0.42), seen('dog', 0.61), seen('bicycle', 0.47)]);
    assert.deepEqual(labels, [
      { label: 'bicycle', source: 'vision', confidence: 0.47 },
      { label: 'dog', source: 'vision', confidence: 0.61 },
    ]);
  });

  it('derives only scenes the object implies or suggests, never a neighbouring scene', () => {
    const labels = byLabel([seen('boat', 0.9), seen('car', 0.8), seen('kite', 0.7), seen('cake', 0.9)]);
    assert.equal(labels.get('water'), 0.45, 'a boat is on water');
    assert.equal(labels.get('street'), 0.4, 'a car suggests a street');
    for (const never of ['beach', 'city', 'birthday', 'food', 'lake', 'sea']) {
      assert.equal(labels.has(never), false, never);
    }
    // Food and animals come from the hierarchy (cake → dessert → food), not from a derived tag.
    assert.deepEqual([...labels.keys()].sort(), ['boat', 'cake', 'car', 'kite', 'street', 'water']);
  });

  it('gives a suggested scene too little confidence to answer a search, however sure the object', () => {
    for (const label of labelsFromObjects([
      seen('surfboard', 1),
      seen('boat', 1),
      seen('traffic light', 1),
    ])) {
      const derived = !['surfboard', 'boat', 'traffic light'].includes(label.label);
      assert.equal(answersSearch(label), !derived, `${label.label} ${label.confidence}`);
    }
    assert.ok(SUGGESTED_FACTOR <= 0.5);
  });

  it('lets an implied scene answer only when the object was seen clearly: skis → snow', () => {
    const clear = labelsFromObjects([seen('skis', 0.9)]).find((l) => l.label === 'snow');
    assert.equal(clear?.confidence, Math.round(0.9 * IMPLIED_FACTOR * 1000) / 1000);
    assert.ok(clear && answersSearch(clear));
    const faint = labelsFromObjects([seen('skis', 0.6)]).find((l) => l.label === 'snow');
    assert.ok(faint && !answersSearch(faint), 'a 0.6 ski makes a 0.48 snow: evidence only');
  });

  it('keeps the object evidence when the object itself is also a derived scene of another', () => {
    assert.equal(byLabel([seen('car', 0.3), seen('stop sign', 0.9)]).get('street'), 0.45);
  });
});
