import assert from 'node:assert/strict';
import { DERIVED_CONFIDENCE_FACTOR, labelsFromObjects } from '../../../metadata-service/vision/coco-labels';
import type { DetectedObject } from '../../../metadata-service/vision/vision-types';

const box = { left: 0.1, top: 0.1, width: 0.2, height: 0.2 };
const seen = (label: string, score: number): DetectedObject => ({ label, score, box });

describe('COCO objects as library labels', () => {
  it('keeps each object under its own name with its best score, as vision labels', () => {
    const labels = labelsFromObjects([seen('dog', 0.42), seen('dog', 0.61), seen('bicycle', 0.47)]);
    assert.deepEqual(labels, [
      { label: 'bicycle', source: 'vision', confidence: 0.47 },
      { label: 'dog', source: 'vision', confidence: 0.61 },
    ]);
  });

  it('derives scene tags with a low confidence: skis → snow, kite → beach and water, cars → city, cake → food', () => {
    const byLabel = new Map(
      labelsFromObjects([seen('skis', 0.8), seen('kite', 0.6), seen('car', 0.5), seen('cake', 0.7)]).map(
        (l) => [l.label, l.confidence],
      ),
    );
    assert.equal(byLabel.get('snow'), 0.8 * DERIVED_CONFIDENCE_FACTOR);
    assert.equal(byLabel.get('beach'), 0.6 * DERIVED_CONFIDENCE_FACTOR);
    assert.equal(byLabel.get('water'), 0.6 * DERIVED_CONFIDENCE_FACTOR);
    assert.equal(byLabel.get('city'), 0.5 * DERIVED_CONFIDENCE_FACTOR);
    assert.equal(byLabel.get('food'), 0.7 * DERIVED_CONFIDENCE_FACTOR);
    // The objects themselves keep their own confidence.
    assert.equal(byLabel.get('cake'), 0.7);
    assert.equal(byLabel.get('skis'), 0.8);
    assert.ok(DERIVED_CONFIDENCE_FACTOR <= 0.5);
  });

  it('keeps a derived tag at the object evidence when the object itself is that label', () => {
    const labels = labelsFromObjects([seen('pizza', 0.9)]);
    assert.deepEqual(
      labels.map((l) => [l.label, l.confidence]),
      [
        ['food', 0.45],
        ['pizza', 0.9],
      ],
    );
  });
});
