import assert from 'node:assert/strict';
import type { RequestEnvelope } from 'ask-sdk-model';
import { playsVideo } from '../../../lambda/apl/video-support';

function envelope(options: { apl: boolean; codecs?: unknown }): RequestEnvelope {
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: 'amzn1.ask.skill.test' },
        user: { userId: 'u' },
        device: {
          deviceId: 'd',
          supportedInterfaces: options.apl
            ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } }
            : {},
        },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
      Viewport: {
        pixelWidth: 1280,
        pixelHeight: 800,
        ...(options.codecs === undefined ? {} : { video: { codecs: options.codecs } }),
      },
    },
    request: { type: 'LaunchRequest', requestId: 'r', timestamp: '2026-12-06T12:00:00Z', locale: 'en-US' },
  } as unknown as RequestEnvelope;
}

describe('lambda/apl/video-support: which devices get clips', () => {
  it('an APL screen that lists H.264 level 4.1 or 4.2 plays clips', () => {
    assert.equal(playsVideo(envelope({ apl: true, codecs: ['H_264_41', 'H_264_42'] })), true);
    assert.equal(playsVideo(envelope({ apl: true, codecs: ['H_264_42'] })), true);
  });

  it('no video in the viewport, other codecs, a malformed list or no APL: poster stills only', () => {
    assert.equal(playsVideo(envelope({ apl: true })), false);
    assert.equal(playsVideo(envelope({ apl: true, codecs: ['VP9'] })), false);
    assert.equal(playsVideo(envelope({ apl: true, codecs: 'H_264_41' })), false);
    assert.equal(playsVideo(envelope({ apl: false, codecs: ['H_264_41'] })), false);
  });
});
