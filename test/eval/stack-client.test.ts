import assert from 'node:assert/strict';
import { spokenCount } from '../../eval/stack-client';

describe('eval spoken count (what an answer says it holds)', () => {
  it('reads digits and number words in English and German', () => {
    assert.equal(spokenCount('Here are 42 beach photos from summer 2026.'), 42);
    assert.equal(spokenCount('Here is one photo from Christmas 2025.'), 1);
    assert.equal(spokenCount('You have 2 videos from Brooklyn.'), 2);
    assert.equal(spokenCount('Hier sind 4 Lieblingsfotos, aufgenommen zwischen Juli 2019 und Mai 2025.'), 4);
    assert.equal(spokenCount('Ich habe keine Fotos in München gefunden.'), 0);
  });

  it('does not take a year or a date for a count', () => {
    assert.equal(spokenCount('I found no photos from 2014. What would you like to see?'), 0);
    assert.equal(spokenCount('This photo was taken on July 4, 2021 in Santa Monica.'), undefined);
    assert.equal(spokenCount('Sorry, I don’t know who Bob is.'), undefined);
  });
});
