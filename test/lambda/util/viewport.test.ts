import assert from 'node:assert/strict';
import type { RequestEnvelope } from 'ask-sdk-model';
import { renditionViewportOf } from '../../../lambda/util/viewport';

const APL = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } };

function envelope(
  supportedInterfaces: Record<string, unknown>,
  viewport?: Record<string, unknown>,
): RequestEnvelope {
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: 'app' },
        user: { userId: 'user' },
        device: { deviceId: 'device', supportedInterfaces },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
      ...(viewport ? { Viewport: viewport } : {}),
    },
    request: { type: 'LaunchRequest', requestId: 'r', timestamp: '2026-11-25T00:00:00Z', locale: 'en-US' },
  };
}

describe('renditionViewportOf', () => {
  const cases: Array<[string, RequestEnvelope, ReturnType<typeof renditionViewportOf>]> = [
    [
      'Echo Show 8 at dpi 213 (SDK calls it mobile) → 1280x800',
      envelope(APL, {
        shape: 'RECTANGLE',
        mode: 'HUB',
        pixelWidth: 1280,
        pixelHeight: 800,
        currentPixelWidth: 1280,
        currentPixelHeight: 800,
        dpi: 213,
      }),
      { width: 1280, height: 800, shape: 'RECTANGLE' },
    ],
    [
      'Echo Show 15 portrait → 1080x1920',
      envelope(APL, {
        shape: 'RECTANGLE',
        mode: 'HUB',
        pixelWidth: 1080,
        pixelHeight: 1920,
        currentPixelWidth: 1080,
        currentPixelHeight: 1920,
        dpi: 160,
      }),
      { width: 1080, height: 1920, shape: 'RECTANGLE' },
    ],
    [
      'Echo Spot → ROUND 480x480',
      envelope(APL, {
        shape: 'ROUND',
        mode: 'HUB',
        pixelWidth: 480,
        pixelHeight: 480,
        currentPixelWidth: 480,
        currentPixelHeight: 480,
        dpi: 160,
      }),
      { width: 480, height: 480, shape: 'ROUND' },
    ],
    [
      'current size wins over the maximum (resized window)',
      envelope(APL, {
        shape: 'RECTANGLE',
        pixelWidth: 1920,
        pixelHeight: 1080,
        currentPixelWidth: 1280,
        currentPixelHeight: 720,
        dpi: 160,
      }),
      { width: 1280, height: 720, shape: 'RECTANGLE' },
    ],
    [
      'falls back to pixelWidth/Height without current*',
      envelope(APL, { shape: 'RECTANGLE', pixelWidth: 1024, pixelHeight: 600, dpi: 160 }),
      { width: 1024, height: 600, shape: 'RECTANGLE' },
    ],
    [
      'clamps to the contract edges',
      envelope(APL, { shape: 'RECTANGLE', currentPixelWidth: 7680, currentPixelHeight: 20, dpi: 160 }),
      { width: 3840, height: 64, shape: 'RECTANGLE' },
    ],
    [
      'no APL interface (Echo Dot, or a screen without APL) → undefined',
      envelope({}, { shape: 'RECTANGLE', pixelWidth: 1280, pixelHeight: 800 }),
      undefined,
    ],
    ['APL without a Viewport → undefined', envelope(APL), undefined],
    [
      'APL with zero-size viewport → undefined',
      envelope(APL, { shape: 'RECTANGLE', pixelWidth: 0, pixelHeight: 0 }),
      undefined,
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      assert.deepEqual(renditionViewportOf(input), expected);
    });
  }
});
