import assert from 'node:assert/strict';
import { negotiateFormat, resolveFormatSettings } from '../../../display-service/renditions/output-formats';

describe('renditions/output-formats', () => {
  it('answers JPEG unless the client names WebP or AVIF explicitly, preferring AVIF', () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'jpeg'],
      ['', 'jpeg'],
      ['*/*', 'jpeg'],
      ['image/*', 'jpeg'],
      ['image/jpeg', 'jpeg'],
      ['image/webp,*/*', 'webp'],
      ['image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8', 'avif'], // Chrome
      ['image/webp, image/avif', 'avif'],
      ['IMAGE/AVIF', 'avif'],
      ['image/avif;q=0, image/webp', 'webp'],
      ['image/avif;q=0.0, image/webp;q=0', 'jpeg'],
      ['image/avif;q=0.5', 'avif'],
    ];
    for (const [accept, expected] of cases) assert.equal(negotiateFormat(accept), expected, String(accept));
  });

  it('fills in default qualities and refuses impossible ones', () => {
    const settings = resolveFormatSettings({ webp: { quality: 70, effort: 4 } });
    assert.deepEqual(settings, {
      jpeg: { quality: 82 },
      webp: { quality: 70, effort: 4 },
      avif: { quality: 50, effort: 4 },
    });
    assert.throws(() => resolveFormatSettings({ jpeg: { quality: 0 } }), /jpeg quality/);
  });
});
