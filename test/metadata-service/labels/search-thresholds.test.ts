import assert from 'node:assert/strict';
import { canonicalLabel } from '../../../common/vocabulary';
import {
  DEFAULT_VISION_SEARCH_THRESHOLD,
  VISION_SEARCH_THRESHOLDS,
  answersSearch,
  searchThreshold,
} from '../../../metadata-service/labels/search-thresholds';
import { SUGGESTED_FACTOR } from '../../../metadata-service/vision/coco-labels';

describe('label search thresholds', () => {
  it("lets the owner's own words answer at any confidence", () => {
    for (const source of ['keyword', 'sidecar', 'folder'] as const) {
      assert.equal(searchThreshold('beach', source), 0);
      assert.ok(answersSearch({ label: 'sunset', source, confidence: 0.01 }));
    }
  });

  it('holds vision labels to their per-label threshold, inclusive', () => {
    assert.equal(searchThreshold('dog', 'vision'), DEFAULT_VISION_SEARCH_THRESHOLD);
    // The dog in darknet's dog.jpg scores 0.42: a real dog must answer.
    assert.ok(answersSearch({ label: 'dog', source: 'vision', confidence: 0.42 }));
    assert.ok(answersSearch({ label: 'dog', source: 'vision', confidence: 0.4 }));
    assert.ok(!answersSearch({ label: 'dog', source: 'vision', confidence: 0.39 }));
    // The zebra beside darknet's giraffe scores 0.58 (its box is the zebra's): a real zebra must answer.
    assert.ok(answersSearch({ label: 'zebra', source: 'vision', confidence: 0.58 }));
    assert.ok(!answersSearch({ label: 'beach', source: 'vision', confidence: 0.59 }));
    assert.ok(answersSearch({ label: 'beach', source: 'vision', confidence: 0.6 }));
    assert.ok(!answersSearch({ label: 'teddy bear', source: 'vision', confidence: 0.45 }));
  });

  it('puts every scene a derivation can produce above what a suggestion can reach', () => {
    for (const scene of ['beach', 'sea', 'water', 'street', 'snow', 'city']) {
      assert.ok((VISION_SEARCH_THRESHOLDS[scene] ?? 0) > SUGGESTED_FACTOR, scene);
    }
  });

  it('names only vocabulary labels, with thresholds between the detector floor and 1', () => {
    for (const [label, threshold] of Object.entries(VISION_SEARCH_THRESHOLDS)) {
      assert.equal(canonicalLabel(label), label);
      assert.ok(threshold > 0.25 && threshold < 1, label);
    }
  });
});
