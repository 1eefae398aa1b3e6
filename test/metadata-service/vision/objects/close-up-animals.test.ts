import assert from 'node:assert/strict';
import { answersSearch } from '../../../../metadata-service/labels/search-thresholds';
import { labelsFromObjects } from '../../../../metadata-service/vision/coco-labels';
import {
  CLOSE_UP_AREA,
  UNCONFIRMED_FACTOR,
  confirmedScore,
  frameShare,
  isUnconfirmedCloseUp,
} from '../../../../metadata-service/vision/objects/close-up-animals';
import type { DetectedObject } from '../../../../metadata-service/vision/vision-types';

const object = (label: string, score: number, box: DetectedObject['box']): DetectedObject => ({
  label,
  score,
  box,
});
// The two frame-filling boxes CenterNet gave on the evaluation set: skimage's cat as "dog", a face chip as "cat".
const catCalledDog = object('dog', 0.47, { left: -0.01, top: 0.02, width: 0.94, height: 0.98 });
const faceCalledCat = object('cat', 0.53, { left: 0.05, top: -0.01, width: 0.93, height: 1.01 });

describe('animal close-ups CenterNet cannot tell apart', () => {
  it('measures the share of the photo a box covers, clipped to the photo', () => {
    assert.equal(frameShare({ left: 0, top: 0, width: 1, height: 1 }), 1);
    assert.equal(frameShare({ left: -0.5, top: -0.5, width: 1, height: 1 }), 0.25);
    assert.equal(frameShare({ left: 1.2, top: 0, width: 0.5, height: 0.5 }), 0);
    assert.ok(Math.abs(frameShare(faceCalledCat.box) - 0.93 * 1) < 1e-9);
  });

  it('leaves an animal in its surroundings, and a frame-filling non-animal, at its own score', () => {
    const dogOnPorch = object('dog', 0.42, { left: 0.16, top: 0.36, width: 0.25, height: 0.58 });
    assert.equal(confirmedScore(dogOnPorch), 0.42);
    const pizza = object('pizza', 0.7, { left: 0, top: 0, width: 1, height: 1 });
    assert.equal(confirmedScore(pizza), 0.7);
    assert.equal(isUnconfirmedCloseUp(pizza), false);
    const justBelow = object('dog', 0.6, { left: 0, top: 0, width: 0.89, height: 0.89 });
    assert.ok(frameShare(justBelow.box) < CLOSE_UP_AREA);
    assert.equal(confirmedScore(justBelow), 0.6);
  });

  it('keeps a frame-filling animal as evidence below any search threshold, saying why', () => {
    for (const closeUp of [
      catCalledDog,
      faceCalledCat,
      object('Dog', 0.89, { left: 0, top: 0, width: 1, height: 1 }),
    ]) {
      assert.equal(confirmedScore(closeUp), closeUp.score * UNCONFIRMED_FACTOR);
      const [label] = labelsFromObjects([closeUp]);
      assert.ok(label, closeUp.label);
      assert.equal(label.label, closeUp.label.toLowerCase());
      assert.equal(label.confidence, Math.round(closeUp.score * UNCONFIRMED_FACTOR * 1000) / 1000);
      assert.match(label.detail ?? '', /close-up, unconfirmed \(model score 0\.\d+\)/);
      assert.equal(answersSearch(label), false, `${label.label} ${label.confidence}`);
    }
  });

  it('lets a confirmed sighting of the same label win over an unconfirmed close-up', () => {
    const labels = labelsFromObjects([
      catCalledDog,
      object('dog', 0.45, { left: 0.4, top: 0.4, width: 0.2, height: 0.2 }),
    ]);
    assert.deepEqual(labels, [{ label: 'dog', source: 'vision', confidence: 0.45 }]);
  });
});
