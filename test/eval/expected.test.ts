import assert from 'node:assert/strict';
import { expectedFor } from '../../eval/expected';
import { GROUND_TRUTH } from '../../eval/ground-truth';
import { REFERENCE, SEARCH_CASES, WHAT_IS_THIS_CASES } from '../../eval/queries';

const context = { reference: REFERENCE, hemisphere: 'N' as const };
const names = (paths: readonly string[]) => paths.map((p) => p.slice(p.lastIndexOf('/') + 1));

describe('eval expectations (computed from the ground-truth table)', () => {
  it('"Paris" is every Paris; "Paris, Texas" only the one in Texas', () => {
    assert.equal(expectedFor({ place: { name: 'Paris' } }, context).paths.length, 4);
    assert.deepEqual(names(expectedFor({ place: { name: 'Paris', within: 'Texas' } }, context).paths), [
      '2017-05-20_Paris_Texas_0011.jpg',
      '2017-05-20_Paris_Texas_0012.jpg',
    ]);
  });

  it('a suburb belongs to its metropolitan city', () => {
    const la = expectedFor({ place: { name: 'Los Angeles' } }, context).paths;
    const santaMonica = expectedFor({ place: { name: 'Santa Monica' } }, context).paths;
    assert.deepEqual(la, santaMonica);
    assert.ok(la.length > 0);
  });

  it('never answers with a screenshot', () => {
    const all = expectedFor({}, context).paths;
    assert.ok(all.every((path) => !path.includes('Screenshots')));
    assert.equal(all.length, GROUND_TRUTH.filter((row) => row.kind !== 'screenshot').length);
  });

  it('collapses the burst into one slideshow item but keeps both photos in the answer', () => {
    const bondi = expectedFor({ place: { name: 'Bondi Beach' } }, context);
    assert.equal(bondi.paths.length, 2);
    assert.equal(bondi.groups.length, 1);
  });

  it('says why nothing was found: unknown words, known things with no photos, future dates, combinations', () => {
    assert.deepEqual(
      expectedFor({ unknown: [{ kind: 'word', text: 'asdf' }], place: { name: 'Paris' } }, context),
      {
        paths: [],
        groups: [],
        failed: [{ kind: 'word', reason: 'unknown' }],
      },
    );
    assert.deepEqual(expectedFor({ place: { name: 'Italy' } }, context).failed, [
      { kind: 'place', reason: 'no-photos' },
    ]);
    assert.deepEqual(expectedFor({ date: { amazon: '2026-W49-WE' } }, context).failed, [
      { kind: 'date', reason: 'future' },
    ]);
    assert.deepEqual(expectedFor({ labels: ['giraffe'], date: { amazon: '2019' } }, context).failed, [
      { kind: 'date', reason: 'combination' },
    ]);
  });

  it('has at least 150 queries, unique ids, and every what-is-this photo in the table', () => {
    const ids = [...SEARCH_CASES.map((c) => c.id), ...WHAT_IS_THIS_CASES.map((c) => c.id)];
    assert.ok(ids.length >= 150, `${ids.length} queries`);
    assert.equal(new Set(ids).size, ids.length);
    for (const c of WHAT_IS_THIS_CASES)
      assert.ok(
        GROUND_TRUTH.some((row) => row.path === c.path),
        c.path,
      );
  });
});
