import assert from 'node:assert/strict';
import {
  answerNothingFound,
  nothingFoundSentence,
  type RequestPart,
} from '../../../common/answers/nothing-found-answer';
import { photoQuerySchema, type NothingFound } from '../../../common/contracts';

const query = photoQuerySchema.parse({ labels: ['beach'] });
const span = { first: '2025-08-01T10:00:00', last: '2026-07-20T10:00:00' };

interface Case {
  text: string;
  understood: RequestPart[];
  nothingFound: NothingFound;
  sentence: string;
  offerText?: string;
}

const CASES: Case[] = [
  {
    text: 'beach photos from 2019',
    understood: [
      { kind: 'label', text: 'beach' },
      { kind: 'date', text: '2019' },
    ],
    nothingFound: {
      failed: [
        { kind: 'label', text: 'beach', reason: 'combination' },
        { kind: 'date', text: '2019', reason: 'combination' },
      ],
      alternative: { dropped: { kind: 'date', text: '2019' }, query, total: 12, span },
    },
    sentence: 'No beach photos from 2019. Your most recent beach photos are from July 2026 (12).',
    offerText: 'beach photos',
  },
  {
    text: 'blorf beach',
    understood: [{ kind: 'label', text: 'beach' }],
    nothingFound: {
      failed: [{ kind: 'word', text: 'blorf', reason: 'unknown' }],
      alternative: { dropped: { kind: 'word', text: 'blorf' }, query, total: 4, span },
    },
    sentence:
      "I don't know “blorf”, so no photos match. Your most recent beach photos are from July 2026 (4).",
    offerText: 'beach',
  },
  {
    text: 'photos from Atlantis',
    understood: [],
    nothingFound: { failed: [{ kind: 'word', text: 'Atlantis', reason: 'unknown' }] },
    sentence: "I don't know “Atlantis”, so no photos match.",
  },
  {
    text: 'beach photos in Italy',
    understood: [
      { kind: 'label', text: 'beach' },
      { kind: 'place', text: 'Italy' },
    ],
    nothingFound: {
      failed: [{ kind: 'place', text: 'Italy', reason: 'no-photos' }],
      alternative: { dropped: { kind: 'place', text: 'Italy' }, query, total: 1, span },
    },
    sentence: 'No photos in Italy. Your only beach photo is from July 2026.',
    offerText: 'beach photos',
  },
  {
    text: 'beach photos this weekend',
    understood: [
      { kind: 'label', text: 'beach' },
      { kind: 'date', text: 'this weekend' },
    ],
    nothingFound: {
      failed: [{ kind: 'date', text: 'this weekend', reason: 'future' }],
      alternative: {
        dropped: { kind: 'date', text: 'this weekend' },
        replacement: { text: 'last weekend' },
        query,
        total: 3,
        span,
      },
    },
    sentence:
      'This weekend is still to come, so there are no photos from it yet. There are 3 beach photos from last weekend.',
    offerText: 'beach photos last weekend',
  },
  {
    text: 'my favorite videos of Mom',
    understood: [],
    nothingFound: {
      failed: [
        { kind: 'favorites', text: 'favorite', reason: 'combination' },
        { kind: 'video', text: 'videos', reason: 'combination' },
        { kind: 'person', text: 'Mom', reason: 'combination' },
      ],
    },
    sentence: 'No favourite videos of Mom.',
  },
  {
    text: 'cat photos',
    understood: [{ kind: 'label', text: 'cat' }],
    nothingFound: { failed: [{ kind: 'label', text: 'cat', reason: 'no-photos' }] },
    sentence: 'No cat photos.',
  },
  {
    text: 'everything',
    understood: [],
    nothingFound: { failed: [{ kind: 'word', text: '', reason: 'no-photos' }] },
    sentence: 'There are no photos in your library yet.',
  },
];

describe('answerNothingFound (English phrasing of an empty search)', () => {
  for (const testCase of CASES) {
    it(`says "${testCase.sentence}" for "${testCase.text}"`, () => {
      const answer = answerNothingFound(testCase.nothingFound, {
        text: testCase.text,
        understood: testCase.understood,
      });
      assert.equal(nothingFoundSentence(answer), testCase.sentence);
      assert.equal(answer.offerText, testCase.offerText);
    });
  }

  it('leaves out the dropped words as whole words only', () => {
    const answer = answerNothingFound(
      {
        failed: [{ kind: 'word', text: 'art', reason: 'unknown' }],
        alternative: { dropped: { kind: 'word', text: 'art' }, query, total: 2, span },
      },
      { text: 'party art', understood: [{ kind: 'label', text: 'party' }] },
    );
    assert.equal(answer.offerText, 'party');
  });

  it('without the text, offers the kept parts by name', () => {
    const answer = answerNothingFound(CASES[0]?.nothingFound ?? assert.fail('a case'));
    assert.equal(answer.offer, 'Your most recent beach photos are from July 2026 (12)');
    assert.equal(answer.offerText, 'beach');
  });
});
