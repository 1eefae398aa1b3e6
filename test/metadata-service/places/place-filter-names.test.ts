import assert from 'node:assert/strict';
import { placeFilterNames } from '../../../metadata-service/places/place-filter-names';

describe('the names a place filter stands for', () => {
  it('adds the English name a heard or German name means', () => {
    assert.deepEqual(placeFilterNames('München'), ['München', 'Munich']);
    assert.deepEqual(placeFilterNames('Paris Texas'), ['Paris Texas', 'Paris, Texas']);
    assert.deepEqual(placeFilterNames('NYC'), ['NYC', 'New York City']);
    assert.deepEqual(placeFilterNames('Bayern'), ['Bayern', 'Bavaria']);
  });

  it('keeps a canonical name alone, so "Paris" stays every Paris', () => {
    assert.deepEqual(placeFilterNames('Paris'), ['Paris']);
    assert.deepEqual(placeFilterNames('Munich'), ['Munich']);
  });

  it('leaves unknown, hostile and over-long names as they are', () => {
    assert.deepEqual(placeFilterNames('Blorptastic'), ['Blorptastic']);
    assert.deepEqual(placeFilterNames("'; drop table photos; --"), ["'; drop table photos; --"]);
    const long = 'x'.repeat(500);
    assert.deepEqual(placeFilterNames(long), [long]);
    assert.deepEqual(placeFilterNames('from england'), ['from england']);
  });
});
