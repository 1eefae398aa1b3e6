import assert from 'node:assert/strict';
import {
  captureMoment,
  type CaptureFacts,
  type CaptureMoment,
} from '../../../../metadata-service/labels/sun/capture-moment';

const facts = (over: Partial<CaptureFacts>): CaptureFacts => ({
  takenLocal: null,
  takenUtc: null,
  takenTimeSource: 'exif-local-only',
  latitude: null,
  longitude: null,
  timeZone: null,
  placeCity: null,
  placeRegionCode: null,
  placeCountryCode: null,
  ...over,
});

function moment(value: ReturnType<typeof captureMoment>): CaptureMoment {
  assert.ok(!('missing' in value), `no moment: ${'reason' in value ? value.reason : ''}`);
  return value;
}

describe('the capture moment the sun is computed for', () => {
  it('uses the stored instant and the GPS position when both are known', () => {
    const found = moment(
      captureMoment(
        facts({
          takenLocal: '2026-06-21T21:21:00',
          takenUtc: '2026-06-21T20:21:00.000Z',
          takenTimeSource: 'exif-with-offset',
          latitude: 51.5,
          longitude: -0.12,
          timeZone: '+01:00',
        }),
      ),
    );
    assert.equal(found.instant.toISOString(), '2026-06-21T20:21:00.000Z');
    assert.equal(found.positionFrom, 'gps');
    assert.equal(found.timeFrom, 'instant');
  });

  it('places a local time without offset at a city-only photo in that city’s zone (Munich, summer time)', () => {
    const found = moment(
      captureMoment(
        facts({ takenLocal: '2024-07-01T21:00:00', placeCity: 'Munich', placeCountryCode: 'DE' }),
      ),
    );
    // 21:00 CEST is 19:00 UTC.
    assert.equal(found.instant.toISOString(), '2024-07-01T19:00:00.000Z');
    assert.equal(found.zone, 'Europe/Berlin');
    assert.equal(found.positionFrom, 'place');
    assert.ok(Math.abs(found.latitude - 48.14) < 0.1 && Math.abs(found.longitude - 11.58) < 0.1);
  });

  it('takes a fixed stored offset as it is', () => {
    const found = moment(
      captureMoment(
        facts({ takenLocal: '2024-01-10T18:30:00', timeZone: '-05:00', latitude: 40.7, longitude: -74 }),
      ),
    );
    assert.equal(found.instant.toISOString(), '2024-01-10T23:30:00.000Z');
    assert.equal(found.timeFrom, 'local-in-zone');
  });

  it('gives no moment for a time guessed from the file date, or no time at all', () => {
    const guessed = captureMoment(
      facts({
        takenLocal: '2024-01-10T18:30:00',
        takenTimeSource: 'file-modified',
        latitude: 1,
        longitude: 1,
      }),
    );
    assert.deepEqual('missing' in guessed && guessed.missing, 'time');
    const none = captureMoment(facts({ latitude: 1, longitude: 1 }));
    assert.deepEqual('missing' in none && none.missing, 'time');
  });

  it('gives no moment without GPS or a city the gazetteer knows in that country', () => {
    const nowhere = captureMoment(facts({ takenUtc: '2024-01-10T18:30:00Z', takenTimeSource: 'sidecar' }));
    assert.deepEqual('missing' in nowhere && nowhere.missing, 'place');
    const unknownCity = captureMoment(
      facts({ takenUtc: '2024-01-10T18:30:00Z', placeCity: 'Nowhereville Xq', placeCountryCode: 'DE' }),
    );
    assert.deepEqual('missing' in unknownCity && unknownCity.missing, 'place');
    // Munich exists, but not in Japan: a country that disagrees is no licence to use the German one.
    const wrongCountry = captureMoment(
      facts({ takenUtc: '2024-01-10T18:30:00Z', placeCity: 'Munich', placeCountryCode: 'JP' }),
    );
    assert.deepEqual('missing' in wrongCountry && wrongCountry.missing, 'place');
  });

  it('rejects stored times that are not dates', () => {
    const bad = captureMoment(facts({ takenLocal: 'yesterday-ish', latitude: 1, longitude: 1 }));
    assert.deepEqual('missing' in bad && bad.missing, 'time');
    const badUtc = captureMoment(
      facts({ takenUtc: 'not a date', takenTimeSource: 'sidecar', latitude: 1, longitude: 1 }),
    );
    assert.deepEqual('missing' in badUtc && badUtc.missing, 'time');
  });
});
