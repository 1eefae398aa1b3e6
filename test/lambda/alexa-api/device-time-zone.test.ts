import assert from 'node:assert/strict';
import { createDeviceTimeZoneLookup } from '../../../lambda/alexa-api/device-time-zone';
import { SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';
import { intentEnvelope, TEST_API_ACCESS_TOKEN } from '../helpers/envelopes';
import { deviceTimeZoneSetting, useRecordedApis } from '../helpers/recorded-alexa-apis';
import { recordingLogger } from '../helpers/skill-harness';

const DEVICE = SIMULATOR_IDENTITY.deviceId;
const envelope = () => intentEnvelope('ShowPhotosIntent');

describe('device time zone (Alexa Settings API, recorded responses)', () => {
  useRecordedApis();

  it("reads System.timeZone with the request's API token, and asks once per device", async () => {
    const setting = deviceTimeZoneSetting(DEVICE, TEST_API_ACCESS_TOKEN)
      .once()
      .reply(200, '"Europe/Berlin"', {
        'content-type': 'application/json',
      });
    const lookup = createDeviceTimeZoneLookup({ logger: recordingLogger() });
    assert.equal(await lookup(envelope()), 'Europe/Berlin');
    assert.ok(setting.isDone());
    assert.equal(await lookup(envelope()), 'Europe/Berlin');
  });

  it('anything but a known zone is "unknown": 204, 403, 429, 5xx, a bad value', async () => {
    const answers: Array<[number, string]> = [
      [204, ''],
      [
        403,
        '{"code":"ACCESS_DENIED","message":"The authentication token does not have access to resource."}',
      ],
      [429, '{"message":"Rate exceeded"}'],
      [500, '{"code":"UNKNOWN_ERROR","message":"internal service error"}'],
      [200, '"Mars/Olympus"'],
      [200, 'not json'],
    ];
    for (const [status, body] of answers) {
      deviceTimeZoneSetting(DEVICE, TEST_API_ACCESS_TOKEN).reply(status, body);
      // A fresh lookup each time: each has its own cache.
      const lookup = createDeviceTimeZoneLookup({ logger: recordingLogger() });
      assert.equal(await lookup(envelope()), undefined, `${status} ${body}`);
    }
  });

  it('a slow API is given up on, and the device is not asked again for a while', async () => {
    deviceTimeZoneSetting(DEVICE, TEST_API_ACCESS_TOKEN).delay(1000).reply(200, '"Europe/Berlin"');
    const lines: Array<{ level: string; message: string }> = [];
    const lookup = createDeviceTimeZoneLookup({ logger: recordingLogger(lines), timeoutMs: 50 });
    const started = Date.now();
    assert.equal(await lookup(envelope()), undefined);
    assert.ok(Date.now() - started < 900, 'gave up at the deadline');
    // Cached as unknown: no interceptor is left, and asking again would be refused (net connect is off).
    assert.equal(await lookup(envelope()), undefined);
    assert.deepEqual(
      lines.map((line) => line.message),
      ['device time zone unavailable'],
    );
  });

  it('without an API endpoint or token there is nothing to ask', async () => {
    const lookup = createDeviceTimeZoneLookup({ logger: recordingLogger() });
    const noToken = envelope();
    delete noToken.context.System.apiAccessToken;
    assert.equal(await lookup(noToken), undefined);
  });
});
