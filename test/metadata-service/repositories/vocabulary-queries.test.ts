import assert from 'node:assert/strict';
import { spokenVariants } from '../../../metadata-service/repositories/vocabulary-queries';

describe('spokenVariants', () => {
  it('says an album without its year, a season’s year span included', () => {
    assert.deepEqual(spokenVariants('Hawaii 2019', 'hawaii 2019', 'album'), ['hawaii 2019', 'hawaii']);
    // "Winter 2025-26" normalizes to "winter 2025 26": the "26" ends the span, it is no word of the name.
    assert.deepEqual(spokenVariants('Winter 2025-26', 'winter 2025 26', 'album'), [
      'winter 2025 26',
      'winter',
    ]);
    // A two-digit word elsewhere stays.
    assert.deepEqual(spokenVariants('Route 66', 'route 66', 'album'), ['route 66']);
    assert.deepEqual(spokenVariants('Anna Smith', 'anna smith', 'person'), ['anna smith', 'anna']);
  });
});
