import assert from 'node:assert/strict';
import { reverseGeocode } from '../../../metadata-service/places/reverse-geocode';

describe('reverse geocoding (offline)', () => {
  const cases: [string, number, number, ReturnType<typeof reverseGeocode>][] = [
    [
      'Santa Monica pier',
      34.0095,
      -118.497,
      { city: 'Santa Monica', region: 'California', country: 'United States', countryCode: 'US' },
    ],
    // The nearest entry is the district "Marseille 02": people say Marseille.
    [
      'Marseille Vieux-Port',
      43.2965,
      5.3698,
      { city: 'Marseille', region: "Provence-Alpes-Côte d'Azur", country: 'France', countryCode: 'FR' },
    ],
    // City of Westminster is 1.3 km away and a borough of London.
    [
      'Trafalgar Square',
      51.508,
      -0.1281,
      { city: 'London', region: 'England', country: 'United Kingdom', countryCode: 'GB' },
    ],
    [
      'Kyoto station',
      35.0116,
      135.7681,
      { city: 'Kyoto', region: 'Kyoto', country: 'Japan', countryCode: 'JP' },
    ],
    [
      'Zermatt',
      46.0207,
      7.7491,
      { city: 'Zermatt', region: 'Valais', country: 'Switzerland', countryCode: 'CH' },
    ],
    [
      'Sydney Opera House',
      -33.8568,
      151.2153,
      { city: 'Sydney', region: 'New South Wales', country: 'Australia', countryCode: 'AU' },
    ],
    // Neighbourhoods (Hell's Kitchen) and the borough (Manhattan) lose to the city; New Jersey across the river too.
    [
      'Times Square',
      40.758,
      -73.9855,
      { city: 'New York City', region: 'New York', country: 'United States', countryCode: 'US' },
    ],
    [
      'Eiffel Tower',
      48.8584,
      2.2945,
      { city: 'Paris', region: 'Île-de-France', country: 'France', countryCode: 'FR' },
    ],
  ];
  for (const [label, latitude, longitude, expected] of cases) {
    it(`names ${label}`, () => {
      assert.deepEqual(reverseGeocode(latitude, longitude), expected);
    });
  }

  it('keeps a place on its own side of a state line (Hoboken, NJ is not New York City)', () => {
    const place = reverseGeocode(40.744, -74.0324);
    assert.equal(place?.region, 'New Jersey');
    assert.notEqual(place?.city, 'New York City');
  });

  it('gives a country without a region for countries the admin1 table does not cover', () => {
    assert.deepEqual(reverseGeocode(-34.6037, -58.3816), {
      city: 'Buenos Aires',
      region: null,
      country: 'Argentina',
      countryCode: 'AR',
    });
  });

  it('returns null far from any town and for impossible coordinates', () => {
    assert.equal(reverseGeocode(0, -150), null);
    assert.equal(reverseGeocode(-60, -40), null);
    assert.equal(reverseGeocode(91, 0), null);
    assert.equal(reverseGeocode(Number.NaN, 0), null);
  });

  it('answers 1000 lookups on land from the in-memory index', () => {
    reverseGeocode(48.85, 2.35); // load the gazetteer outside the loop
    let named = 0;
    for (let i = 0; i < 1000; i += 1) {
      // A grid over Europe, mostly on land.
      const place = reverseGeocode(40 + (i % 40) * 0.4, -5 + Math.floor(i / 40) * 1.1);
      if (place?.city) named += 1;
    }
    assert.ok(named > 600, `only ${named} of 1000 points named a town`);
  });
});
