import assert from 'node:assert/strict';
import {
  DEFAULT_USER_SETTINGS,
  parseStoredSettings,
  userSettingsSchema,
} from '../../../lambda/persistence/user-settings';

describe('user settings schema', () => {
  it('nothing stored, or not an object, reads as the defaults', () => {
    for (const stored of [undefined, null, {}, 'text', 42, [1, 2], true]) {
      assert.deepEqual(parseStoredSettings(stored), DEFAULT_USER_SETTINGS, JSON.stringify(stored));
    }
    assert.deepEqual(DEFAULT_USER_SETTINGS, { intervalSeconds: 8, shuffle: false, loop: true });
  });

  it('a bad field falls back on its own; the others are kept; unknown fields are dropped', () => {
    assert.deepEqual(
      parseStoredSettings({
        intervalSeconds: 'fast',
        shuffle: true,
        loop: 'yes',
        hemisphere: 'eastern',
        timeZone: 'Mars/Olympus',
        ambientPosition: { slideshowId: 'ss_1', index: -3 },
        lastSlideshow: { kind: 'ambient', slideshowId: 'ss_ambient_last' },
        favouriteColour: 'blue',
      }),
      {
        intervalSeconds: 8,
        shuffle: true,
        loop: true,
        lastSlideshow: { kind: 'ambient', slideshowId: 'ss_ambient_last' },
      },
    );
    // A last slideshow whose query no longer validates is forgotten, not half-read.
    assert.equal(
      parseStoredSettings({
        lastSlideshow: { kind: 'query', slideshowId: 'ss_query_last', query: { order: 'x' } },
      }).lastSlideshow,
      undefined,
    );
    assert.deepEqual(
      parseStoredSettings({ intervalSeconds: 2, hemisphere: 'southern', timeZone: 'Europe/Berlin' }),
      { intervalSeconds: 8, shuffle: false, loop: true, hemisphere: 'southern', timeZone: 'Europe/Berlin' },
    );
    assert.equal(parseStoredSettings({ intervalSeconds: 301 }).intervalSeconds, 8);
    assert.equal(parseStoredSettings({ intervalSeconds: 300 }).intervalSeconds, 300);
  });

  it('writes are strict: an impossible value is an error, not silently fixed', () => {
    const valid = { intervalSeconds: 10, shuffle: false, loop: true };
    assert.equal(userSettingsSchema.safeParse(valid).success, true);
    assert.equal(userSettingsSchema.safeParse({ ...valid, intervalSeconds: 1 }).success, false);
    assert.equal(userSettingsSchema.safeParse({ ...valid, timeZone: 'Nowhere/Special' }).success, false);
    assert.equal(userSettingsSchema.safeParse({ ...valid, colour: 'blue' }).success, false);
  });
});
