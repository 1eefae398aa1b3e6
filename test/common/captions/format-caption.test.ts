import assert from 'node:assert/strict';
import type { SlideshowCaption } from '../../../common/contracts';
import { formatCaption } from '../../../common/captions/format-caption';

const SANTA_MONICA = { city: 'Santa Monica', region: 'California', country: 'United States' };

function caption(overrides: Partial<SlideshowCaption> = {}): SlideshowCaption {
  return { takenLocal: '2025-07-14T18:30:00', place: SANTA_MONICA, people: ['Mom', 'Alex'], ...overrides };
}

describe('formatCaption', () => {
  it('writes date · place · people with the date in the listener locale', () => {
    assert.equal(formatCaption(caption(), 'en-US'), 'July 14, 2025 · Santa Monica, California · Mom, Alex');
    assert.equal(formatCaption(caption(), 'en-GB'), '14 July 2025 · Santa Monica, California · Mom, Alex');
    assert.equal(formatCaption(caption(), 'en-IN'), '14 July 2025 · Santa Monica, California · Mom, Alex');
    assert.equal(formatCaption(caption(), 'de-DE'), '14. Juli 2025 · Santa Monica, California · Mom, Alex');
  });

  it('defaults to en-US and falls back to it for a locale Intl cannot use', () => {
    assert.equal(formatCaption(caption({ people: [] })), 'July 14, 2025 · Santa Monica, California');
    assert.equal(
      formatCaption(caption({ people: [] }), 'not a locale'),
      'July 14, 2025 · Santa Monica, California',
    );
  });

  it('keeps the capture-local calendar day, even just after midnight on New Year', () => {
    const newYear = caption({ takenLocal: '2025-01-01T00:05:00', place: null, people: [] });
    assert.equal(formatCaption(newYear, 'en-US'), 'January 1, 2025');
    assert.equal(formatCaption(newYear, 'de-DE'), '1. Januar 2025');
  });

  it('is empty when nothing is known, and leaves out each missing part', () => {
    assert.equal(formatCaption({ takenLocal: null, place: null, people: [] }), '');
    assert.equal(formatCaption(caption({ takenLocal: null })), 'Santa Monica, California · Mom, Alex');
    assert.equal(formatCaption(caption({ place: null })), 'July 14, 2025 · Mom, Alex');
    assert.equal(
      formatCaption(caption({ place: { city: null, region: null, country: null }, people: [' '] })),
      'July 14, 2025',
    );
  });

  it('names the two most specific distinct places', () => {
    const place = (city: string | null, region: string | null, country: string | null): string =>
      formatCaption({ takenLocal: null, place: { city, region, country }, people: [] });
    assert.equal(place('Paris', null, 'France'), 'Paris, France');
    assert.equal(place(null, 'Bavaria', 'Germany'), 'Bavaria, Germany');
    assert.equal(place(null, null, 'Japan'), 'Japan');
    assert.equal(place('Singapore', 'singapore', 'Singapore'), 'Singapore');
  });

  it('names at most four people and counts the rest', () => {
    const people = ['Mom', 'Dad', 'Alex', 'Sam', 'Kim', 'Lee'];
    assert.equal(formatCaption({ takenLocal: null, place: null, people }), 'Mom, Dad, Alex +3');
    assert.equal(
      formatCaption({ takenLocal: null, place: null, people: people.slice(0, 4) }),
      'Mom, Dad, Alex, Sam',
    );
  });
});
