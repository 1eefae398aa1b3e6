import assert from 'node:assert/strict';
import type { Intent } from 'ask-sdk-model';
import { understandShowPhotos, type UnderstandingContext } from '../../../lambda/util/photo-request';

/** A subject Alexa heard but did not resolve to a PhotoSubject value: the skill reads the heard word itself. */
function unresolvedSubject(heard: string): Intent {
  return {
    name: 'ShowPhotosIntent',
    confirmationStatus: 'NONE',
    slots: { subject: { name: 'subject', value: heard, confirmationStatus: 'NONE' } },
  };
}

function contextIn(locale: string): UnderstandingContext {
  return {
    locale,
    today: { year: 2026, month: 12, day: 2 },
    hemisphere: 'northern',
    ownerNames: () => Promise.resolve([]),
  };
}

describe('understandShowPhotos reads a heard subject in the request language', () => {
  it('reads German words on a de-DE request ("Hunden" → dog)', async () => {
    const understanding = await understandShowPhotos(unresolvedSubject('Hunden'), contextIn('de-DE'));
    assert.ok(understanding.ok);
    assert.deepEqual(understanding.request.labels, ['dog']);
  });

  it('reads English words on an en-GB request ("puppies" → dog)', async () => {
    const understanding = await understandShowPhotos(unresolvedSubject('puppies'), contextIn('en-GB'));
    assert.ok(understanding.ok);
    assert.deepEqual(understanding.request.labels, ['dog']);
  });
});

describe('understandShowPhotos: unresolved words in the small vocabularies are unmet, never dropped', () => {
  const STATIC = 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test';
  const unresolved = (name: string, type: string, heard: string) => ({
    name,
    value: heard,
    confirmationStatus: 'NONE' as const,
    resolutions: {
      resolutionsPerAuthority: [
        { authority: `${STATIC}.${type}`, status: { code: 'ER_SUCCESS_NO_MATCH' as const }, values: [] },
      ],
    },
  });
  const intentWith = (...slots: Array<ReturnType<typeof unresolved>>): Intent => ({
    name: 'ShowPhotosIntent',
    confirmationStatus: 'NONE',
    slots: Object.fromEntries(slots.map((slot) => [slot.name, slot])),
  });

  it('media "weather" is not the still photos, favourites "cats" not all favourites, recurrence "faster" not every year', async () => {
    for (const slot of [
      unresolved('media', 'MEDIA_KIND', 'weather'),
      unresolved('favorites', 'FAVORITES', 'cats'),
      unresolved('recurrence', 'RECURRENCE', 'faster'),
    ]) {
      const understanding = await understandShowPhotos(intentWith(slot), contextIn('en-US'));
      assert.deepEqual(understanding, { ok: false, problem: 'subject', heard: slot.value }, slot.name);
    }
  });

  it('unresolved words that say what the slot means still count: "clips", "pictures", "favourite"', async () => {
    const clips = await understandShowPhotos(
      intentWith(unresolved('media', 'MEDIA_KIND', 'clips')),
      contextIn('en-US'),
    );
    assert.ok(clips.ok);
    assert.deepEqual(clips.request.mediaKinds, ['video']);
    const pictures = await understandShowPhotos(
      intentWith(unresolved('media', 'MEDIA_KIND', 'pictures')),
      contextIn('en-US'),
    );
    assert.ok(pictures.ok);
    assert.deepEqual(pictures.request.mediaKinds, ['photo']);
    const favourite = await understandShowPhotos(
      intentWith(unresolved('favorites', 'FAVORITES', 'Favourite')),
      contextIn('en-GB'),
    );
    assert.ok(favourite.ok);
    assert.equal(favourite.request.favoritesOnly, true);
  });
});

describe('understandShowPhotos: two people, both in every photo', () => {
  const OWNER_PEOPLE = [
    { id: 'person-anna', name: 'Anna' },
    { id: 'person-tom', name: 'Tom' },
  ];
  const context = (locale = 'en-US'): UnderstandingContext => ({
    ...contextIn(locale),
    ownerNames: (_kind, heard) =>
      Promise.resolve(
        OWNER_PEOPLE.filter((p) => p.name.toLowerCase() === heard.trim().toLowerCase()).map((p) => ({
          ...p,
          dynamic: false,
        })),
      ),
  });
  const heardPeople = (first: string, second?: string): Intent => ({
    name: 'ShowPhotosIntent',
    confirmationStatus: 'NONE',
    slots: {
      person: { name: 'person', value: first, confirmationStatus: 'NONE' },
      ...(second === undefined
        ? {}
        : { other_person: { name: 'other_person', value: second, confirmationStatus: 'NONE' as const } }),
    },
  });

  it('"photos of Anna and Tom" in two slots asks for both, and says both names', async () => {
    const understanding = await understandShowPhotos(heardPeople('anna', 'tom'), context());
    assert.ok(understanding.ok);
    assert.deepEqual(understanding.request.people, ['person-anna', 'person-tom']);
    assert.equal(understanding.request.selection.person, 'Anna and Tom');
  });

  it('both names heard in one slot ("anna and tom") are each looked up', async () => {
    const understanding = await understandShowPhotos(heardPeople('anna and tom'), context());
    assert.ok(understanding.ok);
    assert.deepEqual(understanding.request.people, ['person-anna', 'person-tom']);
  });

  it('a second name nobody has is an unmet constraint, never dropped to show Anna alone', async () => {
    for (const intent of [heardPeople('anna', 'bob'), heardPeople('anna and bob')]) {
      const understanding = await understandShowPhotos(intent, context());
      assert.deepEqual(understanding, { ok: false, problem: 'person', heard: 'bob' });
    }
    const whole = await understandShowPhotos(heardPeople('bob'), context());
    assert.deepEqual(whole, { ok: false, problem: 'person', heard: 'bob' });
  });

  it('German: "Anna und Tom", said back as "Anna und Tom"', async () => {
    const understanding = await understandShowPhotos(heardPeople('anna und tom'), context('de-DE'));
    assert.ok(understanding.ok);
    assert.deepEqual(understanding.request.people, ['person-anna', 'person-tom']);
    assert.equal(understanding.request.selection.person, 'Anna und Tom');
  });

  it('the same person twice is one person', async () => {
    const understanding = await understandShowPhotos(heardPeople('anna', 'Anna'), context());
    assert.ok(understanding.ok);
    assert.deepEqual(understanding.request.people, ['person-anna']);
    assert.equal(understanding.request.selection.person, 'Anna');
  });
});
