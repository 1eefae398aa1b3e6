import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope, ui } from 'ask-sdk-model';
import { findDevice } from '../../tools/alexa-simulator/devices';
import { buildRequestEnvelope } from '../../tools/alexa-simulator/envelope';

const BUILD_DIR = join(__dirname, '..', '..', 'build', 'lambda');
const BUNDLE = join(BUILD_DIR, 'index.js');

type LambdaHandler = (
  event: RequestEnvelope,
  context: unknown,
  callback: (error: Error | null, result?: ResponseEnvelope) => void,
) => void;

function loadBundle(): { handler: LambdaHandler } {
  assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build before these tests`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS built outside tsc
  return require(BUNDLE) as { handler: LambdaHandler };
}

describe('Lambda bundle (build/lambda, from npm run build)', () => {
  it('is a self-contained folder: package.json without dependencies, index.js with a source map', () => {
    loadBundle();
    const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(manifest.private, true);
    assert.equal(manifest.dependencies, undefined);
    assert.ok(existsSync(`${BUNDLE}.map`));
    assert.doesNotMatch(readFileSync(BUNDLE, 'utf8'), /require\("(ask-sdk-core|zod)"\)/);
  });

  // Help needs no service (a launch starts the ambient frame through the display service, which is not running here).
  it('exports handler, which answers AMAZON.HelpIntent on its own', async () => {
    const { handler } = loadBundle();
    assert.equal(typeof handler, 'function');
    const event = buildRequestEnvelope({
      device: findDevice('Echo Show 8'),
      heard: { type: 'IntentRequest', intent: { name: 'AMAZON.HelpIntent', confirmationStatus: 'NONE' } },
      locale: 'en-US',
    });
    const response = await new Promise<ResponseEnvelope>((resolve, reject) => {
      handler(event, {}, (error, result) =>
        error || !result ? reject(error ?? new Error('no result')) : resolve(result),
      );
    });
    const speech = response.response.outputSpeech as ui.SsmlOutputSpeech;
    assert.match(
      speech.ssml,
      /^<speak>Photo Frame shows your photos as a slideshow\. .*What would you like to see\?<\/speak>$/,
    );
  });
});
