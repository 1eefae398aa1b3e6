import assert from 'node:assert/strict';
import { labelSchema } from '../../../common/contracts';
import {
  ancestorsOf,
  expandLabelForSearch,
  searchLabelFor,
} from '../../../metadata-service/labels/label-hierarchy';
import { CANONICAL_LABELS } from '../../../metadata-service/labels/vocabulary';

describe('label hierarchy', () => {
  it('expands a broad label to itself and everything under it', () => {
    assert.deepEqual(expandLabelForSearch('animal'), [
      'animal',
      'dog',
      'cat',
      'bird',
      'horse',
      'pet',
      'wildlife',
    ]);
    const nature = expandLabelForSearch('nature');
    for (const label of ['nature', 'mountain', 'forest', 'lake', 'beach', 'flowers', 'snow', 'sunset']) {
      assert.ok(nature.includes(label), label);
    }
    assert.ok(expandLabelForSearch('food').includes('pizza'));
    assert.ok(expandLabelForSearch('celebration').includes('wedding'));
  });

  it('expands a leaf or unknown label to itself only', () => {
    assert.deepEqual(expandLabelForSearch('dog'), ['dog']);
    assert.deepEqual(expandLabelForSearch('eiffel tower'), ['eiffel tower']);
  });

  it('names the ancestors of a label, nearest first', () => {
    assert.deepEqual(ancestorsOf('dog'), ['animal']);
    assert.deepEqual(ancestorsOf('beach'), ['nature']);
    assert.deepEqual(ancestorsOf('birthday'), ['celebration']);
    assert.deepEqual(ancestorsOf('animal'), []);
    assert.deepEqual(ancestorsOf('spreadsheet'), []);
  });

  it('keeps every canonical label searchable: each is a root or sits under one, none lost', () => {
    for (const { label } of CANONICAL_LABELS) {
      assert.ok(expandLabelForSearch(label).includes(label));
      for (const ancestor of ancestorsOf(label)) assert.ok(expandLabelForSearch(ancestor).includes(label));
    }
  });

  it('uses labels the query contract accepts', () => {
    for (const parent of ['animal', 'nature', 'food', 'celebration']) {
      for (const label of expandLabelForSearch(parent))
        assert.ok(labelSchema.safeParse(label).success, label);
    }
  });

  it('reads a searched word as the canonical label first, then a hierarchy label', () => {
    assert.equal(searchLabelFor('puppies'), 'dog');
    assert.equal(searchLabelFor('Pizza'), 'food');
    assert.equal(searchLabelFor('animals'), 'animal');
    assert.equal(searchLabelFor('Weddings'), 'wedding');
    assert.equal(searchLabelFor('celebrations'), 'celebration');
    assert.equal(searchLabelFor('spreadsheet'), undefined);
  });
});
