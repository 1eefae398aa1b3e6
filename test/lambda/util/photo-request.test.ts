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
