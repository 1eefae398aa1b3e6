import assert from 'node:assert/strict';
import { findPlacesByName } from '../../../metadata-service/places/find-places';
import { foldName } from '../../../metadata-service/places/place-names';
import { reverseGeocode } from '../../../metadata-service/places/reverse-geocode';

describe('finding places by name', () => {
  it('folds accents, case and punctuation', () => {
    assert.equal(foldName('  Zürich '), 'zurich');
    assert.equal(foldName("St. John's"), 'st johns');
    assert.equal(foldName('Île-de-France'), 'ile de france');
  });

  it('knows nicknames and both meanings of "New York"', () => {
    assert.deepEqual(findPlacesByName('NYC'), [{ level: 'city', name: 'New York City', countryCode: 'US' }]);
    assert.deepEqual(findPlacesByName('new york'), [
      { level: 'city', name: 'New York City', countryCode: 'US' },
      { level: 'region', name: 'New York', countryCode: 'US' },
    ]);
  });

  it('finds countries by English name, abbreviation and their own name', () => {
    const us = [{ level: 'country', name: 'United States', countryCode: 'US' }];
    assert.deepEqual(findPlacesByName('USA'), us);
    assert.deepEqual(findPlacesByName('United States'), us);
    assert.deepEqual(findPlacesByName('the states'), us);
    assert.deepEqual(findPlacesByName('Deutschland'), [
      { level: 'country', name: 'Germany', countryCode: 'DE' },
    ]);
    assert.deepEqual(findPlacesByName('UK'), [
      { level: 'country', name: 'United Kingdom', countryCode: 'GB' },
    ]);
  });

  it('finds regions, without the small towns that share their name', () => {
    assert.deepEqual(findPlacesByName('California'), [
      { level: 'region', name: 'California', countryCode: 'US' },
    ]);
    assert.deepEqual(findPlacesByName('bavaria'), [{ level: 'region', name: 'Bavaria', countryCode: 'DE' }]);
    // A nickname and a real city of two million: both, the nickname first.
    assert.deepEqual(findPlacesByName('Cali'), [
      { level: 'region', name: 'California', countryCode: 'US' },
      { level: 'city', name: 'Cali', countryCode: 'CO' },
    ]);
  });

  it('lists a shared city name biggest first, with the names reverse geocoding stores', () => {
    const londons = findPlacesByName('london');
    assert.deepEqual(londons[0], { level: 'city', name: 'London', countryCode: 'GB' });
    assert.ok(londons.some((p) => p.countryCode === 'CA'));
    // What search matches must be what ingest stored for a photo taken there.
    assert.equal(reverseGeocode(51.508, -0.1281)?.city, londons[0]?.name);
    assert.deepEqual(findPlacesByName('Marseille')[0], {
      level: 'city',
      name: 'Marseille',
      countryCode: 'FR',
    });
    assert.deepEqual(findPlacesByName('cologne')[0], { level: 'city', name: 'Köln', countryCode: 'DE' });
  });

  it('finds nothing for words that are no place', () => {
    assert.deepEqual(findPlacesByName('birthday cake'), []);
    assert.deepEqual(findPlacesByName('   '), []);
  });
});
