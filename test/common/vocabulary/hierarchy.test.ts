import assert from 'node:assert/strict';
import { labelSchema } from '../../../common/contracts';
import { ancestorsOf, CONCEPTS, expandLabelForSearch } from '../../../common/vocabulary';

describe('label hierarchy', () => {
  it('expands a broad label to itself and everything under it, at any depth', () => {
    const animal = expandLabelForSearch('animal');
    assert.equal(animal[0], 'animal');
    for (const label of ['dog', 'cat', 'bird', 'horse', 'pet', 'wildlife', 'zebra', 'elephant']) {
      assert.ok(animal.includes(label), label);
    }
    const food = expandLabelForSearch('food');
    for (const label of ['pizza', 'cake', 'donut', 'banana', 'broccoli', 'hot dog']) {
      assert.ok(food.includes(label), label);
    }
    assert.ok(expandLabelForSearch('nature').includes('lake'), 'through water');
    assert.ok(expandLabelForSearch('celebration').includes('party'));
    assert.ok(expandLabelForSearch('vehicle').includes('car'));
    assert.deepEqual(expandLabelForSearch('bird'), ['bird', 'eagle']);
    assert.ok(!expandLabelForSearch('food').includes('coffee'), 'a drink is no food');
    assert.ok(!expandLabelForSearch('vehicle').includes('rocket'));
  });

  it('expands a leaf or unknown label to itself only', () => {
    assert.deepEqual(expandLabelForSearch('dog'), ['dog']);
    assert.deepEqual(expandLabelForSearch('eiffel tower'), ['eiffel tower']);
  });

  it('names the ancestors of a label, nearest first', () => {
    assert.deepEqual(ancestorsOf('dog'), ['pet', 'animal']);
    assert.deepEqual(ancestorsOf('cat'), ['pet', 'animal']);
    assert.deepEqual(expandLabelForSearch('pet'), ['pet', 'cat', 'dog']);
    assert.deepEqual(ancestorsOf('zebra'), ['wildlife', 'animal']);
    assert.deepEqual(ancestorsOf('cake'), ['dessert', 'food']);
    assert.deepEqual(ancestorsOf('lake'), ['water', 'nature']);
    assert.deepEqual(ancestorsOf('birthday'), ['celebration']);
    assert.deepEqual(ancestorsOf('eagle'), ['bird', 'animal']);
    assert.deepEqual(ancestorsOf('coffee'), ['drink']);
    assert.deepEqual(ancestorsOf('dinner'), ['food']);
    assert.deepEqual(ancestorsOf('astronaut'), ['person']);
    assert.deepEqual(ancestorsOf('animal'), []);
    assert.deepEqual(ancestorsOf('spreadsheet'), []);
  });

  it('files nothing under a label it does not show: no scene or event parent for an object', () => {
    assert.deepEqual(ancestorsOf('boat'), ['vehicle']);
    assert.deepEqual(ancestorsOf('hiking'), []);
    assert.deepEqual(ancestorsOf('street'), []);
    assert.deepEqual(ancestorsOf('party'), ['celebration']);
    assert.ok(!ancestorsOf('cake').includes('birthday'));
  });

  it('has a parent for a concept only when that parent is a concept, and no cycles', () => {
    const labels = new Set(CONCEPTS.map((concept) => concept.label));
    for (const concept of CONCEPTS) {
      if (concept.parent) assert.ok(labels.has(concept.parent), `${concept.label} → ${concept.parent}`);
      assert.ok(!ancestorsOf(concept.label).includes(concept.label), concept.label);
      for (const ancestor of ancestorsOf(concept.label)) {
        assert.ok(expandLabelForSearch(ancestor).includes(concept.label));
        assert.ok(labelSchema.safeParse(ancestor).success, ancestor);
      }
    }
  });
});
