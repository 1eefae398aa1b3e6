import assert from 'node:assert/strict';
import { findPlacesByName } from '../../../metadata-service/places/find-places';
import { foldName } from '../../../metadata-service/places/place-names';
import { placeFromNames } from '../../../metadata-service/places/place-from-names';
import { reverseGeocode } from '../../../metadata-service/places/reverse-geocode';

describe('finding places by name', () => {
  it('folds accents, case and punctuation', () => {
    assert.equal(foldName('  Zürich '), 'zurich');
    assert.equal(foldName("St. John's"), 'st johns');
    assert.equal(foldName('Île-de-France'), 'ile de france');
  });

  it('knows nicknames and both meanings of "New York"; a big city is found as the metro its suburbs share', () => {
    assert.deepEqual(findPlacesByName('NYC'), [{ level: 'metro', name: 'New York City', countryCode: 'US' }]);
    assert.deepEqual(findPlacesByName('new york'), [
      { level: 'metro', name: 'New York City', countryCode: 'US' },
      { level: 'region', name: 'New York', countryCode: 'US' },
    ]);
    assert.deepEqual(findPlacesByName('Los Angeles')[0], {
      level: 'metro',
      name: 'Los Angeles',
      countryCode: 'US',
    });
    // What search matches must be what ingest stored for a suburb's photo.
    assert.equal(reverseGeocode(34.0095, -118.497)?.metro, 'Los Angeles');
    // A suburb or a city inside a bigger one's metro is found as a city.
    assert.deepEqual(findPlacesByName('Santa Monica')[0], {
      level: 'city',
      name: 'Santa Monica',
      countryCode: 'US',
    });
    assert.deepEqual(findPlacesByName('Brooklyn')[0], { level: 'city', name: 'Brooklyn', countryCode: 'US' });
    assert.deepEqual(findPlacesByName('Bogenhausen'), [
      { level: 'sublocation', name: 'Bogenhausen', countryCode: 'DE' },
    ]);
  });

  it('knows every country, in English and German, with or without photos', () => {
    const us = [{ level: 'country', name: 'United States', countryCode: 'US' }];
    assert.deepEqual(findPlacesByName('USA'), us);
    assert.deepEqual(findPlacesByName('United States'), us);
    assert.deepEqual(findPlacesByName('the states'), us);
    assert.deepEqual(findPlacesByName('Vereinigte Staaten'), us);
    const italy = [{ level: 'country', name: 'Italy', countryCode: 'IT' }];
    assert.deepEqual(findPlacesByName('Italy'), italy);
    assert.deepEqual(findPlacesByName('Italien'), italy);
    assert.deepEqual(findPlacesByName('Deutschland'), [
      { level: 'country', name: 'Germany', countryCode: 'DE' },
    ]);
    assert.deepEqual(findPlacesByName('UK'), [
      { level: 'country', name: 'United Kingdom', countryCode: 'GB' },
    ]);
  });

  it('finds regions in English and German, without the small towns that share their name', () => {
    assert.deepEqual(findPlacesByName('California'), [
      { level: 'region', name: 'California', countryCode: 'US' },
    ]);
    const bavaria = [{ level: 'region', name: 'Bavaria', countryCode: 'DE' }];
    assert.deepEqual(findPlacesByName('bavaria'), bavaria);
    assert.deepEqual(findPlacesByName('Bayern'), bavaria);
    assert.deepEqual(findPlacesByName('Schottland'), [
      { level: 'region', name: 'Scotland', countryCode: 'GB' },
    ]);
    // A nickname and a real city of two million: both, the nickname first.
    assert.deepEqual(findPlacesByName('Cali'), [
      { level: 'region', name: 'California', countryCode: 'US' },
      { level: 'metro', name: 'Cali', countryCode: 'CO' },
    ]);
  });

  it('reads "Washington state" and "the state of New York" as the state, not the city', () => {
    const washington = [{ level: 'region', name: 'Washington', countryCode: 'US' }];
    assert.deepEqual(findPlacesByName('Washington state'), washington);
    assert.deepEqual(findPlacesByName('the state of Washington'), washington);
    assert.deepEqual(findPlacesByName('New York State'), [
      { level: 'region', name: 'New York', countryCode: 'US' },
    ]);
    // "state" after a word that names no state is no place.
    assert.deepEqual(findPlacesByName('happy state'), []);
  });

  it('finds counties and admin-2 regions: Cornwall, Orange County, Oberbayern', () => {
    assert.deepEqual(findPlacesByName('Cornwall')[0], {
      level: 'county',
      name: 'Cornwall',
      countryCode: 'GB',
    });
    assert.deepEqual(findPlacesByName('Orange County'), [
      { level: 'county', name: 'Orange County', countryCode: 'US' },
    ]);
    const upperBavaria = [{ level: 'county', name: 'Upper Bavaria', countryCode: 'DE' }];
    assert.deepEqual(findPlacesByName('Oberbayern'), upperBavaria);
    assert.deepEqual(findPlacesByName('Upper Bavaria'), upperBavaria);
    // The county a photo is stored under is the one search finds.
    assert.equal(reverseGeocode(50.415, -5.073)?.county, 'Cornwall');
  });

  it('lists same-named towns biggest first and narrows "Paris Texas" / "Paris, France" to one', () => {
    const parises = findPlacesByName('Paris');
    assert.deepEqual(parises[0], { level: 'metro', name: 'Paris', countryCode: 'FR' });
    assert.ok(parises.some((p) => p.countryCode === 'US' && p.name === 'Paris'));
    assert.deepEqual(findPlacesByName('Paris Texas'), [
      { level: 'city', name: 'Paris, Texas', countryCode: 'US' },
    ]);
    assert.deepEqual(findPlacesByName('Paris, France'), [
      { level: 'metro', name: 'Paris, France', countryCode: 'FR' },
    ]);
    assert.deepEqual(findPlacesByName('London')[0], { level: 'metro', name: 'London', countryCode: 'GB' });
    assert.ok(findPlacesByName('london').some((p) => p.countryCode === 'CA'));
    assert.equal(placeFromNames({ city: 'Paris', region: 'Texas' })?.region, 'Texas');
  });

  it('knows German and local names of cities through the gazetteer', () => {
    assert.deepEqual(findPlacesByName('München'), [{ level: 'metro', name: 'Munich', countryCode: 'DE' }]);
    assert.deepEqual(findPlacesByName('Mailand'), [{ level: 'metro', name: 'Milan', countryCode: 'IT' }]);
    assert.deepEqual(findPlacesByName('Wien'), [{ level: 'metro', name: 'Vienna', countryCode: 'AT' }]);
    assert.deepEqual(findPlacesByName('Rom')[0], { level: 'metro', name: 'Rome', countryCode: 'IT' });
    assert.deepEqual(findPlacesByName('cologne')[0], { level: 'metro', name: 'Köln', countryCode: 'DE' });
  });

  it('finds nothing for words that are no place, and survives hostile input', () => {
    assert.deepEqual(findPlacesByName('birthday cake'), []);
    assert.deepEqual(findPlacesByName('   '), []);
    assert.deepEqual(findPlacesByName('!!!,,,'), []);
    assert.deepEqual(findPlacesByName('x'.repeat(10_000)), []);
    assert.deepEqual(findPlacesByName('paris '.repeat(20)), []);
    const started = Date.now();
    assert.deepEqual(findPlacesByName('paris texas '.repeat(50_000)), []);
    assert.ok(Date.now() - started < 100, 'a huge text is refused at once');
  });
  it('never reads a leading preposition as a qualified place ("from England" is not Frome, England)', () => {
    assert.deepEqual(findPlacesByName('from england'), []);
    assert.deepEqual(findPlacesByName('in paris texas'), []);
    assert.deepEqual(findPlacesByName('aus bayern'), []);
    assert.deepEqual(findPlacesByName('England'), [{ level: 'region', name: 'England', countryCode: 'GB' }]);
    assert.deepEqual(findPlacesByName('Scotland'), [
      { level: 'region', name: 'Scotland', countryCode: 'GB' },
    ]);
    assert.deepEqual(findPlacesByName('Paris Texas'), [
      { level: 'city', name: 'Paris, Texas', countryCode: 'US' },
    ]);
  });

  it('finds a Tokyo ward by the name people say, without GeoNames\' "-ku"', () => {
    assert.deepEqual(findPlacesByName('Shibuya'), [
      { level: 'county', name: 'Shibuya-ku', countryCode: 'JP' },
    ]);
    assert.deepEqual(findPlacesByName('Shibuya-ku'), findPlacesByName('Shibuya'));
    // What search matches is what ingest stores for a photo there.
    assert.equal(reverseGeocode(35.6595, 139.7005)?.county, 'Shibuya-ku');
  });
});
