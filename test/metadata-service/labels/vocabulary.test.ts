import assert from 'node:assert/strict';
import { labelSchema } from '../../../common/contracts';
import { CANONICAL_LABELS, canonicalLabel } from '../../../metadata-service/labels/vocabulary';

describe('label vocabulary', () => {
  it('maps synonyms to their canonical label', () => {
    assert.equal(canonicalLabel('seaside'), 'beach');
    assert.equal(canonicalLabel('Ocean'), 'beach');
    assert.equal(canonicalLabel('alps'), 'mountain');
    assert.equal(canonicalLabel('puppies'), 'dog');
    assert.equal(canonicalLabel('kitten'), 'cat');
    assert.equal(canonicalLabel('skiing'), 'snow');
    assert.equal(canonicalLabel('dusk'), 'sunset');
    assert.equal(canonicalLabel('skyline'), 'city');
    assert.equal(canonicalLabel('pizza'), 'food');
    assert.equal(canonicalLabel('blossom'), 'flowers');
    assert.equal(canonicalLabel('woods'), 'forest');
    assert.equal(canonicalLabel('river'), 'lake');
    assert.equal(canonicalLabel('Birthday Party'), 'birthday');
    assert.equal(canonicalLabel('family'), 'family');
  });

  it('ignores case, plurals and punctuation', () => {
    assert.equal(canonicalLabel('BEACHES'), 'beach');
    assert.equal(canonicalLabel('Sunsets!'), 'sunset');
    assert.equal(canonicalLabel('  birthday-party '), 'birthday');
    assert.equal(canonicalLabel('shores'), 'beach');
    assert.equal(canonicalLabel('cities'), 'city');
    assert.equal(canonicalLabel('families'), 'family');
  });

  it('answers undefined for words outside the vocabulary', () => {
    assert.equal(canonicalLabel('spreadsheet'), undefined);
    assert.equal(canonicalLabel(''), undefined);
    assert.equal(canonicalLabel('!!!'), undefined);
  });

  it('uses labels the query contract accepts, each claimed by one entry', () => {
    const seen = new Map<string, string>();
    for (const { label, synonyms } of CANONICAL_LABELS) {
      assert.ok(labelSchema.safeParse(label).success, label);
      assert.equal(canonicalLabel(label), label);
      for (const word of [label, ...synonyms]) {
        assert.equal(seen.get(word), undefined, `${word} listed twice`);
        seen.set(word, label);
      }
    }
  });
});
