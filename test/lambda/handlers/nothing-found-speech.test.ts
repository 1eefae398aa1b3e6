import assert from 'node:assert/strict';
import { photoQuerySchema, type NothingFound } from '../../../common/contracts';
import { slotsNothingFound, textNothingFound } from '../../../lambda/handlers/nothing-found-speech';

const TODAY = { year: 2026, month: 12, day: 9 };
const SPAN = { first: '2025-07-01T10:00:00', last: '2026-07-20T10:00:00' };
const alternative = (kind: NothingFound['failed'][number]['kind'], text: string, replacement?: string) => ({
  dropped: { kind, text },
  ...(replacement ? { replacement: { text: replacement } } : {}),
  query: photoQuerySchema.parse({ labels: ['beach'] }),
  total: 4,
  span: SPAN,
});

describe("nothing found, from the library's account to what the skill says", () => {
  it('spoken requests: constraints named as the user knows them, the offer keeping the rest', () => {
    const speech = slotsNothingFound(
      { subject: 'beach', person: 'Dad', place: 'Italy' },
      {
        failed: [
          { kind: 'person', text: 'pe_123', reason: 'combination' },
          { kind: 'place', text: 'Italy', reason: 'no-photos' },
        ],
        alternative: alternative('place', 'Italy'),
      },
      TODAY,
    );
    assert.deepEqual(
      speech.failed.map((failed) => failed.text),
      ['Dad', 'Italy'],
    );
    assert.deepEqual(speech.offer, { selection: { subject: 'beach', person: 'Dad' }, count: 4, span: SPAN });
  });

  it('no offer that is the request itself, and none for a future date the library named in English', () => {
    const same = slotsNothingFound(
      { subject: 'beach' },
      {
        failed: [{ kind: 'label', text: 'beach', reason: 'no-photos' }],
        alternative: alternative('word', 'x'),
      },
      TODAY,
    );
    assert.equal(same.offer, undefined);
    const future = slotsNothingFound(
      { subject: 'beach' },
      {
        failed: [{ kind: 'date', text: 'this weekend', reason: 'future' }],
        alternative: alternative('date', 'this weekend', 'last weekend'),
      },
      TODAY,
    );
    assert.equal(future.offer, undefined);
  });

  it('an older library with no account: the whole request found nothing', () => {
    const speech = slotsNothingFound({ subject: 'beach' }, undefined, TODAY);
    assert.deepEqual(speech.failed, [{ kind: 'word', reason: 'combination', text: '' }]);
  });

  it('free text: the failed words left out with the word that tied them in, or the offer dropped', () => {
    const italy: NothingFound = {
      failed: [{ kind: 'place', text: 'Italy', reason: 'no-photos' }],
      alternative: alternative('place', 'Italy'),
    };
    assert.equal(textNothingFound('Beach photos in ITALY', italy, TODAY).offer?.words, 'Beach photos');
    assert.equal(
      textNothingFound('beach photos from italy last year', italy, TODAY).offer?.words,
      'beach photos last year',
    );
    // The library's words are not in what was said ("Italia"): better no offer than a wrong one.
    assert.equal(textNothingFound('beach photos in Italia', italy, TODAY).offer, undefined);
    const weekend: NothingFound = {
      failed: [{ kind: 'date', text: 'this weekend', reason: 'future' }],
      alternative: alternative('date', 'this weekend', 'last weekend'),
    };
    const offer = textNothingFound('dogs this weekend', weekend, TODAY).offer;
    assert.equal(offer?.words, 'dogs last weekend');
    assert.deepEqual(offer?.previousDate, { name: 'last weekend' });
  });
});
