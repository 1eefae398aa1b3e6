import assert from 'node:assert/strict';
import {
  answering,
  calibrateObjectGate,
  calibrateObjectGates,
  calibrationPhotosOf,
  gateThreshold,
  heldOutFigures,
  type CalibrationPhoto,
} from '../../../eval/vision/object-calibration';

const photo = (
  present: string[],
  confidences: Record<string, number>,
  uncertain: string[] = [],
): CalibrationPhoto => ({
  present,
  uncertain,
  confidences: new Map(Object.entries(confidences)),
});
const prior = () => 0.4;

describe('object search gates calibrated on labelled photos', () => {
  it('keeps the prior for a class the model only ever got right', () => {
    const gate = calibrateObjectGate(
      [photo(['dog'], { dog: 0.42 }), photo(['dog'], { dog: 0.3 })],
      'dog',
      0.4,
    );
    assert.deepEqual(gate, {
      label: 'dog',
      threshold: 0.4,
      status: 'measured',
      positives: 2,
      falseDetections: 0,
    });
  });

  it('raises a threshold just above the most confident false detection when a right one is still above it', () => {
    const photos = [
      photo(['bird'], { bird: 0.51 }),
      photo([], { bird: 0.46 }),
      photo(['flowers'], { bird: 0.38 }),
    ];
    const gate = calibrateObjectGate(photos, 'bird', 0.4);
    assert.equal(gate.threshold, 0.47);
    assert.equal(gate.status, 'measured');
    assert.deepEqual(answering(photos[0]!, gateThreshold([gate], prior)), ['bird']);
    assert.deepEqual(answering(photos[1]!, gateThreshold([gate], prior)), []);
  });

  it('never lowers a threshold below its prior, however many right answers sit under it', () => {
    const photos = [
      photo(['cup'], { cup: 0.33 }),
      photo(['cup'], { cup: 0.45 }),
      photo(['cup'], { cup: 0.31 }),
    ];
    assert.equal(calibrateObjectGate(photos, 'cup', 0.5).threshold, 0.5);
  });

  it('makes a class unsearchable when it was wrong at its prior and never right above its wrong answers', () => {
    const orange = [photo(['orange'], { orange: 0.32 }), photo([], { orange: 0.42, 'sports ball': 0.44 })];
    assert.deepEqual(calibrateObjectGate(orange, 'orange', 0.4), {
      label: 'orange',
      threshold: null,
      status: 'not searchable',
      positives: 1,
      falseDetections: 1,
    });
    const vase = [photo(['potted plant'], { vase: 0.48 }), photo(['water'], { vase: 0.55 })];
    assert.equal(calibrateObjectGate(vase, 'vase', 0.4).threshold, null);
    assert.equal(
      gateThreshold([calibrateObjectGate(vase, 'vase', 0.4)], prior)('vase'),
      Number.POSITIVE_INFINITY,
    );
  });

  it('keeps the prior when the only wrong answers were already below it and nothing was right', () => {
    const gate = calibrateObjectGate([photo(['person'], { cat: 0.21 })], 'cat', 0.4);
    assert.deepEqual(gate, {
      label: 'cat',
      threshold: 0.4,
      status: 'unconfirmed',
      positives: 0,
      falseDetections: 1,
    });
  });

  it('ignores photos where the table leaves the label uncertain', () => {
    const gate = calibrateObjectGate(
      [photo([], { bird: 0.7 }, ['bird']), photo(['bird'], { bird: 0.5 })],
      'bird',
      0.4,
    );
    assert.equal(gate.threshold, 0.4);
    assert.equal(gate.falseDetections, 0);
  });

  it('calibrates only classes the photos show or the model gave, in label order, others keep the prior', () => {
    const gates = calibrateObjectGates(
      [photo(['dog'], { horse: 0.5, dog: 0.6 }), photo([], { bird: 0.45 })],
      prior,
    );
    assert.deepEqual(
      gates.map((g) => [g.label, g.threshold]),
      [
        ['bird', null],
        ['dog', 0.4],
        ['horse', null],
      ],
    );
    assert.equal(gateThreshold(gates, (label) => (label === 'cake' ? 0.45 : 0.4))('cake'), 0.45);
  });

  it('scores each half with gates calibrated on the other: a gate fitted to one half is caught by the other', () => {
    // Even photos (0, 2) see a false bird at 0.45; odd ones (1, 3) see only right birds at 0.5 and a false one at 0.48.
    const photos = [
      photo(['bird'], { bird: 0.6 }),
      photo(['bird'], { bird: 0.5 }),
      photo([], { bird: 0.45 }),
      photo([], { bird: 0.48 }),
    ];
    const held = heldOutFigures(photos, prior, ['bird']);
    // From even: bird >= 0.46, scored on odd: 0.5 right, 0.48 wrong.
    assert.deepEqual([held.evenToOdd.overall.truePositives, held.evenToOdd.overall.falsePositives], [1, 1]);
    // From odd: bird >= 0.49, scored on even: 0.6 right, 0.45 kept out.
    assert.deepEqual([held.oddToEven.overall.truePositives, held.oddToEven.overall.falsePositives], [1, 0]);
    assert.equal(held.combined.overall.precision, 2 / 3);
    assert.equal(held.combined.scores[0]?.label, 'bird');
  });

  it('reads a run: the best vision confidence per label, other sources ignored', () => {
    const [calibration] = calibrationPhotosOf([
      {
        photo: { truth: { present: ['dog'], uncertain: ['cat'] } },
        analysis: {
          labels: [
            { label: 'dog', source: 'vision', confidence: 0.3 },
            { label: 'dog', source: 'vision', confidence: 0.5 },
            { label: 'beach', source: 'keyword', confidence: 1 },
          ],
        },
      },
    ]);
    assert.deepEqual([...(calibration?.confidences ?? [])], [['dog', 0.5]]);
    assert.deepEqual(calibration?.uncertain, ['cat']);
  });
});
