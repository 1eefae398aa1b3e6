import assert from 'node:assert/strict';
import { PACE_STEPS_SECONDS, steppedPace } from '../../../lambda/util/slideshow-pace';

describe('pace steps (faster / slower)', () => {
  it('steps along 4, 6, 8, 12, 20, 30 s and stops at the ends', () => {
    assert.deepEqual([...PACE_STEPS_SECONDS], [4, 6, 8, 12, 20, 30]);
    assert.deepEqual(steppedPace(8, true), { changed: true, seconds: 6 });
    assert.deepEqual(steppedPace(8, false), { changed: true, seconds: 12 });
    assert.deepEqual(steppedPace(4, true), { changed: false, seconds: 4 });
    assert.deepEqual(steppedPace(30, false), { changed: false, seconds: 30 });
    assert.deepEqual(steppedPace(3, true), { changed: false, seconds: 3 });
    assert.deepEqual(steppedPace(3, false), { changed: true, seconds: 4 });
    assert.deepEqual(steppedPace(15, true), { changed: true, seconds: 12 });
    assert.deepEqual(steppedPace(300, true), { changed: true, seconds: 30 });
  });
});
