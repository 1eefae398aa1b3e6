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

describe('standalone display config: web app sessions, frames and the ambient clip share', () => {
  it('defaults to frame accounts on, a session key derived from the signing key, and the display default share', () => {
    const config = standaloneDisplayConfigFromEnv(valid);
    assert.deepEqual(config.frame, { accounts: true, ownerId: 'local' });
    assert.equal(config.ambientClipSharePercent, undefined);
    // The same on every instance with the same keys, and not the signing key itself.
    assert.equal(standaloneDisplayConfigFromEnv(valid).sessionKey, config.sessionKey);
    assert.notEqual(config.sessionKey, valid.RENDITION_SIGNING_KEYS);
    assert.ok(config.sessionKey.length >= 32);
    const other = standaloneDisplayConfigFromEnv({
      ...valid,
      RENDITION_SIGNING_KEYS: 'another-display-config-key-0123456789',
    });
    assert.notEqual(other.sessionKey, config.sessionKey);
  });

  it('reads FRAME_ACCOUNTS, PHOTO_OWNER_ID, FRAME_SESSION_KEY and AMBIENT_CLIP_SHARE', () => {
    const config = standaloneDisplayConfigFromEnv({
      ...valid,
      FRAME_ACCOUNTS: 'false',
      PHOTO_OWNER_ID: 'family',
      FRAME_SESSION_KEY: 'a-session-key-of-at-least-32-characters',
      AMBIENT_CLIP_SHARE: '20%',
    });
    assert.deepEqual(config.frame, { accounts: false, ownerId: 'family' });
    assert.equal(config.sessionKey, 'a-session-key-of-at-least-32-characters');
    assert.equal(config.ambientClipSharePercent, 20);
  });

  it('refuses a short session key, a bad owner and a clip share outside 0..100, naming the variable', () => {
    for (const [name, value, message] of [
      ['FRAME_SESSION_KEY', 'short', /FRAME_SESSION_KEY must be at least 32 characters/],
      ['PHOTO_OWNER_ID', '../etc', /PHOTO_OWNER_ID/],
      ['FRAME_ACCOUNTS', 'maybe', /FRAME_ACCOUNTS/],
      ['AMBIENT_CLIP_SHARE', '150', /AMBIENT_CLIP_SHARE must be a whole percentage from 0 to 100/],
      ['AMBIENT_CLIP_SHARE', '-1', /AMBIENT_CLIP_SHARE/],
      ['AMBIENT_CLIP_SHARE', 'abc', /AMBIENT_CLIP_SHARE/],
    ] as const) {
      assert.throws(
        () => standaloneDisplayConfigFromEnv({ ...valid, [name]: value }),
        message,
        `${name}=${value}`,
      );
    }
  });
});
