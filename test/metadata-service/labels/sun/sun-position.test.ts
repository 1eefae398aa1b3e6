import assert from 'node:assert/strict';
import { sunAt } from '../../../../metadata-service/labels/sun/sun-position';

/*
 * Published times (timeanddate.com / NOAA, rounded to the minute): London 2026-06-21 sunrise 04:43 BST, sunset
 * 21:21 BST; Sydney 2024-12-21 sunset 20:05 AEDT; Helsinki on midsummer night the sun stays about 6-7° below the
 * northern horizon (civil twilight all night).
 */
describe('sun position at a capture instant and place', () => {
  const london = { latitude: 51.5074, longitude: -0.1278 };

  it('puts the sun on the horizon at London’s published sunset, in the evening half, in the north-west', () => {
    const sun = sunAt(new Date('2026-06-21T20:21:00Z'), london.latitude, london.longitude);
    assert.ok(sun.altitude > -1.5 && sun.altitude < 0.5, `altitude ${sun.altitude}`);
    assert.equal(sun.half, 'evening');
    assert.ok(sun.azimuth > 300 && sun.azimuth < 330, `azimuth ${sun.azimuth}`);
  });

  it('has the sun a few degrees up half an hour before that sunset, and below −6° an hour after', () => {
    const before = sunAt(new Date('2026-06-21T19:51:00Z'), london.latitude, london.longitude);
    const after = sunAt(new Date('2026-06-21T21:21:00Z'), london.latitude, london.longitude);
    assert.ok(before.altitude > 2 && before.altitude < 6, `altitude ${before.altitude}`);
    assert.ok(after.altitude < -6, `altitude ${after.altitude}`);
  });

  it('puts London’s published sunrise in the morning half, in the north-east', () => {
    const sun = sunAt(new Date('2026-06-21T03:43:00Z'), london.latitude, london.longitude);
    assert.ok(sun.altitude > -1.5 && sun.altitude < 0.5, `altitude ${sun.altitude}`);
    assert.equal(sun.half, 'morning');
    assert.ok(sun.azimuth > 30 && sun.azimuth < 60, `azimuth ${sun.azimuth}`);
  });

  it('reads the southern hemisphere’s summer sunset (Sydney) as evening, the sun in the south-west', () => {
    const sun = sunAt(new Date('2024-12-21T09:05:00Z'), -33.8688, 151.2093);
    assert.ok(sun.altitude > -1.5 && sun.altitude < 0.5, `altitude ${sun.altitude}`);
    assert.equal(sun.half, 'evening');
    assert.ok(sun.azimuth > 230 && sun.azimuth < 260, `azimuth ${sun.azimuth}`);
  });

  it('calls 01:43 on a Helsinki midsummer night morning (after solar midnight), the sun just below −5°', () => {
    // 01:43 EEST = 22:43 UTC the day before; Helsinki's solar midnight is about 01:20 EEST.
    const sun = sunAt(new Date('2015-06-20T22:43:36Z'), 60.17, 24.94);
    assert.equal(sun.half, 'morning');
    assert.ok(sun.altitude < -5 && sun.altitude > -7, `altitude ${sun.altitude}`);
    // Half an hour earlier it was still the evening half.
    assert.equal(sunAt(new Date('2015-06-20T22:00:00Z'), 60.17, 24.94).half, 'evening');
  });

  it('has the sun high at noon and far below the horizon at midnight', () => {
    assert.ok(sunAt(new Date('2026-06-21T12:02:00Z'), london.latitude, london.longitude).altitude > 60);
    assert.ok(sunAt(new Date('2026-12-21T00:00:00Z'), london.latitude, london.longitude).altitude < -50);
  });
});
