import assert from 'node:assert/strict';
import {
  canonicalLabel,
  germanLabel,
  germanLabelInAnyText,
  germanNameOf,
  labelForWord,
  labelInProse,
  searchLabelFor,
} from '../../../common/vocabulary';

describe('vocabulary words', () => {
  const english: Array<[string, string]> = [
    ['seaside', 'beach'],
    ['BEACHES', 'beach'],
    ['Sunsets!', 'sunset'],
    ['  birthday-party ', 'birthday'],
    ['puppies', 'dog'],
    ['kitten', 'cat'],
    ['horses', 'horse'],
    ['ponies', 'horse'],
    ['cars', 'car'],
    ['birds', 'bird'],
    ['bikes', 'bicycle'],
    ['bicycles', 'bicycle'],
    ['boats', 'boat'],
    ['buses', 'bus'],
    ['knives', 'knife'],
    ['mice', 'mouse'],
    ['sheep', 'sheep'],
    ['people', 'person'],
    ['hot dogs', 'hot dog'],
    ['doughnuts', 'donut'],
    ['television', 'tv'],
    ['fridge', 'refrigerator'],
    ['hair dryer', 'hair drier'],
    ['peaks', 'mountain'],
    ['woods', 'forest'],
    ['cities', 'city'],
    ['skyline', 'city'],
    ['ocean', 'sea'],
    ['shoreline', 'coast'],
    ['dawn', 'sunrise'],
    ['hike', 'hiking'],
    ['parties', 'party'],
    ['families', 'family'],
    ['animals', 'animal'],
    ['Weddings', 'wedding'],
    ['celebrations', 'celebration'],
    ['wild animals', 'wildlife'],
    ['pizza', 'pizza'],
    ['eagles', 'eagle'],
    ['Bald Eagle', 'eagle'],
    ['coffee', 'coffee'],
    ['rockets', 'rocket'],
    ['astronauts', 'astronaut'],
    ['photographers', 'photographer'],
    ['dinners', 'dinner'],
    ['beverages', 'drink'],
  ];
  for (const [word, label] of english) {
    it(`"${word}" → ${label}`, () => assert.equal(canonicalLabel(word), label));
  }

  /** Words that name something near, bigger or merely related: mapping them would file photos wrongly. */
  const mustNotMap: Array<[string, string]> = [
    ['hiking', 'mountain'],
    ['hikes', 'mountain'],
    ['party', 'birthday'],
    ['parties', 'birthday'],
    ['street', 'city'],
    ['streets', 'city'],
    ['town', 'city'],
    ['sunrise', 'sunset'],
    ['dusk', 'sunset'],
    ['sand', 'beach'],
    ['ocean', 'beach'],
    ['sea', 'beach'],
    ['coast', 'beach'],
    ['boat', 'beach'],
    ['river', 'lake'],
    ['pond', 'lake'],
    ['garden', 'flowers'],
    ['trees', 'forest'],
    ['skiing', 'snow'],
    ['pizza', 'food'],
    ['cake', 'food'],
    ['cake', 'birthday'],
    ['phone', 'cell phone'],
    ['ice', 'snow'],
    ['dinner', 'food'],
    ['cafe', 'coffee'],
    ['café', 'coffee'],
    ['espresso', 'coffee'],
    ['coffee', 'food'],
    ['bird', 'eagle'],
    ['hawk', 'eagle'],
    ['space', 'rocket'],
    ['launch', 'rocket'],
    ['portrait', 'person'],
    ['portrait', 'photographer'],
    ['camera', 'photographer'],
    ['safari', 'wildlife'],
    // A mountain range is a region, not a subject: "the Alps" found Lake Louise in the Rockies.
    ['alps', 'mountain'],
    ['Alpen', 'mountain'],
  ];
  for (const [word, label] of mustNotMap) {
    it(`"${word}" is not ${label}`, () => {
      assert.notEqual(canonicalLabel(word), label);
      assert.notEqual(searchLabelFor(word), label);
    });
  }

  it('answers undefined for words outside the vocabulary', () => {
    for (const word of ['spreadsheet', '', '!!!', 'town', 'sand', 'phone', 'misc']) {
      assert.equal(canonicalLabel(word), undefined, word);
    }
  });

  const german: Array<[string, string]> = [
    ['Hunde', 'dog'],
    ['Hund', 'dog'],
    ['Welpen', 'dog'],
    ['hundefotos', 'dog'],
    ['Strandbilder', 'beach'],
    ['Pferde', 'horse'],
    ['Vögel', 'bird'],
    ['Autos', 'car'],
    ['Sonnenaufgang', 'sunrise'],
    ['Wandern', 'hiking'],
    ['Straße', 'street'],
    ['Meer', 'sea'],
    ['See', 'lake'],
    ['Tiere', 'animal'],
    ['Adler', 'eagle'],
    ['Adlern', 'eagle'],
    ['Kaffee', 'coffee'],
    ['Kaffeefotos', 'coffee'],
    ['Raketen', 'rocket'],
    ['Abendessen', 'dinner'],
    ['Getränke', 'drink'],
  ];
  for (const [word, label] of german) {
    it(`German "${word}" → ${label}`, () => assert.equal(germanLabel(word), label));
  }

  it('keeps the German over-eager mappings out too', () => {
    assert.notEqual(germanLabel('wandern'), 'mountain');
    assert.notEqual(germanLabel('party'), 'birthday');
    assert.notEqual(germanLabel('straße'), 'city');
    assert.notEqual(germanLabel('sonnenaufgang'), 'sunset');
    assert.notEqual(germanLabel('meer'), 'beach');
    assert.equal(germanLabel('dog'), undefined, 'German words only');
  });

  it('reads German first and then English in a German request; English only in an English one', () => {
    assert.equal(labelForWord('Hunde', 'de'), 'dog');
    assert.equal(labelForWord('Pizza', 'de'), 'pizza');
    assert.equal(labelForWord('horses', 'de'), 'horse');
    assert.equal(labelForWord('Hunde', 'en'), undefined);
    assert.equal(labelForWord('see', 'en'), undefined);
  });

  it('reads text of no language in English first and then German, never a German word English uses otherwise', () => {
    assert.equal(germanLabelInAnyText('Hunden'), 'dog');
    assert.equal(germanLabelInAnyText('Vögeln'), 'bird');
    assert.equal(germanLabelInAnyText('Adlerfotos'), 'eagle');
    for (const word of ['see', 'See', 'boot', 'handy', 'bank', 'strand', 'tier', 'rad']) {
      assert.notEqual(germanLabel(word), undefined, `${word} is still German in a German request`);
      assert.equal(germanLabelInAnyText(word), undefined, word);
    }
    assert.equal(germanLabelInAnyText('spreadsheet'), undefined);
  });

  it('names labels in German, and says unknown labels as they are', () => {
    assert.equal(germanNameOf('beach'), 'Strand');
    assert.equal(germanNameOf('horse'), 'Pferde');
    assert.equal(germanNameOf('eiffel tower'), 'eiffel tower');
  });

  it('reads running text and folder names without the words prose uses for something else', () => {
    assert.equal(labelInProse('beach'), 'beach');
    assert.equal(labelInProse('Dogs'), 'dog');
    assert.equal(labelInProse('birthday party'), 'birthday');
    assert.equal(labelInProse('party'), 'party');
    for (const word of ['orange', 'Orange', 'apple', 'ball', 'tie', 'book', 'stream', 'summit', 'Teddy']) {
      assert.equal(labelInProse(word), undefined, word);
      assert.notEqual(canonicalLabel(word), undefined, `${word} is still a keyword`);
    }
  });
});
