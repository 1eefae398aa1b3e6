import assert from 'node:assert/strict';
import { calibrateRun, gateFloor } from '../../bench/vision-eval-objects';
import type { CalibrationPhoto } from '../../eval/vision/object-calibration';
import { priorVisionThreshold } from '../../metadata-service/labels/search-thresholds';
import { OBJECT_SEARCH_GATES } from '../../metadata-service/vision/objects/object-search-gates';

const photo = (present: string[], confidences: [string, number][]): CalibrationPhoto => ({
  present,
  uncertain: [],
  confidences: new Map(confidences),
});

describe('bench:vision gate calibration from the committed gates', () => {
  it('starts each gate at the prior or the committed gate, whichever is higher', () => {
    for (const [label, committed] of Object.entries(OBJECT_SEARCH_GATES)) {
      assert.equal(gateFloor(label), Math.max(priorVisionThreshold(label), committed ?? 0), label);
    }
    assert.equal(gateFloor('toothbrush'), priorVisionThreshold('toothbrush'));
  });

  it('never writes a gate below the committed one, even when this run saw no false detection', () => {
    const raised = Object.entries(OBJECT_SEARCH_GATES).find(
      ([label, gate]) => gate !== null && gate > priorVisionThreshold(label),
    );
    assert.ok(raised, 'some committed gate is above its prior');
    const [label, committed] = raised;
    const gates = calibrateRun([photo([label], [[label, 0.95]]), photo([], [])]);
    const gate = gates.find((g) => g.label === label);
    assert.equal(gate?.threshold, committed);
  });

  it('still raises a gate above a more confident false detection', () => {
    const gates = calibrateRun([photo(['dog'], [['dog', 0.9]]), photo([], [['dog', 0.61]])]);
    assert.equal(gates.find((g) => g.label === 'dog')?.threshold, 0.62);
  });

  it('keeps a label committed as never answering as never, whatever this run saw', () => {
    const never = Object.entries(OBJECT_SEARCH_GATES).find(([, gate]) => gate === null);
    assert.ok(never, 'some committed gate never answers');
    const [label] = never;
    const gates = calibrateRun([photo([label], [[label, 0.99]])]);
    const gate = gates.find((g) => g.label === label);
    assert.equal(gate?.threshold, null);
    assert.equal(gate?.status, 'not searchable');
  });
});
