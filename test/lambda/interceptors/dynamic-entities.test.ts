import assert from 'node:assert/strict';
import type { Directive, ResponseEnvelope } from 'ask-sdk-model';
import type { Vocabulary } from '../../../common/contracts';
import {
  deviceRequestEnvelope,
  inOpenSession,
  intentEnvelope,
  launchEnvelope,
  subjectSlot,
  withAccessTokens,
} from '../helpers/envelopes';
import type { TestPhoto } from '../helpers/in-memory-apis';
import { createMemorySettingsStore } from '../../../lambda/persistence/memory-settings-store';
import {
  LWA_PROFILE_OK,
  LWA_USER_ID,
  countingStore,
  lwaProfile,
  useRecordedApis,
} from '../helpers/recorded-alexa-apis';
import { skillHarness, speechOf, testPhotos } from '../helpers/skill-harness';

const GRANDMA = { id: 'pe_grandma', name: 'Grandma Rose' };
const TAHOE = { id: 'al_tahoe', name: 'Lake Tahoe' };

function familyPhotos(): TestPhoto[] {
  return [
    ...testPhotos(),
    { id: 'fam1', labels: ['lake'], takenLocal: '2024-08-01T10:00:00', people: [GRANDMA], albums: [TAHOE] },
    { id: 'fam2', labels: ['lake'], takenLocal: '2024-08-02T10:00:00', people: [GRANDMA], albums: [TAHOE] },
  ];
}

/**
 * A launch that keeps the session open: with no device id there is no frame to resume, so the skill welcomes and
 * asks. (A screen's launch starts the frame and closes the session; a voice-only one answers and closes it.)
 */
function welcomeLaunch() {
  const envelope = launchEnvelope();
  if (envelope.context.System.device) envelope.context.System.device.deviceId = '';
  return envelope;
}

const dynamicEntitiesOf = (reply: ResponseEnvelope): Directive[] =>
  (reply.response.directives ?? []).filter((directive) => directive.type === 'Dialog.UpdateDynamicEntities');

const EXPECTED = {
  type: 'Dialog.UpdateDynamicEntities',
  updateBehavior: 'REPLACE',
  types: [
    {
      name: 'PERSON',
      values: [{ id: 'pe_grandma', name: { value: 'Grandma Rose', synonyms: ['grandma'] } }],
    },
    { name: 'ALBUM', values: [{ id: 'al_tahoe', name: { value: 'Lake Tahoe', synonyms: ['lake'] } }] },
  ],
};

describe('dynamic entities in responses', () => {
  useRecordedApis();

  it("a LaunchRequest that keeps the session open carries the owner's people and albums", async () => {
    const harness = skillHarness(familyPhotos());
    const reply = await harness.invoke(welcomeLaunch());
    assert.deepEqual(dynamicEntitiesOf(reply), [EXPECTED]);
    assert.equal(reply.response.shouldEndSession, false);
    assert.deepEqual(harness.library.vocabularyCalls, ['owner-1']);
  });

  it('the ambient frame and the voice-only launch close the session: no next turn, so none', async () => {
    const harness = skillHarness(familyPhotos());
    for (const device of ['Echo Show 8', 'Echo Dot']) {
      const reply = await harness.invoke(launchEnvelope(device));
      assert.equal(reply.response.shouldEndSession, true, device);
      assert.deepEqual(dynamicEntitiesOf(reply), [], device);
    }
    assert.deepEqual(harness.library.vocabularyCalls, []);
  });

  it('the first request after linking (a new session with a valid token) carries them too', async () => {
    lwaProfile('fresh-token').reply(200, LWA_PROFILE_OK);
    const harness = skillHarness(familyPhotos(), undefined, { identity: { kind: 'login-with-amazon' } });
    const reply = await harness.invoke(
      withAccessTokens(
        intentEnvelope('ShowPhotosIntent', {
          subject: subjectSlot('beach', 'BEACH'),
          date: { value: '2025-SU' },
        }),
        { user: 'fresh-token' },
      ),
    );
    assert.deepEqual(
      (reply.response.directives ?? []).map((directive) => directive.type),
      [
        'Alexa.Presentation.APL.RenderDocument',
        'Alexa.Presentation.APL.ExecuteCommands',
        'Dialog.UpdateDynamicEntities',
      ],
    );
    assert.deepEqual(harness.library.vocabularyCalls, [`lwa_${LWA_USER_ID}`]);
  });

  it('a one-shot opens a session with them only the first time (recorded in the settings); launches always', async () => {
    const harness = skillHarness(familyPhotos(), new Date('2026-11-25T12:00:00Z'));
    const oneShot = () =>
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('beach', 'BEACH'),
        date: { value: '2025-SU' },
      });
    assert.deepEqual(dynamicEntitiesOf(await harness.invoke(oneShot())), [EXPECTED]);
    assert.equal(
      (await harness.userSettings.getAttributes('owner-1')).dynamicEntitiesSentAt,
      '2026-11-25T12:00:00.000Z',
    );
    assert.deepEqual(dynamicEntitiesOf(await harness.invoke(oneShot())), []);
    assert.deepEqual(dynamicEntitiesOf(await harness.invoke(welcomeLaunch())), [EXPECTED]);
    assert.deepEqual(harness.library.vocabularyCalls, ['owner-1', 'owner-1']);
  });

  it('with the settings store down, launches still send them and one-shots do not', async () => {
    const { store } = countingStore(createMemorySettingsStore(), true);
    const harness = skillHarness(familyPhotos(), undefined, { userSettings: store });
    assert.deepEqual(dynamicEntitiesOf(await harness.invoke(welcomeLaunch())), [EXPECTED]);
    const oneShot = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('beach', 'BEACH'),
        date: { value: '2025-SU' },
      }),
    );
    assert.match(speechOf(oneShot), /^Here are 12 beach photos/);
    assert.deepEqual(dynamicEntitiesOf(oneShot), []);
  });

  it('never where it would be invalid or useless', async () => {
    const harness = skillHarness(familyPhotos());
    const later = await harness.invoke(inOpenSession(intentEnvelope('AMAZON.HelpIntent')));
    const ended = await harness.invoke(
      deviceRequestEnvelope({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }),
    );
    const load = await harness.invoke(
      deviceRequestEnvelope({
        type: 'Alexa.Presentation.APL.LoadIndexListData',
        token: 'photo-slideshow',
        correlationToken: '7',
        listId: 'ss_missing',
        startIndex: 0,
        count: 5,
      }),
    );
    // A voice-only answer closes the session: no next turn to bias.
    const voiceOnly = await harness.invoke(intentEnvelope('ShowPhotosIntent', {}, 'Echo Dot'));
    assert.equal(voiceOnly.response.shouldEndSession, true);
    const unlinked = await skillHarness(familyPhotos(), undefined, {
      identity: { kind: 'login-with-amazon' },
    }).invoke(welcomeLaunch());
    for (const reply of [later, ended, load, voiceOnly, unlinked])
      assert.deepEqual(dynamicEntitiesOf(reply), []);
    assert.deepEqual(harness.library.vocabularyCalls, []);
  });

  it('a library that cannot say its vocabulary leaves the answer as it was', async () => {
    const harness = skillHarness(familyPhotos());
    harness.library.vocabulary = (): Promise<Vocabulary> => Promise.reject(new Error('library down'));
    const reply = await harness.invoke(welcomeLaunch());
    assert.deepEqual(dynamicEntitiesOf(reply), []);
    assert.match(JSON.stringify(reply.response.outputSpeech), /Welcome to Photo Frame/);
    assert.ok(harness.logLines.some((line) => line.message === 'dynamic entities not sent'));
  });
});
