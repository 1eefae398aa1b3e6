import assert from 'node:assert/strict';
import type { GazetteerCity } from '../../../metadata-service/places/gazetteer';
import { METRO_RULE, metroOf } from '../../../metadata-service/places/metro';

function city(name: string, population: number, overrides: Partial<GazetteerCity> = {}): GazetteerCity {
  return {
    geonameId: population,
    name,
    countryCode: 'US',
    regionCode: 'CA',
    countyCode: '037',
    population,
    latitude: 0,
    longitude: 0,
    isSection: false,
    isCountySeat: false,
    asciiName: name,
    alternateNames: '',
    ...overrides,
  };
}

describe('metro membership (METRO_RULE)', () => {
  const la = city('Los Angeles', 3_898_747);
  const santaMonica = city('Santa Monica', 93_220);

  it('puts a suburb in the biggest city of 500,000 or more within 30 km', () => {
    assert.equal(
      metroOf(santaMonica, [
        { city: la, km: 23 },
        { city: santaMonica, km: 0 },
      ]),
      la,
    );
    assert.equal(metroOf(santaMonica, [{ city: la, km: METRO_RULE.radiusKm + 1 }]), undefined);
    assert.equal(metroOf(santaMonica, [{ city: city('Long Beach', 466_742), km: 20 }]), undefined);
  });

  it('keeps a big city its own metro unless one twice its size is that close', () => {
    const essen = city('Essen', 582_760, { countryCode: 'DE', regionCode: '07' });
    const dortmund = city('Dortmund', 588_250, { countryCode: 'DE', regionCode: '07' });
    assert.equal(
      metroOf(essen, [
        { city: dortmund, km: 30 },
        { city: essen, km: 0 },
      ]),
      essen,
    );
    const brooklyn = city('Brooklyn', 2_736_074, { regionCode: 'NY' });
    const newYork = city('New York City', 8_804_190, { regionCode: 'NY' });
    assert.equal(
      metroOf(brooklyn, [
        { city: newYork, km: 9 },
        { city: brooklyn, km: 0 },
      ]),
      newYork,
    );
  });

  it('never crosses a state or border line, and never makes a neighbourhood a metro', () => {
    const newYork = city('New York City', 8_804_190, { regionCode: 'NY' });
    const hoboken = city('Hoboken', 53_635, { regionCode: 'NJ' });
    assert.equal(metroOf(hoboken, [{ city: newYork, km: 3 }]), undefined);
    const bogenhausen = city('Bogenhausen', 77_542, { countryCode: 'DE', regionCode: '02', isSection: true });
    const munich = city('Munich', 1_260_391, { countryCode: 'DE', regionCode: '02' });
    assert.equal(metroOf(bogenhausen, [{ city: munich, km: 4 }]), munich);
    const bigSection = city('Big Section', 900_000, { isSection: true });
    assert.equal(metroOf(santaMonica, [{ city: bigSection, km: 2 }]), undefined);
  });
});
