import assert from 'node:assert/strict';
import {
  DEFAULT_SETTINGS,
  isDimTime,
  loadSettings,
  type SettingsStorage,
} from '../../../../display-service/frame/browser/settings';

/** localStorage's part the settings use, over a Map. */
function storageWith(entries: Record<string, string>): SettingsStorage {
  const map = new Map(Object.entries(entries));
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('frame settings', () => {
  it('starts from the defaults, then stored settings, then URL parameters', () => {
    assert.deepEqual(loadSettings(new URLSearchParams(), null), DEFAULT_SETTINGS);
    const stored = storageWith({
      'photoframe.settings': JSON.stringify({ intervalSeconds: 30, clock: true }),
    });
    const settings = loadSettings(
      new URLSearchParams('interval=5&captions=0&kenburns=1&dim=23:30-06:15'),
      stored,
    );
    assert.deepEqual(settings, {
      ...DEFAULT_SETTINGS,
      intervalSeconds: 5,
      clock: true,
      captions: false,
      kenBurns: true,
      dim: true,
      dimFrom: '23:30',
      dimTo: '06:15',
    });
  });

  it('keeps values in range and ignores malformed ones', () => {
    const stored = storageWith({ 'photoframe.settings': '{"intervalSeconds":-4,"dimFrom":"25:00"' });
    const settings = loadSettings(new URLSearchParams('interval=99999&dim=late&dimlevel=3'), stored);
    assert.equal(settings.intervalSeconds, 3600);
    assert.equal(settings.dim, false);
    assert.equal(settings.dimFrom, '22:00');
    assert.equal(settings.dimLevel, 0.95);
    assert.equal(loadSettings(new URLSearchParams('interval=0.2'), null).intervalSeconds, 1);
  });

  it('dims on a schedule that may span midnight', () => {
    const night = { ...DEFAULT_SETTINGS, dim: true, dimFrom: '22:00', dimTo: '07:00' };
    const at = (hh: number, mm: number) => new Date(2026, 0, 1, hh, mm);
    assert.equal(isDimTime(night, at(21, 59)), false);
    assert.equal(isDimTime(night, at(22, 0)), true);
    assert.equal(isDimTime(night, at(3, 0)), true);
    assert.equal(isDimTime(night, at(7, 0)), false);
    const afternoon = { ...night, dimFrom: '13:00', dimTo: '14:00' };
    assert.equal(isDimTime(afternoon, at(13, 30)), true);
    assert.equal(isDimTime(afternoon, at(14, 30)), false);
    assert.equal(isDimTime({ ...night, dim: false }, at(23, 0)), false);
  });
});
