import assert from 'node:assert/strict';
import { reverseGeocode } from '../../../metadata-service/places/reverse-geocode';

describe('reverse geocoding (offline)', () => {
  const cases: [string, number, number, Partial<NonNullable<ReturnType<typeof reverseGeocode>>>][] = [
    [
      'Santa Monica pier (a suburb 23 km from downtown Los Angeles)',
      34.0095,
      -118.497,
      {
        city: 'Santa Monica',
        metro: 'Los Angeles',
        county: 'Los Angeles County',
        region: 'California',
        country: 'United States',
        countryCode: 'US',
      },
    ],
    ['Pasadena', 34.1478, -118.1445, { city: 'Pasadena', metro: 'Los Angeles', region: 'California' }],
    // Brooklyn (2.7 M) is part of New York City (8.8 M): the borough is the city, the bigger city within 30 km the metro.
    [
      'Brooklyn',
      40.6782,
      -73.9442,
      { city: 'Brooklyn', metro: 'New York City', county: 'Kings County', region: 'New York' },
    ],
    ['Queens', 40.7282, -73.7949, { city: 'Queens', metro: 'New York City', county: 'Queens County' }],
    ['Versailles', 48.8049, 2.1204, { city: 'Versailles', metro: 'Paris', region: 'Île-de-France' }],
    [
      'Bogenhausen, Munich (a neighbourhood)',
      48.1547,
      11.6167,
      {
        sublocation: 'Bogenhausen',
        city: 'Munich',
        metro: 'Munich',
        county: 'Upper Bavaria',
        region: 'Bavaria',
      },
    ],
    // The nearest entry is the district "Marseille 02": people say Marseille.
    [
      'Marseille Vieux-Port',
      43.2965,
      5.3698,
      { city: 'Marseille', region: "Provence-Alpes-Côte d'Azur", country: 'France', countryCode: 'FR' },
    ],
    // City of Westminster is 1.3 km away and a borough of London.
    ['Trafalgar Square', 51.508, -0.1281, { city: 'London', metro: 'London', region: 'England' }],
    ['Kyoto station', 35.0116, 135.7681, { city: 'Kyoto', region: 'Kyoto', country: 'Japan' }],
    ['Zermatt', 46.0207, 7.7491, { city: 'Zermatt', metro: null, region: 'Valais', country: 'Switzerland' }],
    ['Sydney Opera House', -33.8568, 151.2153, { city: 'Sydney', region: 'New South Wales' }],
    // Neighbourhoods and the borough (Manhattan) lose to the city; New Jersey across the river too.
    ['Times Square', 40.758, -73.9855, { city: 'New York City', region: 'New York', countryCode: 'US' }],
    ['Eiffel Tower', 48.8584, 2.2945, { city: 'Paris', metro: 'Paris', country: 'France' }],
    ['Newquay (Cornwall)', 50.415, -5.073, { city: 'Newquay', county: 'Cornwall', region: 'England' }],
    ['Disneyland (Orange County)', 33.8121, -117.919, { city: 'Anaheim', county: 'Orange County' }],
  ];
  for (const [label, latitude, longitude, expected] of cases) {
    it(`names ${label}`, () => {
      const place = reverseGeocode(latitude, longitude);
      assert.ok(place, `no place for ${label}`);
      assert.deepEqual(pick(place, Object.keys(expected)), expected);
    });
  }

  it('keeps a place and its metro on its own side of a state line (Hoboken, NJ is not New York City)', () => {
    const place = reverseGeocode(40.744, -74.0324);
    assert.equal(place?.region, 'New Jersey');
    assert.notEqual(place?.city, 'New York City');
    assert.notEqual(place?.metro, 'New York City');
  });

  it('gives a country and region far from any town: national parks, the Highlands, the Kruger', () => {
    // Yellowstone Lake: no town of 500 within 50 km, still the US, its state and county by boundary.
    const yellowstone = reverseGeocode(44.42, -110.37);
    assert.deepEqual(pick(yellowstone, ['city', 'region', 'country']), {
      city: null,
      region: 'Wyoming',
      country: 'United States',
    });
    // Old Faithful is 45 km from West Yellowstone, Montana, across the state line: Wyoming, and no Montana town.
    assert.deepEqual(pick(reverseGeocode(44.4605, -110.8281), ['city', 'county', 'region']), {
      city: null,
      county: 'Teton County',
      region: 'Wyoming',
    });
    const highlands = reverseGeocode(57.08, -3.65);
    assert.deepEqual(pick(highlands, ['county', 'region', 'country']), {
      county: 'Highland',
      region: 'Scotland',
      country: 'United Kingdom',
    });
    const kruger = reverseGeocode(-22.9, 31.3);
    assert.equal(kruger?.city, null);
    assert.equal(kruger?.country, 'South Africa');
    assert.equal(kruger?.region, 'Limpopo');
  });

  it('returns null only where no country is known, and for impossible coordinates', () => {
    assert.equal(reverseGeocode(-60, -40), null);
    assert.equal(reverseGeocode(91, 0), null);
    assert.equal(reverseGeocode(0, 181), null);
    assert.equal(reverseGeocode(Number.NaN, 0), null);
    assert.equal(reverseGeocode(0, Number.POSITIVE_INFINITY), null);
  });

  it('answers 1000 lookups on land from the in-memory index', () => {
    reverseGeocode(48.85, 2.35); // load the gazetteer outside the loop
    let named = 0;
    let countries = 0;
    const started = Date.now();
    for (let i = 0; i < 1000; i += 1) {
      // A grid over Europe, mostly on land.
      const place = reverseGeocode(40 + (i % 40) * 0.4, -5 + Math.floor(i / 40) * 1.1);
      if (place?.city) named += 1;
      if (place?.country) countries += 1;
    }
    assert.ok(named > 600, `only ${named} of 1000 points named a town`);
    assert.ok(countries >= named, 'every named point has a country');
    assert.ok(Date.now() - started < 5000, `1000 lookups took ${Date.now() - started} ms`);
  });
});

function pick(place: object | null, keys: readonly string[]): Record<string, unknown> {
  const values = (place ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, values[key] ?? null]));
}
