import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  deviceRequestEnvelope,
  intentEnvelope,
  launchEnvelope,
  subjectSlot,
  withAccessTokens,
} from '../helpers/envelopes';
import {
  LWA_INVALID_REQUEST,
  LWA_INVALID_TOKEN,
  LWA_PROFILE_OK,
  LWA_SERVER_ERROR,
  LWA_USER_ID,
  lwaProfile,
  useRecordedApis,
} from '../helpers/recorded-alexa-apis';
import { skillHarness, speechOf } from '../helpers/skill-harness';

const LINKED = { kind: 'login-with-amazon' } as const;
const OWNER = `lwa_${LWA_USER_ID}`;
const showBeach = () =>
  intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH'), date: { value: '2025-SU' } });

function linkedHarness() {
  return skillHarness(undefined, undefined, { identity: LINKED });
}

function assertLinkAccountAnswer(reply: ResponseEnvelope, speech: RegExp): void {
  assert.match(speechOf(reply), speech);
  assert.deepEqual(reply.response.card, { type: 'LinkAccount' });
  assert.equal(reply.response.shouldEndSession, true);
  assert.equal(reply.response.directives, undefined, 'no APL, no dynamic entities');
}

function german(envelope: RequestEnvelope): RequestEnvelope {
  envelope.request.locale = 'de-DE';
  return envelope;
}

describe('account linking (Login with Amazon, recorded responses)', () => {
  useRecordedApis();

  it('no token: a LinkAccount card and speech, in the request locale; no library is read', async () => {
    const harness = linkedHarness();
    assertLinkAccountAnswer(await harness.invoke(showBeach()), /link your account in the Alexa app/);
    assertLinkAccountAnswer(
      await harness.invoke(german(launchEnvelope())),
      /Bitte verknüpfe dein Konto in der Alexa-App/,
    );
    assert.deepEqual(harness.display.created, []);
    assert.deepEqual(harness.library.searches, []);
    assert.deepEqual(harness.library.vocabularyCalls, []);
  });

  it('a token LWA rejects (401 invalid_token, 400 invalid_request): link again, same card', async () => {
    lwaProfile('expired-token').reply(401, LWA_INVALID_TOKEN);
    lwaProfile('mangled-token').reply(400, LWA_INVALID_REQUEST);
    const harness = linkedHarness();
    for (const token of ['expired-token', 'mangled-token']) {
      const reply = await harness.invoke(withAccessTokens(showBeach(), { user: token }));
      assertLinkAccountAnswer(
        reply,
        /account link has expired\. Please link your account again in the Alexa app/,
      );
    }
    assert.deepEqual(harness.display.created, []);
  });

  it("a valid token: the LWA user's library is read, and the profile is asked once per token", async () => {
    const profile = lwaProfile('good-token').once().reply(200, LWA_PROFILE_OK);
    const harness = linkedHarness();
    const first = await harness.invoke(withAccessTokens(showBeach(), { user: 'good-token' }));
    assert.match(speechOf(first), /^Here are 12 beach photos/);
    assert.equal(first.response.card, undefined);
    assert.ok(profile.isDone());
    // The second request is answered from the token cache: the interceptor above was for one call only.
    const second = await harness.invoke(withAccessTokens(showBeach(), { user: 'good-token' }));
    assert.match(speechOf(second), /^Here are 12 beach photos/);
    // And on a device without a screen, the count comes from the same owner's library.
    await harness.invoke(withAccessTokens(showBeach(), { user: 'good-token' }));
    const voiceOnly = withAccessTokens(
      intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH') }, 'Echo Dot'),
      { user: 'good-token' },
    );
    assert.match(speechOf(await harness.invoke(voiceOnly)), /^You have 12 beach photos/);
    assert.deepEqual(
      harness.display.created.map((created) => created.ownerId),
      [OWNER, OWNER, OWNER],
    );
    // Every request counts the photos in the same owner's library (screens then make the slideshow).
    assert.deepEqual(
      harness.library.searches.map((search) => search.ownerId),
      [OWNER, OWNER, OWNER, OWNER],
    );
    assert.ok(harness.library.vocabularyCalls.every((ownerId) => ownerId === OWNER));
  });

  it("the recognised speaker's own token wins over the account's: a person-level library", async () => {
    const personId = 'amzn1.ask.person.ABCDEFGHIJKLMNOP';
    lwaProfile('person-token').reply(200, { user_id: 'amzn1.account.PERSONAL1', name: 'Grandma' });
    // No interceptor for the account token: were it sent, the request would fail for want of a connection.
    const harness = linkedHarness();
    const reply = await harness.invoke(
      withAccessTokens(showBeach(), {
        user: 'account-token',
        person: { personId, accessToken: 'person-token' },
      }),
    );
    assert.match(speechOf(reply), /^Here are 12 beach photos/);
    const personKey = createHash('sha256').update(personId).digest('hex').slice(0, 16);
    assert.equal(harness.display.created[0]?.ownerId, `lwa_amzn1.account.PERSONAL1.person_${personKey}`);
  });

  it("a rejected personal token falls back to the account's token (the household library)", async () => {
    lwaProfile('revoked-person-token').reply(401, LWA_INVALID_TOKEN);
    lwaProfile('account-token').reply(200, LWA_PROFILE_OK);
    const harness = linkedHarness();
    await harness.invoke(
      withAccessTokens(showBeach(), {
        user: 'account-token',
        person: { personId: 'amzn1.ask.person.X', accessToken: 'revoked-person-token' },
      }),
    );
    assert.equal(harness.display.created[0]?.ownerId, OWNER);
  });

  it('a recognised speaker without a personal link uses the account token', async () => {
    lwaProfile('account-token').reply(200, LWA_PROFILE_OK);
    const harness = linkedHarness();
    await harness.invoke(
      withAccessTokens(showBeach(), { user: 'account-token', person: { personId: 'amzn1.ask.person.Y' } }),
    );
    assert.equal(harness.display.created[0]?.ownerId, OWNER);
  });

  it('LWA down (5xx) or unreachable: a short apology, no link card; it is asked again next time', async () => {
    lwaProfile('good-token').reply(503, LWA_SERVER_ERROR);
    const harness = linkedHarness();
    const down = await harness.invoke(withAccessTokens(showBeach(), { user: 'good-token' }));
    assert.equal(
      speechOf(down),
      "Sorry, I can't check your account right now. Please try again in a moment.",
    );
    assert.equal(down.response.card, undefined);
    assert.equal(down.response.shouldEndSession, true);
    assert.equal(down.response.directives, undefined);
    // No interceptor left: the connection is refused, which is "unavailable" too.
    const unreachable = await harness.invoke(withAccessTokens(showBeach(), { user: 'good-token' }));
    assert.match(speechOf(unreachable), /can't check your account/);
    // Recovered: the outage was not cached.
    lwaProfile('good-token').reply(200, LWA_PROFILE_OK);
    const recovered = await harness.invoke(withAccessTokens(showBeach(), { user: 'good-token' }));
    assert.match(speechOf(recovered), /^Here are 12 beach photos/);
    assert.deepEqual(
      harness.display.created.map((created) => created.ownerId),
      [OWNER],
    );
  });

  it('LWA too slow: the same apology once the identity deadline passes', async () => {
    lwaProfile('good-token').delay(1000).reply(200, LWA_PROFILE_OK);
    const harness = skillHarness(undefined, undefined, { identity: { ...LINKED, timeoutMs: 50 } });
    const reply = await harness.invoke(withAccessTokens(showBeach(), { user: 'good-token' }));
    assert.match(speechOf(reply), /can't check your account/);
    assert.equal(reply.response.card, undefined);
  });

  it('a profile without a user id is not trusted', async () => {
    lwaProfile('odd-token').reply(200, { name: 'No Id' });
    const reply = await linkedHarness().invoke(withAccessTokens(showBeach(), { user: 'odd-token' }));
    assert.match(speechOf(reply), /can't check your account/);
  });

  it('stop, help and session end work before linking, without asking LWA', async () => {
    const harness = linkedHarness();
    assert.equal(speechOf(await harness.invoke(intentEnvelope('AMAZON.StopIntent'))), 'Goodbye.');
    assert.match(speechOf(await harness.invoke(intentEnvelope('AMAZON.HelpIntent'))), /show beach photos/);
    const ended = await harness.invoke(
      deviceRequestEnvelope({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' }),
    );
    assert.deepEqual(ended.response, {});
  });

  it('requests from the device itself get an empty answer (no speech, no card) when unlinked', async () => {
    const harness = linkedHarness();
    const reply = await harness.invoke(
      deviceRequestEnvelope({
        type: 'Alexa.Presentation.APL.LoadIndexListData',
        token: 'photo-slideshow',
        correlationToken: '101',
        listId: 'ss_test00000001',
        startIndex: 10,
        count: 10,
      }),
    );
    assert.deepEqual(reply.response, {});
    assert.deepEqual(harness.display.pageRequests, []);
  });

  it('the local identity ignores tokens and never asks LWA', async () => {
    const harness = skillHarness(undefined, undefined, { identity: { kind: 'local', ownerId: 'family' } });
    await harness.invoke(withAccessTokens(showBeach(), { user: 'whatever' }));
    assert.equal(harness.display.created[0]?.ownerId, 'family');
  });
});
