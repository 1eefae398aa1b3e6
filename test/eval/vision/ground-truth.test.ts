import assert from 'node:assert/strict';
import { groundTruth } from '../../../eval/vision/eval-set';
import { parseGroundTruth, type PhotoTruthInput } from '../../../eval/vision/ground-truth-schema';

const valid = (): PhotoTruthInput => ({
  id: 'a-photo',
  from: 'darknet',
  source: { file: 'usr/share/darknet/data/dog.jpg' },
  present: ['dog', 'person'],
  faces: [{ box: [0.1, 0.1, 0.2, 0.2], identity: 'ann' }],
});

describe('vision ground truth table', () => {
  it('is valid, with at least 150 photos, unique ids, faces and identities that recur', () => {
    const rows = groundTruth();
    assert.ok(rows.length >= 150, `${rows.length} photos`);
    const identities = new Map<string, number>();
    for (const row of rows)
      for (const face of row.faces)
        if (face.identity) identities.set(face.identity, (identities.get(face.identity) ?? 0) + 1);
    const recurring = [...identities.values()].filter((n) => n >= 5).length;
    assert.ok(recurring >= 9, `${recurring} people with five faces or more`);
  });

  it('accepts a well-formed row', () => {
    assert.equal(parseGroundTruth([valid()])[0]?.id, 'a-photo');
  });

  it('rejects a label outside the vocabulary', () => {
    assert.throws(
      () => parseGroundTruth([{ ...valid(), present: ['person', 'dragon'] }]),
      /a-photo.*vocabulary/s,
    );
  });

  it('rejects a label both present and uncertain', () => {
    assert.throws(
      () => parseGroundTruth([{ ...valid(), uncertain: ['dog'] }]),
      /both present and uncertain: dog/,
    );
  });

  it('rejects faces on a photo that shows no person', () => {
    assert.throws(() => parseGroundTruth([{ ...valid(), present: ['dog'] }]), /shows a person/);
  });

  it('rejects a group photo with fewer than three faces', () => {
    assert.throws(() => parseGroundTruth([{ ...valid(), flags: ['group'] }]), /three or more faces/);
  });

  it('rejects a composite source without the composite flag, and a box outside the photo', () => {
    const composite = {
      ...valid(),
      faces: [],
      source: {
        background: 'usr/share/darknet/data/dog.jpg',
        longSide: 1280,
        faces: [{ chip: 'x.jpg', identity: 'ann', left: 0, top: 0, size: 50 }],
      },
    };
    assert.throws(() => parseGroundTruth([composite]), /composite flag/);
    assert.throws(
      () => parseGroundTruth([{ ...valid(), faces: [{ box: [0.9, 0.9, 0.5, 0.5] }] }]),
      /fractions/,
    );
  });

  it('rejects duplicate ids and malformed rows', () => {
    assert.throws(() => parseGroundTruth([valid(), valid()]), /duplicate id a-photo/);
    assert.throws(() => parseGroundTruth([{ id: 'x' }]), /row 0 \(x\)/);
    assert.throws(() => parseGroundTruth([null]), /row 0/);
  });
});
