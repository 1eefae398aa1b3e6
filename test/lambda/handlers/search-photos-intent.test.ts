import assert from 'node:assert/strict';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { PhotoQueryInput, SearchRequest, SearchResponse } from '../../../common/contracts';
import { intentEnvelope } from '../helpers/envelopes';
import { InMemoryLibrary, type TestPhoto } from '../helpers/in-memory-apis';
import { skillHarness, speechOf, testPhotos } from '../helpers/skill-harness';

type Reading = Pick<SearchResponse, 'total' | 'span' | 'query' | 'understood' | 'nothingFound'>;

/**
 * The library's free-text reading is the library's job (tested there): this double answers `q` with the reading a
 * test gives for that text, and structured queries from the photos as the skill's other tests do.
 */
class ReadingLibrary extends InMemoryLibrary {
  constructor(
    photos: TestPhoto[],
    private readonly readings: Record<string, Reading>,
  ) {
    super(photos);
  }

  override search(ownerId: string, request: SearchRequest): Promise<SearchResponse> {
    if (request.q === undefined) return super.search(ownerId, request);
    this.searches.push({ ownerId, request });
    const reading = this.readings[request.q];
    if (!reading) return Promise.reject(new Error(`no reading for ${request.q}`));
    return Promise.resolve({ photos: [], ...reading } as SearchResponse);
  }
}

const search = (words: string, device = 'Echo Show 8', locale = 'en-US'): RequestEnvelope => {
  const envelope = intentEnvelope('SearchPhotosIntent', { query: { value: words } }, device);
  return { ...envelope, request: { ...envelope.request, locale } };
};
const query = (input: PhotoQueryInput) => input as SearchResponse['query'];
const understood = [
  { kind: 'label' as const, text: 'beach', reading: 'beach' },
] as SearchResponse['understood'];

describe('SearchPhotosIntent: free text read by the library', () => {
  it("nothing found: the library's account said, the alternative offered as words to search for, nothing shown", async () => {
    const library = new ReadingLibrary(testPhotos(), {
      'beach photos in Italy': {
        total: 0,
        span: null,
        query: query({ labels: ['beach'], places: [{ name: 'Italy' }] }),
        understood,
        nothingFound: {
          failed: [{ kind: 'place', text: 'Italy', reason: 'no-photos' }],
          alternative: {
            dropped: { kind: 'place', text: 'Italy' },
            query: query({ labels: ['beach'] }) as never,
            total: 12,
            span: { first: '2025-07-01T10:00:00', last: '2025-07-28T10:00:00' },
          },
        },
      },
    });
    const harness = skillHarness(testPhotos(), undefined, { library });
    const response = await harness.invoke(search('beach photos in Italy'));
    assert.equal(
      speechOf(response),
      'I found no photos in Italy. I found 12 photos for "beach photos", the most recent from July 2025. ' +
        'Say, search for beach photos, to see them.',
    );
    assert.equal(harness.display.created.length, 0);
    assert.equal(response.response.directives, undefined);
    assert.equal(response.response.shouldEndSession, false);

    const german = await harness.invoke(search('beach photos in Italy', 'Echo Show 8', 'de-DE'));
    assert.match(
      speechOf(german),
      /^Ich habe keine Fotos in Italy gefunden\. Für „beach photos“ habe ich 12 Fotos/,
    );
  });

  it('a weekend still to come, typed: said so, and the previous one offered in the words typed', async () => {
    const library = new ReadingLibrary(testPhotos(), {
      'photos from this weekend': {
        total: 0,
        span: null,
        query: query({ takenFrom: '2026-11-28T00:00:00', takenTo: '2026-11-30T00:00:00' }),
        understood,
        nothingFound: {
          failed: [{ kind: 'date', text: 'this weekend', reason: 'future' }],
          alternative: {
            dropped: { kind: 'date', text: 'this weekend' },
            replacement: { text: 'last weekend' },
            query: query({ takenFrom: '2026-11-21T00:00:00', takenTo: '2026-11-23T00:00:00' }) as never,
            total: 5,
            span: { first: '2026-11-21T10:00:00', last: '2026-11-22T10:00:00' },
          },
        },
      },
    });
    const harness = skillHarness(testPhotos(), undefined, { library });
    const response = await harness.invoke(search('photos from this weekend'));
    assert.equal(
      speechOf(response),
      "This weekend hasn't happened yet. Last weekend you took 5 photos. " +
        'Say, search for photos from last weekend, to see them.',
    );
    assert.equal(harness.display.created.length, 0);
  });

  it('an unknown word: said unknown, no alternative, nothing shown (never the whole library)', async () => {
    const library = new ReadingLibrary(testPhotos(), {
      'blorf photos': {
        total: 0,
        span: null,
        // An unmatched word is a failed constraint: the library answers no query to play.
        understood: [] as SearchResponse['understood'],
        nothingFound: { failed: [{ kind: 'word', text: 'blorf', reason: 'unknown' }] },
      },
    });
    const harness = skillHarness(testPhotos(), undefined, { library });
    const response = await harness.invoke(search('blorf photos'));
    assert.equal(speechOf(response), 'I don\'t know "blorf". What would you like to see?');
    assert.equal(harness.display.created.length, 0);
  });

  it('counts photos: a voice-only device counts the query with near-duplicates collapsed, as a screen shows it', async () => {
    const library = new ReadingLibrary(testPhotos(), {
      beach: {
        total: 12,
        span: { first: '2025-07-01T10:00:00', last: '2025-07-12T10:00:00' },
        query: query({ labels: ['beach'] }),
        understood,
      },
    });
    const harness = skillHarness(testPhotos(), undefined, { library });
    const response = await harness.invoke(search('beach', 'Echo Dot'));
    assert.match(speechOf(response), /^You have 12 photos for beach/);
    assert.equal(library.searches[1]?.request.query?.collapseDuplicates, true);
    const onScreen = await harness.invoke(search('beach'));
    assert.match(speechOf(onScreen), /^Here are 12 photos for beach/);
  });
});
