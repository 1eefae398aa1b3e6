import assert from 'node:assert/strict';
import { takesUnlistedWords, unlikenessTo } from '../../../tools/alexa-simulator/slot-plausibility';

describe('slot plausibility: how unlike a slot type unlisted words are', () => {
  const personWords = new Set(['mom', 'dad', 'my', 'brother']);
  const subjectWords = new Set(['dog', 'dogs', 'beach']);

  it('a first name is like a PERSON, in any case and with a possessive', () => {
    assert.equal(unlikenessTo('PERSON', personWords, 'anna'), 0);
    assert.equal(unlikenessTo('PERSON', personWords, "anna's"), 0);
    assert.equal(unlikenessTo('PERSON', personWords, 'tom'), 0);
  });

  it('words of the type\'s own values count as alike: "my dad" is a PERSON', () => {
    assert.equal(unlikenessTo('PERSON', personWords, 'my dad'), 0);
    assert.equal(unlikenessTo('PhotoSubject', subjectWords, 'my dad'), 2);
  });

  it('a word that is no name is least like a PERSON, so an unknown thing reads as a subject', () => {
    assert.equal(unlikenessTo('PERSON', personWords, 'unicorn'), 2);
    assert.equal(unlikenessTo('PhotoSubject', subjectWords, 'unicorn'), 1);
    assert.ok(
      unlikenessTo('PhotoSubject', subjectWords, 'unicorn') < unlikenessTo('PERSON', personWords, 'unicorn'),
    );
  });

  it('every word counts: more unknown words are less alike', () => {
    assert.equal(unlikenessTo('ALBUM', new Set(['vacation']), 'kruger safari'), 2);
    assert.equal(unlikenessTo('PERSON', personWords, 'tom from twenty twenty one'), 8);
    assert.equal(unlikenessTo('ALBUM', new Set(['vacation']), 'vacation'), 0);
  });

  it('only open sets take unlisted words: people, albums, things; not the command vocabularies', () => {
    for (const type of ['PERSON', 'ALBUM', 'PhotoSubject'])
      assert.equal(takesUnlistedWords(type), true, type);
    for (const type of [
      'SLIDESHOW_SPEED',
      'MEDIA_KIND',
      'FAVORITES',
      'HOLIDAY',
      'RECURRENCE',
      'PHOTO_SIDE',
    ]) {
      assert.equal(takesUnlistedWords(type), false, type);
    }
  });
});
