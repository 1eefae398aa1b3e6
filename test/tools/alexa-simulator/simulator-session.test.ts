import assert from 'node:assert/strict';
import type { IntentRequest, RequestEnvelope } from 'ask-sdk-model';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';
import { loadLanguageModel } from '../../../tools/alexa-simulator/interaction-model';
import {
  intentFromSlotValues,
  matchUtterance,
  type HeardRequest,
} from '../../../tools/alexa-simulator/interaction-model-matcher';
import { SimulatorSession, withDynamicEntities } from '../../../tools/alexa-simulator/simulator-session';
import type { TestPhoto } from '../../lambda/helpers/in-memory-apis';
import { skillHarness, speechOf } from '../../lambda/helpers/skill-harness';

const MODEL = loadLanguageModel('en-US');
const CONTEXT = {
  today: new Date('2026-11-25T12:00:00Z'),
  applicationId: SIMULATOR_IDENTITY.applicationId,
  locale: 'en-US',
};
const DAD = { id: 'pe_dad', name: 'Dad' };
const PHOTOS: TestPhoto[] = [
  { id: 'b1', labels: ['beach'], takenLocal: '2025-07-01T10:00:00', people: [DAD] },
  { id: 'b2', labels: ['beach'], takenLocal: '2025-07-02T10:00:00' },
  { id: 'd1', labels: ['dog'], takenLocal: '2025-07-03T10:00:00', people: [DAD] },
];

function envelopeIn(session: SimulatorSession, heard: HeardRequest): RequestEnvelope {
  const envelope = buildRequestEnvelope({
    device: findDevice('Echo Show 8'),
    heard: withDynamicEntities(heard, MODEL, session.entities, SIMULATOR_IDENTITY.applicationId),
    locale: 'en-US',
    session: session.next(),
  });
  // Offline: the Settings API host never resolves in tests.
  envelope.context.System.apiEndpoint = 'https://api.alexa.test';
  return envelope;
}

/** A slot's entity-resolution authorities, dynamic or static, with their status and the ids they matched. */
function authoritiesOf(envelope: RequestEnvelope, slot: string) {
  const { intent } = envelope.request as IntentRequest;
  return (intent.slots?.[slot]?.resolutions?.resolutionsPerAuthority ?? []).map((authority) => ({
    dynamic: authority.authority.includes('.dynamic.'),
    code: authority.status.code,
    ids: authority.values.map((value) => value.value.id),
  }));
}

describe('simulator sessions and dynamic entities', () => {
  it('a one-shot "--slot person=Dad" carries only the static resolution, and the skill finds Dad itself', async () => {
    const harness = skillHarness(PHOTOS);
    const session = new SimulatorSession();
    const envelope = envelopeIn(
      session,
      intentFromSlotValues(MODEL, 'ShowPhotosIntent', { person: 'Dad' }, CONTEXT),
    );
    assert.equal(envelope.session?.new, true);
    assert.ok(authoritiesOf(envelope, 'person').every((authority) => !authority.dynamic));
    const reply = await harness.invoke(envelope);
    assert.equal(speechOf(reply), 'Here are 2 photos of Dad, taken in July 2025.');
  });

  it('after the skill sent UpdateDynamicEntities in this session, "Dad" resolves in the dynamic authority', async () => {
    const harness = skillHarness(PHOTOS);
    const session = new SimulatorSession();
    const first = envelopeIn(
      session,
      intentFromSlotValues(MODEL, 'ShowPhotosIntent', { subject: 'beach' }, CONTEXT),
    );
    const firstReply = await harness.invoke(first);
    session.record(firstReply);
    assert.ok(firstReply.response.directives?.some((d) => d.type === 'Dialog.UpdateDynamicEntities'));
    assert.equal(session.entities.get('PERSON')?.[0]?.id, 'pe_dad');

    const second = envelopeIn(
      session,
      intentFromSlotValues(MODEL, 'ShowPhotosIntent', { person: 'dad' }, CONTEXT),
    );
    assert.equal(second.session?.new, false);
    assert.equal(second.session?.sessionId, first.session?.sessionId);
    assert.deepEqual(authoritiesOf(second, 'person')[0], {
      dynamic: true,
      code: 'ER_SUCCESS_MATCH',
      ids: ['pe_dad'],
    });
    const vocabularyCallsBefore = harness.library.vocabularyCalls.length;
    const reply = await harness.invoke(second);
    assert.equal(speechOf(reply), 'Here are 2 photos of Dad, taken in July 2025.');
    // The dynamic match carried the id: the skill did not need the owner's names for it.
    assert.equal(harness.library.vocabularyCalls.length, vocabularyCallsBefore);

    const unknown = envelopeIn(
      session,
      intentFromSlotValues(MODEL, 'ShowPhotosIntent', { person: 'Uncle Bob' }, CONTEXT),
    );
    assert.equal(authoritiesOf(unknown, 'person')[0]?.code, 'ER_SUCCESS_NO_MATCH');
  });

  it('spoken "show photos of anna": an unlisted name, static and (later in the session) dynamic NO_MATCH; the skill finds her', async () => {
    const anna = { id: 'pe_anna', name: 'Anna' };
    const harness = skillHarness([
      ...PHOTOS,
      { id: 'a1', labels: ['park'], takenLocal: '2025-08-01T10:00:00', people: [anna] },
    ]);
    const session = new SimulatorSession();
    const first = envelopeIn(
      session,
      matchUtterance(MODEL, 'Alexa, ask Photo Frame to show photos of Anna', {
        ...CONTEXT,
        dynamicEntities: session.entities,
      }),
    );
    assert.equal((first.request as IntentRequest).intent.slots?.person?.value, 'anna');
    assert.deepEqual(authoritiesOf(first, 'person'), [
      { dynamic: false, code: 'ER_SUCCESS_NO_MATCH', ids: [] },
    ]);
    const firstReply = await harness.invoke(first);
    assert.equal(speechOf(firstReply), 'Here is 1 photo of Anna, taken on August 1, 2025.');
    session.record(firstReply);

    const bob = envelopeIn(
      session,
      matchUtterance(MODEL, 'show photos of bob', { ...CONTEXT, dynamicEntities: session.entities }),
    );
    assert.deepEqual(authoritiesOf(bob, 'person'), [
      { dynamic: true, code: 'ER_SUCCESS_NO_MATCH', ids: [] },
      { dynamic: false, code: 'ER_SUCCESS_NO_MATCH', ids: [] },
    ]);
    assert.match(speechOf(await harness.invoke(bob)), /^Sorry, I don't know who bob is in your photos yet\./);
  });

  it('CLEAR forgets the entities, and a session that ended takes no more requests', () => {
    const session = new SimulatorSession();
    session.next();
    session.record({
      version: '1.0',
      response: {
        directives: [
          {
            type: 'Dialog.UpdateDynamicEntities',
            updateBehavior: 'REPLACE',
            types: [{ name: 'PERSON', values: [{ id: 'p', name: { value: 'P' } }] }],
          },
        ],
      },
    });
    assert.equal(session.entities.size, 1);
    session.record({
      version: '1.0',
      response: {
        directives: [{ type: 'Dialog.UpdateDynamicEntities', updateBehavior: 'CLEAR' }],
        shouldEndSession: true,
      },
    });
    assert.equal(session.entities.size, 0);
    assert.equal(session.isOver, true);
    assert.throws(() => session.next(), /ended/);
  });
});
