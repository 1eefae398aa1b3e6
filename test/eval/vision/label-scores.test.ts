import assert from 'node:assert/strict';
import { overallScore, precisionOf, recallOf, scoreLabels } from '../../../eval/vision/label-scores';

describe('vision label scores', () => {
  it('counts a given label the table names as right, one it does not as wrong, a shown one not given as missed', () => {
    const [dog, cat] = scoreLabels(
      [
        { present: ['dog'], uncertain: [], predicted: ['dog'] },
        { present: ['cat'], uncertain: [], predicted: ['dog'] },
        { present: ['dog', 'cat'], uncertain: [], predicted: [] },
      ],
      ['dog', 'cat'],
    );
    assert.deepEqual(dog, {
      label: 'dog',
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    assert.equal(cat?.truePositives, 0);
    assert.equal(cat?.falseNegatives, 2);
    assert.equal(cat?.precision, undefined, 'never given: no precision');
    assert.equal(cat?.recall, 0);
  });

  it('leaves uncertain labels out either way', () => {
    const [bird] = scoreLabels(
      [
        { present: [], uncertain: ['bird'], predicted: ['bird'] },
        { present: [], uncertain: ['bird'], predicted: [] },
      ],
      ['bird'],
    );
    assert.equal(bird?.truePositives, 0);
    assert.equal(bird?.falsePositives, 0);
    assert.equal(bird?.falseNegatives, 0);
  });

  it('judges only the labels asked for', () => {
    const scores = scoreLabels([{ present: [], uncertain: [], predicted: ['sunset'] }], ['dog']);
    assert.deepEqual(
      scores.map((s) => s.falsePositives),
      [0],
    );
  });

  it('overall is the micro-average over every decision', () => {
    const overall = overallScore(
      scoreLabels(
        [
          { present: ['dog', 'car'], uncertain: [], predicted: ['dog', 'car', 'bird'] },
          { present: ['bird'], uncertain: [], predicted: [] },
        ],
        ['dog', 'car', 'bird'],
      ),
    );
    assert.equal(overall.truePositives, 2);
    assert.equal(overall.falsePositives, 1);
    assert.equal(overall.falseNegatives, 1);
    assert.equal(overall.precision, 2 / 3);
    assert.equal(overall.recall, 2 / 3);
  });

  it('has no precision or recall without decisions', () => {
    const none = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    assert.equal(precisionOf(none), undefined);
    assert.equal(recallOf(none), undefined);
  });
});
