import assert from 'node:assert/strict';
import type { interfaces } from 'ask-sdk-model';
import { createMemorySettingsStore } from '../../../lambda/persistence/memory-settings-store';
import { SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';
import { intentEnvelope, subjectSlot, TEST_API_ACCESS_TOKEN } from '../helpers/envelopes';
import { countingStore, deviceTimeZoneSetting, useRecordedApis } from '../helpers/recorded-alexa-apis';
import { skillHarness, speechOf, testPhotos } from '../helpers/skill-harness';

type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;
const DEVICE = SIMULATOR_IDENTITY.deviceId;
const OWNER = 'owner-1';
/** 12:00 UTC on 25 November 2026: already the 26th in Auckland (UTC+13), still the 25th in Los Angeles. */
const NOON_UTC = new Date('2026-11-25T12:00:00Z');
/** 03:00 UTC: still the 24th in Los Angeles. */
const EARLY_UTC = new Date('2026-11-25T03:00:00Z');

const today = () => intentEnvelope('ShowPhotosIntent', { date: { value: 'PRESENT_REF' } });
/** The date the skill asked the library for (its count comes first, before any slideshow is made). */
const askedFrom = (harness: ReturnType<typeof skillHarness>) =>
  harness.library.searches[0]?.request.query?.takenFrom;
const askedTo = (harness: ReturnType<typeof skillHarness>) =>
  harness.library.searches[0]?.request.query?.takenTo;
const zoneAnswer = (zone: string) => [JSON.stringify(zone), { 'content-type': 'application/json' }] as const;

describe("the user's time zone, hemisphere and settings in handlers", () => {
  useRecordedApis();

  it('"today" is the device\'s day (Settings API), and the zone is remembered for the user', async () => {
    deviceTimeZoneSetting(DEVICE, TEST_API_ACCESS_TOKEN).reply(200, ...zoneAnswer('Pacific/Auckland'));
    const harness = skillHarness(testPhotos(), NOON_UTC, { timeZone: 'America/Los_Angeles' });
    await harness.invoke(today());
    assert.equal(askedFrom(harness), '2026-11-26T00:00:00');
    assert.equal(askedTo(harness), '2026-11-27T00:00:00');
    assert.equal((await harness.userSettings.getAttributes(OWNER)).timeZone, 'Pacific/Auckland');
  });

  it("the Settings API refusing (403) falls back to the user's remembered zone, then the skill's", async () => {
    deviceTimeZoneSetting(DEVICE, TEST_API_ACCESS_TOKEN).reply(403, { code: 'ACCESS_DENIED', message: 'no' });
    const settings = createMemorySettingsStore();
    await settings.saveAttributes(OWNER, { timeZone: 'America/Los_Angeles' });
    const remembered = skillHarness(testPhotos(), EARLY_UTC, { userSettings: settings, timeZone: 'UTC' });
    await remembered.invoke(today());
    assert.equal(askedFrom(remembered), '2026-11-24T00:00:00');

    deviceTimeZoneSetting(DEVICE, TEST_API_ACCESS_TOKEN).reply(403, { code: 'ACCESS_DENIED', message: 'no' });
    const skillDefault = skillHarness(testPhotos(), EARLY_UTC, { timeZone: 'America/New_York' });
    await skillDefault.invoke(today());
    assert.equal(askedFrom(skillDefault), '2026-11-24T00:00:00');

    deviceTimeZoneSetting(DEVICE, TEST_API_ACCESS_TOKEN).reply(500, {
      code: 'UNKNOWN_ERROR',
      message: 'boom',
    });
    const none = skillHarness(testPhotos(), EARLY_UTC);
    await none.invoke(today());
    assert.equal(askedFrom(none), '2026-11-25T00:00:00', 'UTC when nothing is known');
  });

  it('free-text search sends the resolved zone and hemisphere to the library', async () => {
    deviceTimeZoneSetting(DEVICE, TEST_API_ACCESS_TOKEN).reply(200, ...zoneAnswer('Australia/Sydney'));
    const harness = skillHarness(testPhotos(), NOON_UTC);
    const envelope = intentEnvelope('SearchPhotosIntent', { query: { value: 'beach last summer' } });
    envelope.request.locale = 'en-AU';
    await harness.invoke(envelope);
    assert.equal(harness.library.searches[0]?.request.timeZone, 'Australia/Sydney');
    assert.equal(harness.library.searches[0]?.request.hemisphere, 'S');
  });

  it("a stored hemisphere overrides the locale's: summer is December–February for this en-US user", async () => {
    const settings = createMemorySettingsStore();
    await settings.saveAttributes(OWNER, { hemisphere: 'southern' });
    const harness = skillHarness(testPhotos(), NOON_UTC, { userSettings: settings });
    await harness.invoke(intentEnvelope('ShowPhotosIntent', { date: { value: '2024-SU' } }));
    assert.deepEqual(
      [harness.display.created[0]?.query.takenFrom, harness.display.created[0]?.query.takenTo],
      ['2024-12-01T00:00:00', '2025-03-01T00:00:00'],
    );
  });

  it("the user's interval paces the slideshow; settings are read once per request", async () => {
    const inner = createMemorySettingsStore();
    await inner.saveAttributes(OWNER, { intervalSeconds: 15, timeZone: 'Europe/Berlin' });
    const { store, counts } = countingStore(inner);
    const harness = skillHarness(testPhotos(), NOON_UTC, { userSettings: store });
    const reply = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('beach', 'BEACH'),
        date: { value: '2025-SU' },
      }),
    );
    const autoPage = (reply.response.directives ?? []).find(
      (directive): directive is ExecuteCommands =>
        directive.type === 'Alexa.Presentation.APL.ExecuteCommands',
    );
    assert.equal((autoPage?.commands[0] as { duration?: number } | undefined)?.duration, 15_000);
    // Zone, hemisphere, interval and shuffle all came from one read; the zone was not written (the device gave
    // none); the one write remembers the slideshow now on screen, over the settings as read.
    assert.deepEqual(counts, { gets: 1, saves: 1 });
    const stored = await inner.getAttributes(OWNER);
    assert.equal(stored.intervalSeconds, 15);
    assert.equal(stored.timeZone, 'Europe/Berlin');
    assert.deepEqual(stored.lastSlideshow, {
      kind: 'query',
      slideshowId: harness.display.created.length === 1 ? 'ss_test00000001' : 'unexpected',
      query: harness.display.created[0]?.query,
    });
  });

  it('a settings store that is down costs the user their settings for this request, not the photos', async () => {
    const { store, counts } = countingStore(createMemorySettingsStore(), true);
    const harness = skillHarness(testPhotos(), NOON_UTC, { userSettings: store });
    const reply = await harness.invoke(
      intentEnvelope('ShowPhotosIntent', {
        subject: subjectSlot('beach', 'BEACH'),
        date: { value: '2025-SU' },
      }),
    );
    assert.match(speechOf(reply), /^Here are 12 beach photos/);
    // Nothing read, so nothing written over what may be stored.
    assert.deepEqual(counts, { gets: 1, saves: 0 });
    assert.ok(harness.logLines.some((line) => line.message === 'user settings unavailable; using defaults'));
  });
});
