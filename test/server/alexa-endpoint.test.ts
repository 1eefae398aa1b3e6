import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SkillBuilders, type RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import express from 'express';
import { alexaEndpoint, type AlexaEndpointOptions } from '../../server/alexa-endpoint';
import { SIMULATOR_TOKEN_HEADER } from '../../server/local-secrets';

const TOKEN = 'simulator-token-0123456789-abcdefghijklmnop';

const launchHandler: RequestHandler = {
  canHandle: (input) => input.requestEnvelope.request.type === 'LaunchRequest',
  handle: (input) => input.responseBuilder.speak('hello from the test skill').getResponse(),
};

function launchEnvelope(timestamp = new Date()): RequestEnvelope {
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: 'amzn1.ask.skill.test' },
        user: { userId: 'amzn1.ask.account.test' },
        device: { deviceId: 'amzn1.ask.device.test', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request: {
      type: 'LaunchRequest',
      requestId: 'amzn1.echo-api.request.1',
      timestamp: timestamp.toISOString(),
      locale: 'en-US',
    },
  };
}

async function serve(options: AlexaEndpointOptions): Promise<{ url: string; server: Server }> {
  const skill = SkillBuilders.custom().addRequestHandlers(launchHandler).create();
  const app = express();
  app.use('/alexa', alexaEndpoint(skill, options));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alexa`, server };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

describe('server/alexa-endpoint', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
    server = undefined;
  });

  it('rejects an unsigned request when verification is on (the default)', async () => {
    const started = await serve({ verifyRequests: true, simulatorToken: TOKEN });
    server = started.server;
    const result = await post(started.url, launchEnvelope());
    assert.equal(result.status, 400);
    assert.deepEqual(JSON.parse(result.text), {
      error: {
        code: 'ALEXA_REQUEST_NOT_VERIFIED',
        message: 'The request could not be verified as coming from Alexa',
      },
    });
  });

  it('rejects a forged Signature-256 with a non-Amazon certificate URL', async () => {
    const started = await serve({ verifyRequests: true, simulatorToken: undefined });
    server = started.server;
    const result = await post(started.url, launchEnvelope(), {
      SignatureCertChainUrl: 'https://evil.example.com/echo.api/echo-api-cert.pem',
      'Signature-256': 'Zm9yZ2Vk',
    });
    assert.equal(result.status, 400);
    // The adapter's own message names the certificate URL it refused; the client learns only the stable code.
    assert.doesNotMatch(result.text, /evil\.example\.com|AskSdk|cert/i);
    assert.equal(
      (JSON.parse(result.text) as { error: { code: string } }).error.code,
      'ALEXA_REQUEST_NOT_VERIFIED',
    );
  });

  it('answers the local simulator from loopback with the right token', async () => {
    const started = await serve({ verifyRequests: true, simulatorToken: TOKEN });
    server = started.server;
    const result = await post(started.url, launchEnvelope(), { [SIMULATOR_TOKEN_HEADER]: TOKEN });
    assert.equal(result.status, 200);
    const envelope = JSON.parse(result.text) as { response: { outputSpeech: { ssml: string } } };
    assert.match(envelope.response.outputSpeech.ssml, /hello from the test skill/);
  });

  it('refuses a wrong simulator token, and any token when the simulator is disabled', async () => {
    const started = await serve({ verifyRequests: true, simulatorToken: TOKEN });
    server = started.server;
    const wrong = await post(started.url, launchEnvelope(), {
      [SIMULATOR_TOKEN_HEADER]: `${TOKEN.slice(0, -1)}X`,
    });
    assert.equal(wrong.status, 403);
    assert.equal((JSON.parse(wrong.text) as { error: { code: string } }).error.code, 'SIMULATOR_NOT_TRUSTED');
    server.close();
    const disabled = await serve({ verifyRequests: true, simulatorToken: undefined });
    server = disabled.server;
    const refused = await post(disabled.url, launchEnvelope(), { [SIMULATOR_TOKEN_HEADER]: TOKEN });
    assert.equal(refused.status, 403);
  });

  it('still checks the timestamp of simulator requests', async () => {
    const started = await serve({ verifyRequests: true, simulatorToken: TOKEN });
    server = started.server;
    const stale = launchEnvelope(new Date(Date.now() - 10 * 60 * 1000));
    const result = await post(started.url, stale, { [SIMULATOR_TOKEN_HEADER]: TOKEN });
    assert.equal(result.status, 400);
  });

  it('serves unsigned requests only when verification was explicitly turned off', async () => {
    const started = await serve({ verifyRequests: false, simulatorToken: undefined });
    server = started.server;
    const result = await post(started.url, launchEnvelope());
    assert.equal(result.status, 200);
  });
});
