import assert from 'node:assert/strict';
import type { Slot } from 'ask-sdk-model';
import { subjectLabelOf } from '../../../lambda/util/subject';

const AUTHORITY = 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.PhotoSubject';

function slot(
  value: string | undefined,
  authorities: NonNullable<Slot['resolutions']>['resolutionsPerAuthority'] = [],
): Slot {
  return {
    name: 'subject',
    value,
    confirmationStatus: 'NONE',
    resolutions: { resolutionsPerAuthority: authorities },
  };
}

const match = (id: string, authority = AUTHORITY) => ({
  authority,
  status: { code: 'ER_SUCCESS_MATCH' as const },
  values: [{ value: { id, name: id.toLowerCase() } }],
});
const noMatch = (authority = AUTHORITY) => ({
  authority,
  status: { code: 'ER_SUCCESS_NO_MATCH' as const },
  values: [],
});

describe('subjectLabelOf', () => {
  const cases: Array<[string, Slot | undefined, string | undefined]> = [
    ['synonym resolved to an id: seaside → beach', slot('seaside', [match('BEACH')]), 'beach'],
    [
      'multi-word id: BIRTHDAY_PARTY → birthday party',
      slot('party', [match('BIRTHDAY_PARTY')]),
      'birthday party',
    ],
    [
      'a later authority matches after a dynamic one did not',
      slot('sea', [noMatch('amzn1.er-authority.echo-sdk.dynamic.app.PhotoSubject'), match('BEACH')]),
      'beach',
    ],
    ['no match: raw value lower-cased when it is a valid label', slot('Grandma', [noMatch()]), 'grandma'],
    ['no resolutions: the heard words through the vocabulary, Sunsets → sunset', slot('Sunsets'), 'sunset'],
    ['no match: puppies → dog through the vocabulary', slot('puppies', [noMatch()]), 'dog'],
    ['a vision class: horses → horse', slot('horses', [noMatch()]), 'horse'],
    ['never a neighbouring label: hiking stays hiking', slot('hiking', [noMatch()]), 'hiking'],
    ['an unknown word is kept, to be answered as unknown', slot('unicorns', [noMatch()]), 'unicorns'],
    ['a leading possessive asks for nothing: "my cats" → cat', slot('my cats', [noMatch()]), 'cat'],
    ['"the beach" → beach', slot('the beach', [noMatch()]), 'beach'],
    ['"our unicorns" → unicorns, still answered as unknown', slot('our unicorns', [noMatch()]), 'unicorns'],
    ['only a possessive inside a word is kept: "mythology"', slot('mythology', [noMatch()]), 'mythology'],
    [
      'a trailing photo noun asks for nothing: "honeymoon pics"',
      slot('honeymoon pics', [noMatch()]),
      'honeymoon',
    ],
    ['"my dog photos" → dog', slot('my dog photos', [noMatch()]), 'dog'],
    ['a photo noun alone is kept: "pics"', slot('pics', [noMatch()]), 'pics'],
    ['no match and not a valid label → undefined', slot('<script>', [noMatch()]), undefined],
    ['empty slot → undefined', slot(undefined), undefined],
    ['missing slot → undefined', undefined, undefined],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      assert.equal(subjectLabelOf(input), expected);
    });
  }

  it('reads heard German words through the German vocabulary in a German request', () => {
    assert.equal(subjectLabelOf(slot('Hunden', [noMatch()]), 'de'), 'dog');
    assert.equal(subjectLabelOf(slot('Strandfotos'), 'de'), 'beach');
    assert.equal(subjectLabelOf(slot('Pizza'), 'de'), 'pizza');
    assert.equal(subjectLabelOf(slot('Hunden', [noMatch()]), 'en'), 'hunden');
    assert.equal(subjectLabelOf(slot('meine Hunde', [noMatch()]), 'de'), 'dog');
    assert.equal(subjectLabelOf(slot('Hochzeit Fotos', [noMatch()]), 'de'), 'wedding');
  });
});
