import assert from 'node:assert/strict';
import type { EvalPhoto } from '../../../eval/vision/eval-set';
import { PHOTO_TRUTH, type PhotoTruthInput } from '../../../eval/vision/ground-truth-schema';
import { scoreVision, searchLabels } from '../../../eval/vision/score-vision';
import type { PhotoAnalysis } from '../../../metadata-service/vision/vision-types';

function photo(
  row: Partial<PhotoTruthInput> & { id: string },
  size = { width: 1000, height: 1000 },
): EvalPhoto {
  const truth = PHOTO_TRUTH.parse({ from: 'test', source: { file: `${row.id}.jpg` }, present: [], ...row });
  return { truth, file: `/set/${row.id}.jpg`, ...size, faces: truth.faces };
}

/** A descriptor pointing mostly along one axis: faces with the same axis are the same person to the clustering. */
function descriptor(axis: number): Float32Array {
  const vector = new Float32Array(8).fill(0.05);
  vector[axis] = 1;
  const norm = Math.hypot(...vector);
  return vector.map((v) => v / norm);
}

function analysis(
  labels: [string, number][],
  faces: { box: [number, number, number, number]; axis: number }[] = [],
): PhotoAnalysis {
  return {
    labels: labels.map(([label, confidence]) => ({ label, confidence, source: 'vision' as const })),
    faces: faces.map(({ box: [left, top, width, height], axis }) => ({
      box: { left, top, width, height },
      score: 0.9,
      descriptor: descriptor(axis),
    })),
  };
}

describe('vision run scoring', () => {
  it('files a photo only under labels that reach the threshold search uses', () => {
    // Default 0.4; tie needs 0.5.
    assert.deepEqual(
      searchLabels(
        analysis([
          ['dog', 0.41],
          ['cat', 0.39],
          ['tie', 0.45],
        ]),
      ),
      ['dog'],
    );
  });

  it('scores labels against the closed world, leaving uncertain ones out', () => {
    const quality = scoreVision([
      {
        photo: photo({ id: 'a', present: ['dog'], uncertain: ['car'] }),
        analysis: analysis([
          ['dog', 0.5],
          ['car', 0.6],
          ['cat', 0.45],
        ]),
      },
      { photo: photo({ id: 'b', present: ['cat'] }), analysis: analysis([]) },
    ]);
    const byLabel = new Map(quality.objectLabels.map((s) => [s.label, s]));
    assert.equal(byLabel.get('dog')?.truePositives, 1);
    assert.equal(byLabel.get('cat')?.falsePositives, 1);
    assert.equal(byLabel.get('cat')?.falseNegatives, 1);
    assert.equal(byLabel.has('car'), false, 'uncertain and never wrong: not listed');
    assert.equal(quality.objectOverall.precision, 0.5);
    assert.deepEqual(quality.mistakes[0], {
      id: 'a',
      falseLabels: ['cat'],
      missedLabels: [],
      missedFaces: 0,
    });
  });

  it('counts face recall by size in the pixels the models see, real photos and composites apart', () => {
    const quality = scoreVision([
      {
        // 4000 px wide: seen at 1280, so a 0.02-wide face is 25.6 px (<40) and a 0.05-wide one 64 px (40-80).
        photo: photo(
          {
            id: 'big',
            present: ['person'],
            faces: [
              { box: [0.1, 0.1, 0.02, 0.02], identity: 'ann' },
              { box: [0.5, 0.5, 0.05, 0.05], identity: 'bob', turned: true },
            ],
          },
          { width: 4000, height: 3000 },
        ),
        analysis: analysis([['person', 0.9]], [{ box: [0.49, 0.48, 0.08, 0.08], axis: 1 }]),
      },
    ]);
    const recall = new Map(quality.faces.recall.map((r) => [r.bucket, r]));
    assert.deepEqual(recall.get('<40'), {
      bucket: '<40',
      faces: 1,
      found: 0,
      frontalFaces: 1,
      frontalFound: 0,
    });
    assert.deepEqual(recall.get('40-80'), {
      bucket: '40-80',
      faces: 1,
      found: 1,
      frontalFaces: 0,
      frontalFound: 0,
    });
    assert.equal(
      quality.faces.compositeRecall.reduce((n, r) => n + r.faces, 0),
      0,
    );
    assert.equal(
      quality.faces.realRecall.reduce((n, r) => n + r.found, 0),
      1,
    );
  });

  it('counts a detection that is no face of the table as false, except among an unlabelled crowd', () => {
    const stray = [{ box: [0.8, 0.8, 0.1, 0.1] as [number, number, number, number], axis: 2 }];
    const quality = scoreVision([
      { photo: photo({ id: 'room', present: ['person'] }), analysis: analysis([], stray) },
      {
        photo: photo({ id: 'stadium', present: ['person'], flags: ['unlabelled-faces'] }),
        analysis: analysis([], stray),
      },
    ]);
    assert.equal(quality.faces.falseFaces, 1);
    assert.equal(quality.faces.detected, 2);
  });

  it('clusters faces with the product clustering and scores them by identity, collages left out', () => {
    const face = (identity: string) => ({
      box: [0.4, 0.4, 0.2, 0.2] as [number, number, number, number],
      identity,
    });
    const detected = (axis: number) => [
      { box: [0.38, 0.36, 0.26, 0.26] as [number, number, number, number], axis },
    ];
    const quality = scoreVision([
      {
        photo: photo({ id: 'a1', present: ['person'], faces: [face('ann')] }),
        analysis: analysis([], detected(0)),
      },
      {
        photo: photo({ id: 'a2', present: ['person'], faces: [face('ann')] }),
        analysis: analysis([], detected(0)),
      },
      {
        photo: photo({ id: 'b1', present: ['person'], faces: [face('bob')] }),
        analysis: analysis([], detected(3)),
      },
      {
        photo: photo({ id: 'collage', present: ['person'], faces: [face('bob')], flags: ['collage'] }),
        analysis: analysis([], detected(3)),
      },
    ]);
    assert.equal(quality.clustering.clusteredFaces, 3);
    assert.equal(quality.clustering.matchedWithIdentity, 3);
    assert.equal(quality.clustering.purity, 1);
    assert.equal(quality.clustering.clustersPerIdentity, 1);
    assert.equal(quality.clustering.clusters, 2);
  });
});
