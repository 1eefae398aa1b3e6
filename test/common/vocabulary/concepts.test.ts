import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelSchema } from '../../../common/contracts';
import {
  canonicalLabel,
  COCO_CLASSES,
  CONCEPTS,
  englishWordsOf,
  germanLabel,
  germanWordsOf,
} from '../../../common/vocabulary';

/** The class names the detector emits, read from the installed @vladmandic/human, not copied. */
function detectorClasses(): string[] {
  const source = readFileSync(
    join(__dirname, '../../../node_modules/@vladmandic/human/src/object/labels.ts'),
    'utf8',
  );
  return [...source.matchAll(/label: '([^']+)'/g)].map((match) => match[1] ?? '');
}

describe('vocabulary concepts', () => {
  it('has every class the local detector can emit, under its own name', () => {
    const classes = detectorClasses();
    assert.equal(classes.length, 80);
    assert.deepEqual([...COCO_CLASSES].sort(), [...classes].sort());
    for (const name of classes) assert.equal(canonicalLabel(name), name, name);
  });

  it('uses labels the query contract accepts, each listed once', () => {
    const labels = CONCEPTS.map((concept) => concept.label);
    assert.equal(new Set(labels).size, labels.length);
    for (const label of labels) assert.ok(labelSchema.safeParse(label).success, label);
  });

  it('resolves every English and German word of a concept back to that concept', () => {
    for (const concept of CONCEPTS) {
      for (const word of englishWordsOf(concept)) assert.equal(canonicalLabel(word), concept.label, word);
      for (const word of germanWordsOf(concept)) assert.equal(germanLabel(word), concept.label, word);
    }
  });

  it('gives every concept its plural (or says it has none) and German words Alexa accepts', () => {
    const horse = CONCEPTS.find((concept) => concept.label === 'horse');
    assert.ok(horse && englishWordsOf(horse).includes('horses'));
    const person = CONCEPTS.find((concept) => concept.label === 'person');
    assert.ok(person && englishWordsOf(person).includes('people'));
    for (const concept of CONCEPTS) {
      for (const word of englishWordsOf(concept)) assert.match(word, /^[a-z' .]+$/, word);
      for (const word of germanWordsOf(concept)) assert.match(word, /^[a-zäöüß' .]+$/, word);
    }
  });
});
