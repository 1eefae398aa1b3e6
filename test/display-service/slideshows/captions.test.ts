import assert from 'node:assert/strict';
import type { PhotoCaptionFacts } from '../../../common/contracts';
import { captionFor, describeAll } from '../../../display-service/slideshows/captions';
import { fakeSummary } from '../helpers/image-fixtures';
import { InMemoryLibrary } from '../helpers/in-memory-library';

const LISBON = { city: 'Lisbon', region: 'Lisbon', country: 'Portugal' };
const PORTO = { city: 'Porto', region: 'Porto', country: 'Portugal' };

function described(...facts: PhotoCaptionFacts[]): Map<string, PhotoCaptionFacts> {
  return new Map(facts.map((f) => [f.id, f]));
}

describe('slideshows/captions', () => {
  const a = fakeSummary('a', '2024-05-02T10:00:00');
  const b = fakeSummary('b', '2024-05-01T18:00:00');

  it("a single photo's caption is its own date, place and people", () => {
    const facts = described({ id: 'a', takenLocal: a.takenLocal, place: LISBON, people: ['Ana', 'Rui'] });
    assert.deepEqual(captionFor([a], facts), {
      takenLocal: a.takenLocal,
      place: LISBON,
      people: ['Ana', 'Rui'],
    });
  });

  it('a pair says the earliest date, the place when both share it, and everyone in either once', () => {
    const shared = described(
      { id: 'a', takenLocal: a.takenLocal, place: LISBON, people: ['Ana', 'Rui'] },
      { id: 'b', takenLocal: b.takenLocal, place: { ...LISBON }, people: ['Rui', 'Marta'] },
    );
    assert.deepEqual(captionFor([a, b], shared), {
      takenLocal: '2024-05-01T18:00:00',
      place: LISBON,
      people: ['Ana', 'Rui', 'Marta'],
    });
    const apart = described(
      { id: 'a', takenLocal: a.takenLocal, place: LISBON, people: [] },
      { id: 'b', takenLocal: b.takenLocal, place: PORTO, people: [] },
    );
    assert.equal(captionFor([a, b], apart).place, null);
    const oneUnknown = described(
      { id: 'a', takenLocal: a.takenLocal, place: LISBON, people: [] },
      { id: 'b', takenLocal: b.takenLocal, place: null, people: [] },
    );
    assert.equal(captionFor([a, b], oneUnknown).place, null);
  });

  it('falls back to the summary date when the library did not describe a photo', () => {
    assert.deepEqual(captionFor([a], new Map()), { takenLocal: a.takenLocal, place: null, people: [] });
  });

  it('asks the library in batches of at most 1000 ids and leaves out what it does not know', async () => {
    const library = new InMemoryLibrary();
    const ids: string[] = [];
    for (let i = 0; i < 2500; i++) {
      const id = `p${i}`;
      ids.push(id);
      library.add('alice', fakeSummary(id, '2024-01-01T00:00:00'), [], { people: [`person ${i % 7}`] });
    }
    const facts = await describeAll(library, 'alice', [...ids, 'not_alices']);
    assert.deepEqual(
      library.describeCalls.map((call) => call.photoIds.length),
      [1000, 1000, 501],
    );
    assert.equal(facts.size, 2500);
    assert.deepEqual(facts.get('p8')?.people, ['person 1']);
    assert.equal(facts.has('not_alices'), false);
  });
});
