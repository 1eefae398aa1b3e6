import assert from 'node:assert/strict';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';

describe('simulator request envelope', () => {
  const now = new Date('2026-11-25T10:11:12.345Z');
  const intent = {
    name: 'ShowPhotosIntent',
    confirmationStatus: 'NONE' as const,
    slots: { date: { name: 'date', value: '2026-SU', confirmationStatus: 'NONE' as const } },
  };

  it('carries session, system, device interfaces, Viewport and the intent like an Echo Show', () => {
    const envelope = buildRequestEnvelope({
      device: findDevice('Echo Show 8'),
      heard: { type: 'IntentRequest', intent },
      locale: 'en-US',
      now,
    });
    assert.equal(envelope.version, '1.0');
    assert.equal(envelope.session?.new, true);
    assert.match(envelope.session?.sessionId ?? '', /^amzn1\.echo-api\.session\./);
    assert.equal(envelope.session?.application.applicationId, SIMULATOR_IDENTITY.applicationId);
    assert.equal(envelope.context.System.application.applicationId, SIMULATOR_IDENTITY.applicationId);
    assert.equal(envelope.context.System.user.userId, SIMULATOR_IDENTITY.userId);
    assert.equal(envelope.context.System.device?.deviceId, SIMULATOR_IDENTITY.deviceId);
    assert.ok(envelope.context.System.device?.supportedInterfaces['Alexa.Presentation.APL']);
    assert.equal(envelope.context.System.apiEndpoint, 'https://api.amazonalexa.com');
    assert.equal(envelope.context.Viewport?.currentPixelWidth, 1280);
    assert.equal(envelope.context.Viewport?.dpi, 213);
    assert.equal(envelope.context['Alexa.Presentation.APL'], undefined);
    assert.deepEqual(envelope.request, {
      type: 'IntentRequest',
      requestId: envelope.request.requestId,
      timestamp: '2026-11-25T10:11:12Z',
      locale: 'en-US',
      dialogState: 'STARTED',
      intent,
    });
    assert.match(envelope.request.requestId, /^amzn1\.echo-api\.request\./);
  });

  it('each envelope is its own copy: editing one (a screen without video) leaves the preset and the next one whole', () => {
    const echoShow = findDevice('Echo Show 8');
    const edited = buildRequestEnvelope({
      device: echoShow,
      heard: { type: 'LaunchRequest' },
      locale: 'en-US',
    });
    delete (edited.context.Viewport as { video?: unknown } | undefined)?.video;
    edited.context.System.device!.supportedInterfaces = {};

    const next = buildRequestEnvelope({
      device: echoShow,
      heard: { type: 'LaunchRequest' },
      locale: 'en-US',
    });
    assert.deepEqual((next.context.Viewport as { video?: unknown } | undefined)?.video, {
      codecs: ['H_264_41', 'H_264_42'],
    });
    assert.ok(next.context.System.device?.supportedInterfaces['Alexa.Presentation.APL']);
    // The presets themselves refuse edits, so no caller can change what every later envelope carries.
    assert.throws(() => {
      (echoShow.viewport as { dpi: number }).dpi = 1;
    }, TypeError);
    assert.equal(findDevice('Echo Show 8').viewport?.dpi, 213);
  });

  it('voice-only devices send no Viewport', () => {
    const envelope = buildRequestEnvelope({
      device: findDevice('Echo Dot'),
      heard: { type: 'LaunchRequest' },
      locale: 'en-US',
    });
    assert.equal(envelope.context.Viewport, undefined);
    assert.deepEqual(envelope.context.System.device?.supportedInterfaces, {});
    assert.equal(envelope.request.type, 'LaunchRequest');
  });

  it('--context-photo puts the photo entity on screen in the APL visual context', () => {
    const envelope = buildRequestEnvelope({
      device: findDevice('Echo Show 10'),
      heard: { type: 'LaunchRequest' },
      locale: 'en-US',
      contextPhotoId: 'ph_abc123',
    });
    const visual = envelope.context['Alexa.Presentation.APL'];
    assert.equal(visual?.token, 'photo-slideshow');
    const page = visual?.componentsVisibleOnScreen?.[0]?.children?.[0]?.children?.[0];
    assert.deepEqual(page?.entities, [{ type: 'photo', id: 'ph_abc123' }]);
    assert.equal(page?.visibility, 1);
    assert.throws(
      () =>
        buildRequestEnvelope({
          device: findDevice('Echo Dot'),
          heard: { type: 'LaunchRequest' },
          locale: 'en-US',
          contextPhotoId: 'p',
        }),
      /has no screen/,
    );
  });
});
