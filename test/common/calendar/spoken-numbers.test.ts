import assert from 'node:assert/strict';
import {
  dayOfWords,
  germanNumber,
  germanOrdinalDay,
  spokenNumbersToDigits,
  yearOfWords,
} from '../../../common/calendar';

describe('spoken numbers in dates', () => {
  const years: Array<[string, number | undefined]> = [
    ['twenty nineteen', 2019],
    ['twenty twenty one', 2021],
    ['twenty twenty', 2020],
    ['nineteen ninety nine', 1999],
    ['eighteen ninety', 1890],
    ['two thousand', 2000],
    ['two thousand and five', 2005],
    ['two thousand nineteen', 2019],
    ['twenty oh five', 2005],
    ['nineteen hundred', 1900],
    ['2019', 2019],
    ['twenty one', undefined],
    ['twenty five', undefined],
    ['nineteen', undefined],
    ['twenty twenty twenty', undefined],
    ['seventeen seventy six', undefined],
    ['', undefined],
  ];
  for (const [words, year] of years) {
    it(`"${words}" → ${year ?? 'no year'}`, () => assert.equal(yearOfWords(words), year));
  }

  const days: Array<[string, number | undefined]> = [
    ['fourth', 4],
    ['4th', 4],
    ['21', 21],
    ['twenty first', 21],
    ['thirty first', 31],
    ['twelfth', 12],
    ['thirtieth', 30],
    ['32', undefined],
    ['thirty second', undefined],
    ['fourty', undefined],
  ];
  for (const [words, day] of days) {
    it(`day "${words}" → ${day ?? 'none'}`, () => assert.equal(dayOfWords(words), day));
  }

  it('reads German number words, years and ordinal days', () => {
    assert.equal(germanNumber('zweitausendneunzehn'), 2019);
    assert.equal(germanNumber('zweitausendundfünf'), 2005);
    assert.equal(germanNumber('neunzehnhundertneunundneunzig'), 1999);
    assert.equal(germanNumber('zweitausendvierundzwanzig'), 2024);
    assert.equal(germanNumber('dreissig'), 30);
    assert.equal(germanNumber('sommer'), undefined);
    assert.equal(germanNumber('undzwanzig'), undefined);
    assert.equal(germanOrdinalDay('vierten'), 4);
    assert.equal(germanOrdinalDay('erster'), 1);
    assert.equal(germanOrdinalDay('dritte'), 3);
    assert.equal(germanOrdinalDay('siebten'), 7);
    assert.equal(germanOrdinalDay('einunddreißigsten'), 31);
    assert.equal(germanOrdinalDay('zweiunddreißigsten'), undefined);
    assert.equal(germanOrdinalDay('weihnachten'), undefined);
  });

  const phrases: Array<[string, string, string]> = [
    ['en-US', 'July fourth twenty twenty-one', 'july 4 2021'],
    ['en-US', 'christmas twenty twenty four', 'christmas 2024'],
    ['en-US', 'summer of twenty twenty', 'summer of 2020'],
    ['en-US', 'the twenty first of may', 'the 21 of may'],
    ['en-US', 'show me twenty one photos', 'show me twenty one photos'],
    ['de-DE', 'vierter Juli zweitausendneunzehn', '4. juli 2019'],
    ['de-DE', 'Sommer zweitausendzwanzig', 'sommer 2020'],
    ['de-DE', 'zwei Fotos', 'zwei fotos'],
    ['de-DE', 'Weihnachten zwanzig neunzehn', 'weihnachten 2019'],
    ['de-DE', 'zweitausend neunzehn', '2019'],
    ['de-DE', 'neunzehn neunundneunzig', '1999'],
    ['de-DE', 'zwanzig Fotos', 'zwanzig fotos'],
  ];
  for (const [locale, phrase, digits] of phrases) {
    it(`${locale}: "${phrase}" → "${digits}"`, () =>
      assert.equal(spokenNumbersToDigits(phrase, locale), digits));
  }
});
