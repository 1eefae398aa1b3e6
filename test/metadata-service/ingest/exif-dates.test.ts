import assert from 'node:assert/strict';
import {
  captureTimeFromExif,
  parseExifLocal,
  parseExifOffsetMinutes,
} from '../../../metadata-service/ingest/exif-dates';

describe('EXIF capture time', () => {
  it('parses EXIF local date-times and rejects impossible ones', () => {
    assert.deepEqual(parseExifLocal('2024:02:29 23:59:59'), {
      year: 2024,
      month: 2,
      day: 29,
      hour: 23,
      minute: 59,
      second: 59,
    });
    assert.equal(parseExifLocal('2023:02:29 12:00:00'), undefined);
    assert.equal(parseExifLocal('2023:13:01 12:00:00'), undefined);
    assert.equal(parseExifLocal('    :  :     :  :  '), undefined);
    assert.equal(parseExifLocal(new Date()), undefined);
  });

  it('parses offsets and ignores blank or bogus ones', () => {
    assert.equal(parseExifOffsetMinutes('+05:30'), 330);
    assert.equal(parseExifOffsetMinutes('-09:30'), -570);
    assert.equal(parseExifOffsetMinutes('   :  '), undefined);
    assert.equal(parseExifOffsetMinutes('+25:00'), undefined);
  });

  it('computes UTC from local time and offset', () => {
    assert.deepEqual(captureTimeFromExif('2025:03:01 02:15:00', '+05:30'), {
      local: '2025-03-01T02:15:00',
      utc: '2025-02-28T20:45:00.000Z',
      source: 'exif-with-offset',
      timeZone: '+05:30',
      timeZoneSource: 'exif-offset',
    });
    assert.equal(captureTimeFromExif(undefined, '+01:00'), undefined);
  });
});
