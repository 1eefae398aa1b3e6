import assert from 'node:assert/strict';
import type { Vocabulary } from '../../../common/contracts';
import {
  createOwnerNames,
  heardForms,
  matchOwnerNames,
  OWNER_NAMES_TTL_MS,
} from '../../../lambda/util/owner-names';

const entry = (id: string, name: string, synonyms: string[] = []) => ({ id, name, synonyms, photoCount: 3 });
const PEOPLE = [
  entry('pe_dad', 'Dad'),
  entry('pe_anna_s', 'Anna Smith', ['anna']),
  entry('pe_anna_j', 'Anna Jones', ['anna']),
  entry('pe_john', 'John Smith', ['john']),
  entry('pe_papa', 'Papa'),
  entry('pe_zoe', 'Zoë'),
];
const ids = (heard: string, locale = 'en-US') =>
  matchOwnerNames('person', heard, locale, PEOPLE).map((match) => match.id);

describe("the owner's own names for a heard person or album", () => {
  it('matches case, "my …", possessives and plurals', () => {
    assert.deepEqual(ids('dad'), ['pe_dad']);
    assert.deepEqual(ids('DAD'), ['pe_dad']);
    assert.deepEqual(ids('my dad'), ['pe_dad']);
    assert.deepEqual(ids("Dad's"), ['pe_dad']);
    assert.deepEqual(ids("my dad's"), ['pe_dad']);
    assert.deepEqual(ids('the Smiths'), ['pe_anna_s', 'pe_john']);
    assert.deepEqual(ids('zoe'), ['pe_zoe']);
  });

  it('several equally good matches are all returned (the skill asks which one)', () => {
    assert.deepEqual(ids('Anna'), ['pe_anna_s', 'pe_anna_j']);
    // A full name is a better match than the first names it shares.
    assert.deepEqual(ids('anna smith'), ['pe_anna_s']);
  });

  it('family words only pick among the names the owner gave ("my father" → Dad, "meinem Vater" → Papa)', () => {
    assert.deepEqual(ids('my father'), ['pe_dad', 'pe_papa']);
    assert.deepEqual(ids('meinem Vater', 'de-DE'), ['pe_dad', 'pe_papa']);
    assert.deepEqual(ids('Papas', 'de-DE'), ['pe_papa']);
    assert.deepEqual(matchOwnerNames('person', 'my mother', 'en-US', PEOPLE), []);
  });

  it('a family word inside a longer name, word for word ("opa joe" → Grandpa Joe), never another name', () => {
    const family = [entry('pe_joe', 'Grandpa Joe'), entry('pe_rose', 'Grandma Rose'), entry('pe_tom', 'Tom')];
    const match = (heard: string, locale = 'en-US') =>
      matchOwnerNames('person', heard, locale, family).map((found) => found.id);
    assert.deepEqual(match('opa joe', 'de-DE'), ['pe_joe']);
    assert.deepEqual(match('granddad joe'), ['pe_joe']);
    assert.deepEqual(match('oma rose', 'de-DE'), ['pe_rose']);
    assert.deepEqual(match('opa tom', 'de-DE'), []);
    assert.deepEqual(match('oma joe', 'de-DE'), []);
  });

  it('never matches on filler words or nothing', () => {
    assert.deepEqual(ids('my'), []);
    assert.deepEqual(ids('the'), []);
    assert.deepEqual(ids('   '), []);
    assert.deepEqual(ids('blorf'), []);
    assert.deepEqual(heardForms("the Smiths'", 'en-US'), ["the smiths'", "smiths'", 'smith', 'smiths']);
  });

  it('albums only by their whole name, or without a trailing year when the rest is more than one word', () => {
    const albums = [
      entry('al_trip', 'Summer Trip 2019'),
      entry('al_beach', 'Beach House'),
      entry('al_2020', 'Paris 2020'),
    ];
    const album = (heard: string) =>
      matchOwnerNames('album', heard, 'en-US', albums).map((match) => match.id);
    assert.deepEqual(album('the beach house'), ['al_beach']);
    assert.deepEqual(album('summer trip'), ['al_trip']);
    assert.deepEqual(album('summer trip 2019'), ['al_trip']);
    assert.deepEqual(album('beach'), [], 'one word of an album is not the album');
    assert.deepEqual(album('paris'), [], 'a one-word rest is not distinctive');
  });

  it('asks the library once per owner while the names are fresh, and again after they expire or fail', async () => {
    let clock = 1_000;
    const calls: string[] = [];
    let fail = false;
    const library = {
      vocabulary: (ownerId: string): Promise<Vocabulary> => {
        calls.push(ownerId);
        if (fail) return Promise.reject(new Error('library down'));
        return Promise.resolve({ people: PEOPLE, albums: [entry('al_1', 'Summer Trip')], labels: [] });
      },
    };
    const names = createOwnerNames(library, () => clock);
    assert.deepEqual(
      (await names.resolve('o1', 'person', 'my dad', 'en-US')).map((m) => m.id),
      ['pe_dad'],
    );
    assert.deepEqual(
      (await names.resolve('o1', 'album', 'the summer trip', 'en-US')).map((m) => m.id),
      ['al_1'],
    );
    assert.deepEqual(calls, ['o1']);
    await names.resolve('o2', 'person', 'dad', 'en-US');
    assert.deepEqual(calls, ['o1', 'o2']);
    clock += OWNER_NAMES_TTL_MS + 1;
    fail = true;
    await assert.rejects(names.resolve('o1', 'person', 'dad', 'en-US'), /library down/);
    fail = false;
    assert.equal((await names.resolve('o1', 'person', 'dad', 'en-US'))[0]?.name, 'Dad');
    assert.deepEqual(calls, ['o1', 'o2', 'o1', 'o1']);
  });
});
