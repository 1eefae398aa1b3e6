import assert from 'node:assert/strict';
import { amazonDateRange, holidayRange, inRange } from '../../eval/truth-calendar';

describe('eval truth calendar (the stated semantics the expectations use)', () => {
  it('reads every AMAZON.DATE form as a capture-local range', () => {
    assert.deepEqual(amazonDateRange('2019-12-24', 'N'), {
      from: '2019-12-24T00:00:00',
      to: '2019-12-25T00:00:00',
    });
    assert.deepEqual(amazonDateRange('2026-W48', 'N'), {
      from: '2026-11-23T00:00:00',
      to: '2026-11-30T00:00:00',
    });
    assert.deepEqual(amazonDateRange('2026-W48-WE', 'N'), {
      from: '2026-11-28T00:00:00',
      to: '2026-11-30T00:00:00',
    });
    assert.deepEqual(amazonDateRange('2026-W49-WE', 'N'), {
      from: '2026-12-05T00:00:00',
      to: '2026-12-07T00:00:00',
    });
    assert.deepEqual(amazonDateRange('2021-07', 'N'), {
      from: '2021-07-01T00:00:00',
      to: '2021-08-01T00:00:00',
    });
    assert.deepEqual(amazonDateRange('2019', 'N'), {
      from: '2019-01-01T00:00:00',
      to: '2020-01-01T00:00:00',
    });
    assert.deepEqual(amazonDateRange('201X', 'N'), {
      from: '2010-01-01T00:00:00',
      to: '2020-01-01T00:00:00',
    });
  });

  it('turns seasons with the hemisphere: summer 2023 is June in the north and December in the south', () => {
    assert.deepEqual(amazonDateRange('2023-SU', 'N'), {
      from: '2023-06-01T00:00:00',
      to: '2023-09-01T00:00:00',
    });
    assert.deepEqual(amazonDateRange('2023-SU', 'S'), {
      from: '2023-12-01T00:00:00',
      to: '2024-03-01T00:00:00',
    });
    assert.deepEqual(amazonDateRange('2019-WI', 'N'), {
      from: '2019-12-01T00:00:00',
      to: '2020-03-01T00:00:00',
    });
  });

  it('knows the holidays: Christmas 24–26 December, New Year’s Eve into the small hours, Easter, Thanksgiving', () => {
    assert.deepEqual(holidayRange('CHRISTMAS', 2019), {
      from: '2019-12-24T00:00:00',
      to: '2019-12-27T00:00:00',
    });
    const nye = holidayRange('NEW_YEARS_EVE', 2019);
    assert.ok(inRange('2020-01-01T00:30:00', nye));
    assert.ok(!inRange('2020-01-01T09:00:00', nye));
    assert.deepEqual(holidayRange('EASTER', 2019).from, '2019-04-21T00:00:00');
    assert.deepEqual(holidayRange('EASTER', 2015).from, '2015-04-05T00:00:00');
    assert.deepEqual(holidayRange('THANKSGIVING', 2026).from, '2026-11-26T00:00:00');
    assert.deepEqual(holidayRange('MOTHERS_DAY', 2025).from, '2025-05-11T00:00:00');
  });

  it('refuses a value it does not know instead of guessing', () => {
    assert.throws(() => amazonDateRange('last summer', 'N'), /not an AMAZON.DATE value/);
  });
});
