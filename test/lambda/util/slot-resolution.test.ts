import assert from 'node:assert/strict';
import type { Slot } from 'ask-sdk-model';
import { readSlot } from '../../../lambda/util/slot-resolution';

const STATIC = 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.x.PERSON';
const DYNAMIC = 'amzn1.er-authority.echo-sdk.dynamic.amzn1.ask.skill.x.PERSON';
type Authority = NonNullable<NonNullable<Slot['resolutions']>['resolutionsPerAuthority']>[number];

const slot = (value: string | undefined, ...authorities: Authority[]): Slot => ({
  name: 'person',
  value,
  confirmationStatus: 'NONE',
  resolutions: { resolutionsPerAuthority: authorities },
});
const match = (authority: string, id: string, name = id): Authority => ({
  authority,
  status: { code: 'ER_SUCCESS_MATCH' },
  values: [{ value: { id, name } }],
});
const noMatch = (authority: string): Authority => ({
  authority,
  status: { code: 'ER_SUCCESS_NO_MATCH' },
  values: [],
});

describe('readSlot (entity resolution across authorities)', () => {
  it('prefers a dynamic match, wherever Alexa lists it', () => {
    const reading = readSlot(
      slot(' grandma ', match(STATIC, 'GRANDMA'), match(DYNAMIC, 'pe_9', 'Grandma Rose')),
    );
    assert.deepEqual(reading, {
      heard: 'grandma',
      entity: { id: 'pe_9', name: 'Grandma Rose', dynamic: true },
      dynamicMatches: [{ id: 'pe_9', name: 'Grandma Rose', dynamic: true }],
    });
  });

  it('falls back to the static match when the dynamic authority has none', () => {
    assert.deepEqual(readSlot(slot('mom', noMatch(DYNAMIC), match(STATIC, 'MOM'))).entity, {
      id: 'MOM',
      name: 'MOM',
      dynamic: false,
    });
  });

  it('ER_SUCCESS_NO_MATCH everywhere, errors, or no resolutions: the words only', () => {
    const nothing = { entity: undefined, dynamicMatches: [] };
    assert.deepEqual(readSlot(slot('zed', noMatch(STATIC), noMatch(DYNAMIC))), { heard: 'zed', ...nothing });
    const timeout: Authority = { authority: STATIC, status: { code: 'ER_ERROR_TIMEOUT' }, values: [] };
    assert.deepEqual(readSlot(slot('zed', timeout)), { heard: 'zed', ...nothing });
    assert.deepEqual(readSlot({ name: 'person', confirmationStatus: 'NONE' }), {
      heard: undefined,
      ...nothing,
    });
    assert.deepEqual(readSlot(undefined), { heard: undefined, ...nothing });
  });
});
