import assert from 'node:assert/strict';
import { suggestFaces, type SuggestionFace } from '../../../metadata-service/people/person-suggestions';

const box = { left: 0.1, top: 0.1, width: 0.2, height: 0.2 };
/** A face whose cosine to the unit axis 0 is `c`. */
function faceAt(id: string, photoId: string, personId: string | null, c: number, axis = 31): SuggestionFace {
  const v = new Float32Array(32);
  v[0] = c;
  v[axis] = Math.sqrt(1 - c * c);
  return { id, photoId, box, personId, descriptor: v };
}

describe('"is this X?" suggestions', () => {
  const anna = [faceAt('fa_a1', 'ph_1', 'pe_anna', 1), faceAt('fa_a2', 'ph_2', 'pe_anna', 1)];

  it('lists faces near the named person but not in them, closest first, and none below the threshold', () => {
    const faces = [
      ...anna,
      faceAt('fa_close', 'ph_3', 'pe_cluster', 0.5),
      faceAt('fa_closer', 'ph_4', null, 0.55),
      faceAt('fa_far', 'ph_5', 'pe_other', 0.4),
    ];
    const out = suggestFaces({ personId: 'pe_anna', faces, named: new Set(['pe_anna']), refused: new Set() });
    assert.deepEqual(
      out.map((s) => [s.faceId, s.photoId, Math.round(s.similarity * 100) / 100]),
      [
        ['fa_closer', 'ph_4', 0.55],
        ['fa_close', 'ph_3', 0.5],
      ],
    );
  });

  it('never asks about refused faces, faces of other named people, or faces in photos the person is already in', () => {
    const faces = [
      ...anna,
      faceAt('fa_refused', 'ph_3', null, 0.5),
      faceAt('fa_bob', 'ph_4', 'pe_bob', 0.5),
      faceAt('fa_beside_anna', 'ph_1', null, 0.5),
      faceAt('fa_asked', 'ph_5', null, 0.5),
    ];
    const out = suggestFaces({
      personId: 'pe_anna',
      faces,
      named: new Set(['pe_anna', 'pe_bob']),
      refused: new Set(['fa_refused']),
    });
    assert.deepEqual(
      out.map((s) => s.faceId),
      ['fa_asked'],
    );
  });

  it('has nothing to ask about a person without faces, and keeps to the limit', () => {
    const strangers = Array.from({ length: 5 }, (_, i) => faceAt(`fa_${i}`, `ph_${i + 10}`, null, 0.9));
    assert.deepEqual(
      suggestFaces({ personId: 'pe_anna', faces: strangers, named: new Set(), refused: new Set() }),
      [],
    );
    const limited = suggestFaces({
      personId: 'pe_anna',
      faces: [...anna, ...strangers],
      named: new Set(['pe_anna']),
      refused: new Set(),
      limit: 2,
    });
    assert.equal(limited.length, 2);
  });
});
