import assert from 'node:assert/strict';
import type { PhotoFacts } from '../../../common/contracts';
import { similarCandidates } from '../../../lambda/util/similar-photos';
import { barePhotoFacts } from '../../support/bare-photo-facts';

function facts(overrides: Partial<PhotoFacts>): PhotoFacts {
  const summary = {
    id: 'p1',
    takenLocal: '2025-07-14T10:00:00',
    width: 4000,
    height: 3000,
    orientation: 1,
    source: { path: 'p1.jpg', uri: 'file:///p1.jpg', contentHash: 'h', bytes: 1 },
  };
  return { ...barePhotoFacts(summary), ...overrides };
}

describe('"more like this" candidates', () => {
  const santaMonica = {
    city: 'Santa Monica',
    region: 'California',
    country: 'United States',
    countryCode: 'US',
  };

  it('day, then place (the city), then people; only what the facts support', () => {
    const full = facts({ place: santaMonica, people: [{ id: 'pe_mom', name: 'Mom' }] });
    assert.deepEqual(similarCandidates(full), [
      {
        match: { kind: 'day', date: { year: 2025, month: 7, day: 14 } },
        query: { takenFrom: '2025-07-14T00:00:00', takenTo: '2025-07-15T00:00:00' },
      },
      {
        match: { kind: 'place', name: 'Santa Monica' },
        query: { places: [{ name: 'Santa Monica', level: 'city' }] },
      },
      { match: { kind: 'people', names: ['Mom'] }, query: { people: ['pe_mom'] } },
    ]);
    assert.deepEqual(
      similarCandidates(full, 'people').map((candidate) => candidate.match.kind),
      ['people'],
    );
    assert.deepEqual(similarCandidates(facts({ takenLocal: null })), []);
  });

  it('a place without a city is matched at the most specific level known; the last day of a year ends in the next', () => {
    const region = facts({
      takenLocal: '2024-12-31T23:00:00',
      place: { city: null, region: 'Bavaria', country: 'Germany', countryCode: 'DE' },
    });
    const [day, place] = similarCandidates(region);
    assert.deepEqual(day?.query, { takenFrom: '2024-12-31T00:00:00', takenTo: '2025-01-01T00:00:00' });
    assert.deepEqual(place?.query, { places: [{ name: 'Bavaria', level: 'region' }] });
  });
});
