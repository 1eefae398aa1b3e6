import assert from 'node:assert/strict';
import { renderObjectGates } from '../../../eval/vision/object-gates-file';

describe('object search gates file', () => {
  it('renders each gate as code with its evidence, null for a class that never answers', () => {
    const text = renderObjectGates(
      [
        { label: 'bird', threshold: 0.47, status: 'measured', positives: 3, falseDetections: 5 },
        { label: 'sports ball', threshold: null, status: 'not searchable', positives: 0, falseDetections: 2 },
      ],
      { photos: 12, set: 'set-abc' },
    );
    assert.match(text, /OBJECT_GATES_CALIBRATION = \{ photos: 12, set: "set-abc" \}/);
    assert.match(text, /"bird": 0\.47, \/\/ measured: 3 right, 5 wrong detections/);
    assert.match(text, /"sports ball": null, \/\/ not searchable: 0 right, 2 wrong detections/);
  });
});
