import assert from 'node:assert/strict';
import { getViewportProfile } from 'ask-sdk-core';
import { DEVICES, findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope } from '../../../tools/alexa-simulator/envelope';

describe('device presets', () => {
  it('Echo Dot has no screen and no APL', () => {
    const dot = findDevice('Echo Dot');
    assert.equal(dot.viewport, undefined);
    assert.equal(dot.supportedInterfaces['Alexa.Presentation.APL'], undefined);
  });

  it('Echo Spot is a ROUND 480x480 hub with APL', () => {
    const spot = findDevice('echo spot');
    assert.equal(spot.viewport?.shape, 'ROUND');
    assert.equal(spot.viewport?.pixelWidth, 480);
    assert.equal(spot.viewport?.pixelHeight, 480);
    assert.deepEqual(spot.supportedInterfaces['Alexa.Presentation.APL'], {
      runtime: { maxVersion: '2024.2' },
    });
  });

  it('Fire TV is a 1920x1080 TV at dpi 320 with a D-pad and no touch', () => {
    const tv = findDevice('FIRE TV');
    assert.deepEqual(
      [tv.viewport?.mode, tv.viewport?.currentPixelWidth, tv.viewport?.currentPixelHeight, tv.viewport?.dpi],
      ['TV', 1920, 1080, 320],
    );
    assert.deepEqual(tv.viewport?.touch, []);
    assert.deepEqual(tv.viewport?.keyboard, ['DIRECTION']);
  });

  it('every screen declares APL and a viewport; Echo Show 8 reproduces the SDK profile misclassification', () => {
    for (const device of DEVICES.filter((d) => d.viewport)) {
      assert.ok(device.supportedInterfaces['Alexa.Presentation.APL'], device.name);
      assert.ok((device.viewport?.experiences?.length ?? 0) > 0, device.name);
    }
    const show8 = buildRequestEnvelope({
      device: findDevice('Echo Show 8'),
      heard: { type: 'LaunchRequest' },
      locale: 'en-US',
    });
    assert.equal(getViewportProfile(show8), 'MOBILE-LANDSCAPE-MEDIUM');
    const portrait = findDevice('Echo Show 15 portrait');
    assert.deepEqual([portrait.viewport?.pixelWidth, portrait.viewport?.pixelHeight], [1080, 1920]);
  });

  it('an unknown device is an error listing the known ones', () => {
    assert.throws(
      () => findDevice('Echo Show 99'),
      (error: unknown) => {
        assert.match(
          String((error as { publicMessage?: string }).publicMessage),
          /Unknown device "Echo Show 99"\. Known devices: Echo Show 5, Echo Show 8,.*Echo Dot/,
        );
        assert.equal((error as { code?: string }).code, 'UNKNOWN_DEVICE');
        return true;
      },
    );
  });
});
