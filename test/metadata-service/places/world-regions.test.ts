import assert from 'node:assert/strict';
import { findPlacesByName } from '../../../metadata-service/places/find-places';
import { worldRegionNamed } from '../../../metadata-service/places/world-regions';
import { gazetteerPlaces } from '../../../metadata-service/query-text/gazetteer-places';

describe('worldRegionNamed', () => {
  it('knows continents and UN world regions by their English and German names', () => {
    for (const [said, name] of [
      ['Europe', 'Europe'],
      ['europa', 'Europe'],
      ['North America', 'North America'],
      ['Nordamerika', 'North America'],
      ['the Caribbean', 'Caribbean'],
      ['Südostasien', 'Southeast Asia'],
      ['south-eastern asia', 'Southeast Asia'],
      ['Australasia', 'Australasia'],
      ['Latin America', 'Latin America'],
    ]) {
      assert.equal(worldRegionNamed(said ?? '')?.name, name, said);
    }
  });

  it('knows groups of whole countries that are no UN region: Scandinavia, the Middle East, Benelux', () => {
    const members = (name: string): readonly string[] => worldRegionNamed(name)?.countryCodes ?? [];
    assert.deepEqual(members('Scandinavia'), ['DK', 'NO', 'SE']);
    assert.deepEqual(members('Skandinavien'), ['DK', 'NO', 'SE']);
    assert.ok(members('the Nordic countries').includes('FI'));
    assert.ok(members('the Middle East').includes('IL') && members('Nahost').includes('AE'));
    assert.deepEqual(members('benelux'), ['BE', 'LU', 'NL']);
    assert.ok(members('the British Isles').includes('IE'));
    // A range across parts of countries would widen a request to whole countries.
    assert.equal(worldRegionNamed('the Alps'), undefined);
    assert.equal(worldRegionNamed('the Balkans'), undefined);
  });

  it('puts a country with overseas parts where its mainland is', () => {
    const members = (name: string): readonly string[] => worldRegionNamed(name)?.countryCodes ?? [];
    assert.ok(members('Europe').includes('FR'));
    assert.ok(!members('Caribbean').includes('FR'), 'Paris is not in the Caribbean');
    assert.ok(!members('Africa').includes('GB'));
    assert.ok(members('Northern America').includes('US'));
    assert.ok(!members('Oceania').includes('US'));
    assert.ok(members('Europe').includes('RU') && members('Asia').includes('RU'));
    assert.ok(members('Europe').includes('ES') && members('Europe').includes('NL'));
  });

  it('leaves countries and unknown words alone', () => {
    assert.equal(worldRegionNamed('America'), undefined, 'America is the United States');
    assert.equal(worldRegionNamed('Amerika'), undefined);
    assert.equal(worldRegionNamed('South Africa'), undefined, 'a country, not Southern Africa');
    assert.equal(worldRegionNamed('Atlantis'), undefined);
    assert.equal(worldRegionNamed(''), undefined);
  });

  it('is what free text reads a continent as, never a town named like its first word', () => {
    assert.deepEqual(findPlacesByName('north america'), []);
    assert.deepEqual(gazetteerPlaces('north america'), [
      { name: 'North America', level: 'continent', standsAlone: true },
    ]);
    assert.equal(gazetteerPlaces('America')[0]?.name, 'United States');
  });
});
