import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  nothingFoundSchema,
  photoQuerySchema,
  type PhotoQuery,
  searchResponseSchema,
  type NothingFound,
  type SearchRequest,
  type SearchResponse,
} from '../../../common/contracts';
import { createLibrary, type Library } from '../../../metadata-service/library';
import {
  explainNothingFound,
  type CountPhotos,
} from '../../../metadata-service/search/explain-nothing-found';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../support/fixtures';

const ALICE = 'alice';
const BOB = 'bob';
/** Wednesday 2 December 2026, noon UTC: "this weekend" is still to come, last weekend was 28–29 November. */
const WEDNESDAY = '2026-12-02T12:00:00Z';
const SANTA_MONICA = { latitude: 34.0195, longitude: -118.4912 };
const PARIS = { latitude: 48.8584, longitude: 2.2945 };
const ROME = { latitude: 41.8902, longitude: 12.4922 };

describe('explaining an empty search (nothingFound)', function () {
  this.timeout(60_000);
  let temp: TempDir;
  let library: Library;

  before(async () => {
    temp = await makeTempDir('pf-nothing-found-');
    library = await createLibrary({
      database: { kind: 'sqlite', file: join(temp.path, 'library.sqlite') },
      logger: silentLogger,
    });
    const alice = join(temp.path, 'alice');
    const beach = (day: string, seed: number) =>
      writeJpeg(join(alice, 'Camera', `beach-${seed}.jpg`), {
        seed,
        dateTimeOriginal: `${day} 10:00:00`,
        offsetTimeOriginal: '-08:00',
        gps: SANTA_MONICA,
        keywords: ['beach'],
      });
    await beach('2025:08:01', 1);
    await beach('2026:07:14', 2);
    await beach('2026:07:20', 3);
    // Last weekend, as seen on Wednesday 2 December.
    await beach('2026:11:28', 4);
    await writeJpeg(join(alice, 'Camera', 'dog.jpg'), {
      seed: 5,
      dateTimeOriginal: '2019:05:01 09:00:00',
      gps: PARIS,
      keywords: ['dog'],
    });
    // Mom, named by a Takeout sidecar, at the beach in Santa Monica in 2025.
    await writeJpeg(join(alice, 'Camera', 'mom.jpg'), {
      seed: 7,
      dateTimeOriginal: '2025:08:02 10:00:00',
      offsetTimeOriginal: '-07:00',
      gps: SANTA_MONICA,
      keywords: ['beach'],
    });
    await writeFile(
      join(alice, 'Camera', 'mom.jpg.json'),
      JSON.stringify({ title: 'mom.jpg', people: [{ name: 'Mom' }] }),
    );
    await library.ingest(alice, { ownerId: ALICE });
    // Bob has been to Italy; Alice has not. Nothing of Bob's may count for Alice.
    const bob = join(temp.path, 'bob');
    await writeJpeg(join(bob, 'Camera', 'rome.jpg'), {
      seed: 6,
      dateTimeOriginal: '2024:04:01 09:00:00',
      gps: ROME,
      keywords: ['cat', 'beach'],
    });
    await library.ingest(bob, { ownerId: BOB });
  });
  after(async () => {
    await library.close();
    await temp.cleanup();
  });

  const search = async (request: SearchRequest, owner = ALICE): Promise<SearchResponse> => {
    const response = await library.api.search(owner, { timeZone: 'UTC', reference: WEDNESDAY, ...request });
    return searchResponseSchema.parse(response);
  };
  const text = (q: string, owner = ALICE) => search({ q }, owner);
  const nothingFound = (response: SearchResponse): NothingFound => {
    assert.equal(response.total, 0);
    assert.deepEqual(response.photos, []);
    assert.ok(response.nothingFound, 'an empty answer says why');
    return nothingFoundSchema.parse(response.nothingFound);
  };

  it('answers gibberish with nothing and names the words, never the whole library', async () => {
    const response = await text('show me blorf please');
    assert.deepEqual(nothingFound(response), {
      failed: [{ kind: 'word', text: 'blorf', reason: 'unknown' }],
    });
    assert.equal(response.query, undefined, 'no structured query stands for text with an unknown word');
    assert.deepEqual(response.unmatched, ['blorf']);
  });

  it('names an unknown album as an album, without the word "album", and offers nothing in its place', async () => {
    const response = await text('beach honeymoon album');
    const found = nothingFound(response);
    assert.deepEqual(found.failed, [{ kind: 'album', text: 'honeymoon', reason: 'unknown' }]);
    assert.equal(found.alternative, undefined, 'an album asked for is never dropped to show other photos');
    assert.deepEqual(nothingFound(await text('das Album Blorfurlaub')).failed, [
      { kind: 'album', text: 'Blorfurlaub', reason: 'unknown' },
    ]);
    // "album" alone is no name: it stays a word.
    assert.deepEqual(nothingFound(await text('beach album')).failed, [
      { kind: 'word', text: 'album', reason: 'unknown' },
    ]);
  });

  it('answers an unknown subject beside a known one with nothing, offering the known one alone', async () => {
    const response = await text('blorf beach');
    const found = nothingFound(response);
    assert.deepEqual(found.failed, [{ kind: 'word', text: 'blorf', reason: 'unknown' }]);
    assert.deepEqual(found.alternative?.dropped, { kind: 'word', text: 'blorf' });
    assert.equal(found.alternative?.total, 5);
    assert.deepEqual(found.alternative?.query.labels, ['beach']);
    assert.equal(found.alternative?.span.last, '2026-11-28T10:00:00');
  });

  it('understands a place of the gazetteer with no photos there (Italy) and says it has none', async () => {
    const alone = nothingFound(await text('photos from Italy'));
    assert.deepEqual(alone, { failed: [{ kind: 'place', text: 'Italy', reason: 'no-photos' }] });
    const withBeach = nothingFound(await text('beach photos in Italy'));
    assert.deepEqual(withBeach.failed, [{ kind: 'place', text: 'Italy', reason: 'no-photos' }]);
    assert.deepEqual(withBeach.alternative?.dropped, { kind: 'place', text: 'Italy' });
    assert.deepEqual(withBeach.alternative?.query.places, []);
    assert.equal(withBeach.alternative?.total, 5, "Bob's beach photo in Rome is not Alice's");
  });

  it('takes a bare word for a town only when it is a big place; after "in"/"at" any town', async () => {
    // Happy, Texas and Hope, Arkansas are towns; a word alone is not taken for them.
    assert.deepEqual(nothingFound(await text('happy photos')).failed, [
      { kind: 'word', text: 'happy', reason: 'unknown' },
    ]);
    assert.deepEqual(nothingFound(await text('photos in Hope')).failed, [
      { kind: 'place', text: 'Hope', reason: 'no-photos' },
    ]);
    assert.deepEqual(nothingFound(await text('photos from Atlantis')).failed, [
      { kind: 'word', text: 'Atlantis', reason: 'unknown' },
    ]);
    assert.deepEqual(nothingFound(await text('kyoto')).failed, [
      { kind: 'place', text: 'kyoto', reason: 'no-photos' },
    ]);
  });

  it('says a known label with no photos has none (cats), owner by owner', async () => {
    assert.deepEqual(nothingFound(await text('cat photos')), {
      failed: [{ kind: 'label', text: 'cat', reason: 'no-photos' }],
    });
    assert.equal((await text('cat photos', BOB)).total, 1);
  });

  it('calls a subject nothing knows unknown, not absent', async () => {
    const found = nothingFound(await text('photos of quokkas'));
    assert.deepEqual(found.failed, [{ kind: 'word', text: 'quokkas', reason: 'unknown' }]);
  });

  it('answers a weekend still to come with "future" and offers the previous one (free text and structured)', async () => {
    const found = nothingFound(await text('beach photos this weekend'));
    assert.deepEqual(found.failed, [{ kind: 'date', text: 'this weekend', reason: 'future' }]);
    assert.equal(found.alternative?.dropped.kind, 'date');
    assert.ok(found.alternative?.replacement, 'the previous weekend is offered by name');
    assert.equal(found.alternative?.total, 1);
    assert.equal(found.alternative?.query.takenFrom, '2026-11-28T00:00:00');
    assert.deepEqual(found.alternative?.query.labels, ['beach']);

    const structured = nothingFound(
      await search({
        query: { labels: ['beach'], takenFrom: '2026-12-05T00:00:00', takenTo: '2026-12-07T00:00:00' },
      }),
    );
    assert.deepEqual(structured.failed, [
      { kind: 'date', text: '2026-12-05 – 2026-12-06', reason: 'future' },
    ]);
    assert.deepEqual(structured.alternative?.replacement, { text: '2026-11-28 – 2026-11-29' });
    assert.equal(structured.alternative?.query.takenTo, '2026-11-30T00:00:00');
    assert.equal(structured.alternative?.total, 1);
  });

  it('calls constraints that each find photos but not together a combination, dropping the date first', async () => {
    const found = nothingFound(await text('beach photos from 2019'));
    assert.deepEqual(found.failed, [
      { kind: 'label', text: 'beach', reason: 'combination' },
      { kind: 'date', text: '2019', reason: 'combination' },
    ]);
    assert.deepEqual(found.alternative?.dropped, { kind: 'date', text: '2019' });
    assert.equal(found.alternative?.total, 5);
    assert.equal(found.alternative?.query.takenFrom, undefined);

    // No date to drop: the place goes next, the subject stays.
    const placed = nothingFound(await text('dogs in Santa Monica'));
    assert.deepEqual(placed.alternative?.dropped, { kind: 'place', text: 'Santa Monica' });
    assert.deepEqual(placed.alternative?.query.labels, ['dog']);
    assert.equal(placed.alternative?.total, 1);
  });

  it('never drops a person: the subject or the date goes instead', async () => {
    const withDog = nothingFound(await text('Mom with the dog'));
    assert.deepEqual(withDog.failed, [
      { kind: 'label', text: 'dog', reason: 'combination' },
      { kind: 'person', text: 'Mom', reason: 'combination' },
    ]);
    assert.deepEqual(withDog.alternative?.dropped, { kind: 'label', text: 'dog' });
    assert.equal(withDog.alternative?.query.people.length, 1);
    assert.equal(withDog.alternative?.total, 1);

    // A structured query (the skill's slots) names the person by the owner's name for them.
    const mom = (await library.api.listPeople(ALICE)).find((person) => person.name === 'Mom');
    const structured = nothingFound(
      await search({ query: { people: [mom?.id ?? assert.fail('Mom')], labels: ['dog'] } }),
    );
    assert.deepEqual(structured.failed, withDog.failed);
    assert.deepEqual(structured.alternative?.dropped, { kind: 'label', text: 'dog' });

    const inParis = nothingFound(await text('photos of Mom in Paris'));
    assert.deepEqual(inParis.alternative?.dropped, { kind: 'place', text: 'Paris' });
    assert.equal(inParis.alternative?.query.people.length, 1);
  });

  it('explains structured queries too, and never offers a query with nothing left', async () => {
    const found = nothingFound(await search({ query: { labels: ['cat'] } }));
    assert.deepEqual(found, { failed: [{ kind: 'label', text: 'cat', reason: 'no-photos' }] });
    const places = nothingFound(
      await search({ query: { labels: ['dog'], places: [{ name: 'Santa Monica' }] } }),
    );
    assert.equal(places.failed.length, 2);
    assert.deepEqual(places.alternative?.dropped, { kind: 'place', text: 'Santa Monica' });
    // Found photos carry no explanation.
    assert.equal((await search({ query: { labels: ['dog'] } })).nothingFound, undefined);
  });

  it('says an empty library is empty', async () => {
    assert.deepEqual(nothingFound(await search({}, 'carol')), {
      failed: [{ kind: 'word', text: '', reason: 'no-photos' }],
    });
  });

  it('never returns a photo for a request with an unmatched word, whatever else it asks (property)', async () => {
    // A small seeded generator: known parts in any order and number, and one made-up word somewhere among them.
    let state = 20261202;
    const next = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const known = ['beach', 'dog', 'photos', 'from 2019', 'last summer', 'in Santa Monica', 'in Paris', 'my'];
    const letters = 'bcdfghjklmnpqrstvwxz';
    for (let round = 0; round < 25; round++) {
      const parts = Array.from({ length: next(4) }, () => known[next(known.length)] ?? 'beach');
      const word = Array.from({ length: 5 + next(4) }, () => letters[next(letters.length)]).join('');
      parts.splice(next(parts.length + 1), 0, word);
      const q = parts.join(' ');
      const response = await text(q);
      assert.equal(response.total, 0, q);
      assert.deepEqual(response.photos, [], q);
      assert.equal(response.query, undefined, q);
      const found = nothingFoundSchema.parse(response.nothingFound);
      assert.ok(
        found.failed.some((f) => f.kind === 'word' && f.text.includes(word) && f.reason === 'unknown'),
        q,
      );
      if (found.alternative) {
        // The offer keeps every understood part: its own search finds only photos that satisfy all of them.
        const offered = await search({ query: found.alternative.query });
        assert.equal(offered.total, found.alternative.total, q);
      }
    }
  });
});

describe('explainNothingFound (counting)', () => {
  it('counts every constraint alone at once, and names the failed ones in the order the query gives them', async () => {
    const query = photoQuerySchema.parse({
      labels: ['beach'],
      places: [{ name: 'Atlantis' }],
      takenFrom: '2019-01-01T00:00:00',
      takenTo: '2020-01-01T00:00:00',
    });
    let inFlight = 0;
    let mostInFlight = 0;
    const asked: PhotoQuery[] = [];
    const count: CountPhotos = async (counted) => {
      asked.push(counted);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // Settles on a later turn, as a database answers: the others must have started by then.
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      const noPhotos = counted.places.length > 0 || counted.takenFrom !== undefined;
      return noPhotos
        ? { total: 0, span: null }
        : { total: 3, span: { first: '2024-07-01T10:00:00', last: '2024-07-03T10:00:00' } };
    };
    const found = await explainNothingFound(
      { query, unmatched: [], textOf: (constraint) => constraint.kind },
      count,
    );
    assert.equal(mostInFlight, 3, 'the three counts alone ran at once');
    assert.deepEqual(
      found.failed.map((entry) => [entry.kind, entry.reason]),
      [
        ['place', 'no-photos'],
        ['date', 'no-photos'],
      ],
    );
    // Two failed: no alternative is offered, and nothing more is counted.
    assert.equal(found.alternative, undefined);
    assert.equal(asked.length, 3);
  });
});
