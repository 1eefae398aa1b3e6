import assert from 'node:assert/strict';
import { standaloneDisplayConfigFromEnv } from '../../../display-service/standalone/config';
import { TEST_SERVICE_TOKEN } from '../../support/test-credentials';

const valid = {
  DISPLAY_SQLITE_FILE: 'display.sqlite',
  METADATA_SERVICE_URL: 'http://library.internal:8080',
  PUBLIC_BASE_URL: 'https://photos.example.com',
  RENDITION_SIGNING_KEYS: 'standalone-display-config-key-0123456789',
  SERVICE_TOKENS: TEST_SERVICE_TOKEN,
};

describe('standalone display config: slideshow retention', () => {
  it('defaults to 72 hours and 200 slideshows per owner; blank means default', () => {
    assert.deepEqual(standaloneDisplayConfigFromEnv(valid).retention, {
      ttlMs: 72 * 3600_000,
      maxPerOwner: 200,
    });
    assert.deepEqual(
      standaloneDisplayConfigFromEnv({ ...valid, SLIDESHOW_TTL_HOURS: '', SLIDESHOWS_PER_OWNER: '' })
        .retention,
      { ttlMs: 72 * 3600_000, maxPerOwner: 200 },
    );
  });

  it('reads SLIDESHOW_TTL_HOURS and SLIDESHOWS_PER_OWNER', () => {
    assert.deepEqual(
      standaloneDisplayConfigFromEnv({ ...valid, SLIDESHOW_TTL_HOURS: '24', SLIDESHOWS_PER_OWNER: '50' })
        .retention,
      { ttlMs: 24 * 3600_000, maxPerOwner: 50 },
    );
  });

  it('refuses values that would keep nothing, everything or garbage, naming the variable', () => {
    for (const [name, value, message] of [
      ['SLIDESHOW_TTL_HOURS', '0', /SLIDESHOW_TTL_HOURS must be at least 1 hour/],
      ['SLIDESHOW_TTL_HOURS', '1.5', /SLIDESHOW_TTL_HOURS must be a whole number of hours/],
      ['SLIDESHOW_TTL_HOURS', 'forever', /SLIDESHOW_TTL_HOURS/],
      ['SLIDESHOW_TTL_HOURS', '100000', /SLIDESHOW_TTL_HOURS must be at most a year/],
      ['SLIDESHOWS_PER_OWNER', '3', /SLIDESHOWS_PER_OWNER must be at least 10/],
      ['SLIDESHOWS_PER_OWNER', '-1', /SLIDESHOWS_PER_OWNER/],
      ['SLIDESHOWS_PER_OWNER', '1000000', /SLIDESHOWS_PER_OWNER must be at most 100000/],
    ] as const) {
      assert.throws(
        () => standaloneDisplayConfigFromEnv({ ...valid, [name]: value }),
        message,
        `${name}=${value}`,
      );
    }
  });
});
