import assert from 'node:assert/strict';
import { answersSearch } from '../../../../metadata-service/labels/search-thresholds';
import {
  SUN_LABEL_CONFIDENCE,
  SUN_LABEL_PRECISION,
  SUN_PRECISION_BAR,
} from '../../../../metadata-service/labels/sun/sun-search-gate';
import { SUN_LABELS } from '../../../../metadata-service/labels/sun/sun-rules';

describe('sun labels: which answer a search', () => {
  it('lets exactly the labels whose measured precision clears the bar answer', () => {
    for (const label of SUN_LABELS) {
      const answers = answersSearch({ label, source: 'sun', confidence: SUN_LABEL_CONFIDENCE });
      assert.equal(answers, SUN_LABEL_PRECISION[label] >= SUN_PRECISION_BAR, label);
    }
    assert.ok(answersSearch({ label: 'sunset', source: 'sun', confidence: SUN_LABEL_CONFIDENCE }));
    assert.ok(!answersSearch({ label: 'night', source: 'sun', confidence: SUN_LABEL_CONFIDENCE }));
  });

  it('never lets a label the sun labeller does not give answer from the sun source', () => {
    assert.ok(!answersSearch({ label: 'beach', source: 'sun', confidence: 1 }));
    assert.ok(!answersSearch({ label: 'constructor', source: 'sun', confidence: 1 }));
  });

  it('leaves a keyword "night" answering as before', () => {
    assert.ok(answersSearch({ label: 'night', source: 'keyword', confidence: 1 }));
  });
});
