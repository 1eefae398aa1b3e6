import assert from 'node:assert/strict';
import { placeFilterNames } from '../../../metadata-service/places/place-filter-names';

const namesOf = (heard: string) => placeFilterNames(heard).map((each) => each.name);

describe('the names a place filter stands for', () => {
  it('adds the English name a heard or German name means', () => {
    assert.deepEqual(namesOf('München'), ['München', 'Munich']);
    assert.deepEqual(namesOf('Paris Texas'), ['Paris Texas', 'Paris, Texas']);
    assert.deepEqual(namesOf('NYC'), ['NYC', 'New York City']);
    assert.deepEqual(namesOf('Bayern'), ['Bayern', 'Bavaria']);
  });

  it('a name read through the gazetteer means the places it read, at the levels photos store them', () => {
    // "DC" is the Washington metro area (its city and around it), never the state of Washington.
    assert.deepEqual(placeFilterNames('DC'), [
      { name: 'DC' },
      { name: 'Washington', levels: ['city', 'metro'] },
    ]);
    assert.deepEqual(placeFilterNames('Bayern'), [
      { name: 'Bayern' },
      { name: 'Bavaria', levels: ['region'] },
    ]);
    // The name as given stays any level.
    assert.deepEqual(placeFilterNames('Paris'), [{ name: 'Paris' }]);
  });

  it('keeps a canonical name alone, so "Paris" stays every Paris', () => {
    assert.deepEqual(namesOf('Paris'), ['Paris']);
    assert.deepEqual(namesOf('Munich'), ['Munich']);
  });

  it('leaves unknown, hostile and over-long names as they are', () => {
    assert.deepEqual(namesOf('Blorptastic'), ['Blorptastic']);
    assert.deepEqual(namesOf("'; drop table photos; --"), ["'; drop table photos; --"]);
    const long = 'x'.repeat(500);
    assert.deepEqual(namesOf(long), [long]);
    assert.deepEqual(namesOf('from england'), ['from england']);
  });
});
