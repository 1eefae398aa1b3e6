import assert from 'node:assert/strict';
import { instantOfLocal, offsetMinutesAt, zoneForPosition } from '../../../metadata-service/ingest/time-zone';

const at = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('time zones from GPS', () => {
  it('names the IANA zone of a position offline, and null for impossible positions', () => {
    assert.equal(zoneForPosition(38.7223, -9.1393), 'Europe/Lisbon');
    assert.equal(zoneForPosition(-33.8568, 151.2153), 'Australia/Sydney');
    assert.equal(zoneForPosition(91, 0), null);
  });

  it('applies the offset in force at that local time (DST, half-hour zones)', () => {
    assert.equal(instantOfLocal(at(2025, 1, 10, 12), 'America/New_York').offsetMinutes, -300);
    assert.equal(instantOfLocal(at(2025, 7, 10, 12), 'America/New_York').offsetMinutes, -240);
    assert.equal(instantOfLocal(at(2025, 7, 10, 12), 'Asia/Kolkata').offsetMinutes, 330);
    assert.equal(offsetMinutesAt(Date.UTC(2025, 6, 1), 'America/St_Johns'), -150);
  });

  it('resolves a wall time repeated by fall-back to its first occurrence, and one skipped by spring-forward', () => {
    const repeated = instantOfLocal(at(2023, 10, 29, 2, 30), 'Europe/Berlin');
    assert.equal(new Date(repeated.utcMs).toISOString(), '2023-10-29T00:30:00.000Z');
    const skipped = instantOfLocal(at(2023, 3, 26, 2, 30), 'Europe/Berlin');
    assert.equal(skipped.offsetMinutes, 60);
  });
});
