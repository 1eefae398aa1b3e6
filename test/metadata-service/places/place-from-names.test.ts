import assert from 'node:assert/strict';
import { placeFromNames } from '../../../metadata-service/places/place-from-names';
import { reverseGeocode } from '../../../metadata-service/places/reverse-geocode';

describe('a place from IPTC/XMP location names (no GPS)', () => {
  it('gives the same place the GPS path gives for the same spot', () => {
    const fromNames = placeFromNames({
      city: 'Santa Monica',
      region: 'California',
      country: 'United States',
    });
    const fromGps = reverseGeocode(34.0195, -118.4912);
    assert.deepEqual(fromNames, { ...fromGps, sublocation: null });
    assert.deepEqual(fromNames, {
      sublocation: null,
      city: 'Santa Monica',
      metro: 'Los Angeles',
      county: 'Los Angeles County',
      region: 'California',
      country: 'United States',
      countryCode: 'US',
      regionCode: 'CA',
      countyCode: '037',
    });
  });

  it('reads local names and codes as exports write them (German names, alpha-3 country codes, state codes)', () => {
    assert.deepEqual(
      pick(placeFromNames({ city: 'München', region: 'Bayern', country: 'Deutschland', countryCode: 'DEU' })),
      { city: 'Munich', metro: 'Munich', county: 'Upper Bavaria', region: 'Bavaria', country: 'Germany' },
    );
    assert.deepEqual(pick(placeFromNames({ city: 'Brooklyn', region: 'NY', countryCode: 'USA' })), {
      city: 'Brooklyn',
      metro: 'New York City',
      county: 'Kings County',
      region: 'New York',
      country: 'United States',
    });
  });

  it('disambiguates same-named towns by region and country', () => {
    assert.deepEqual(pick(placeFromNames({ city: 'Paris', region: 'Texas', countryCode: 'US' })), {
      city: 'Paris',
      metro: null,
      county: 'Lamar County',
      region: 'Texas',
      country: 'United States',
    });
    assert.equal(placeFromNames({ city: 'Paris', country: 'France' })?.region, 'Île-de-France');
    assert.equal(placeFromNames({ city: 'London', country: 'Canada' })?.region, 'Ontario');
    // An export's "New York, NY": the city, by its nickname, not a namesake elsewhere.
    assert.deepEqual(pick(placeFromNames({ city: 'New York', region: 'NY', country: 'USA' })), {
      city: 'New York City',
      metro: 'New York City',
      county: null,
      region: 'New York',
      country: 'United States',
    });
    // A county written as the region, and a county name five states share: the one the city is in.
    assert.deepEqual(pick(placeFromNames({ city: 'Anaheim', region: 'Orange County', countryCode: 'US' })), {
      city: 'Anaheim',
      metro: null,
      county: 'Orange County',
      region: 'California',
      country: 'United States',
    });
    // UK exports write the nation as the country.
    assert.deepEqual(pick(placeFromNames({ city: 'Inverness', country: 'Scotland' })), {
      city: 'Inverness',
      metro: null,
      county: 'Highland',
      region: 'Scotland',
      country: 'United Kingdom',
    });
    assert.equal(placeFromNames({ region: 'Highland', country: 'Scotland' })?.county, 'Highland');
    // A local name the gazetteer lists only as an alternate, narrowed by the country written beside it.
    assert.equal(placeFromNames({ city: 'Lisboa', country: 'Portugal' })?.city, 'Lisbon');
    // With nothing to narrow by, the biggest place of the name.
    assert.equal(placeFromNames({ city: 'Paris' })?.country, 'France');
  });

  it('keeps the sublocation, and makes a neighbourhood written as the city the sublocation of its city', () => {
    assert.deepEqual(pick(placeFromNames({ sublocation: 'Pier', city: 'Santa Monica', countryCode: 'US' })), {
      city: 'Santa Monica',
      metro: 'Los Angeles',
      county: 'Los Angeles County',
      region: 'California',
      country: 'United States',
    });
    assert.equal(placeFromNames({ sublocation: 'Pier', city: 'Santa Monica' })?.sublocation, 'Pier');
    const bogenhausen = placeFromNames({ city: 'Bogenhausen', country: 'Germany' });
    assert.equal(bogenhausen?.sublocation, 'Bogenhausen');
    assert.equal(bogenhausen?.city, 'Munich');
  });

  it('places a region or a county alone (a national park written only as its state and country)', () => {
    assert.deepEqual(
      pick(placeFromNames({ sublocation: 'Old Faithful', region: 'Wyoming', country: 'USA' })),
      {
        city: null,
        metro: null,
        county: null,
        region: 'Wyoming',
        country: 'United States',
      },
    );
    assert.deepEqual(pick(placeFromNames({ region: 'Cornwall', country: 'United Kingdom' })), {
      city: null,
      metro: null,
      county: 'Cornwall',
      region: 'England',
      country: 'United Kingdom',
    });
    assert.equal(placeFromNames({ country: 'Italien' })?.country, 'Italy');
  });

  it('keeps names the gazetteer does not know as written, and never lets a namesake elsewhere stand in', () => {
    assert.deepEqual(pick(placeFromNames({ city: 'Atlantis', country: 'Nowhere Land' })), {
      city: 'Atlantis',
      metro: null,
      county: null,
      region: null,
      country: 'Nowhere Land',
    });
    const unknownTown = placeFromNames({ city: 'Xqzvillage', region: 'Outer Nowhere', country: 'France' });
    assert.deepEqual(pick(unknownTown), {
      city: 'Xqzvillage',
      metro: null,
      county: null,
      region: 'Outer Nowhere',
      country: 'France',
    });
  });

  it('returns null for no names at all, and bounds hostile input', () => {
    assert.equal(placeFromNames({}), null);
    assert.equal(placeFromNames({ city: '   ', region: '', country: null }), null);
    const long = placeFromNames({ city: 'x'.repeat(5000) });
    assert.equal(long?.city?.length, 128);
  });
});

function pick(place: ReturnType<typeof placeFromNames>): Record<string, unknown> {
  return {
    city: place?.city ?? null,
    metro: place?.metro ?? null,
    county: place?.county ?? null,
    region: place?.region ?? null,
    country: place?.country ?? null,
  };
}
