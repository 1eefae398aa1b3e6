import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import type { CredentialRepository } from '../../../../common/auth/credential-repository';
import { errorMiddleware } from '../../../../common/http/error-middleware';
import { createLogger } from '../../../../common/logger';
import { signInUrlFor } from '../../../../display-service/frame/browser/session-recovery';
import { FrameSessions } from '../../../../display-service/frame/server/frame-sessions';
import { signInRoutes } from '../../../../display-service/frame/server/sign-in';
import { makeTempDir } from '../../helpers/image-fixtures';
import { openTestCredentials, testAuthenticator } from '../../../support/test-credentials';

/** The `next` the sign-in form carries back (its hidden field), with the page's HTML escaping undone. */
function formNext(html: string): string | undefined {
  const value = /<input type="hidden" name="next" value="([^"]*)">/.exec(html)?.[1];
  return value?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

describe('frame sign-in page (/frame/sign-in, /preview/sign-in)', () => {
  let server: Server;
  let url: string;
  let credentials: CredentialRepository;
  let closeCredentials: () => Promise<void>;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    ({ credentials, close: closeCredentials } = await openTestCredentials({
      kind: 'sqlite',
      file: join(temp.dir, 'credentials.sqlite'),
    }));
    const sessions = new FrameSessions({ authenticator: testAuthenticator(credentials) }, () => Date.now());
    const app = express();
    app.use('/frame', signInRoutes(sessions));
    app.use('/preview', signInRoutes(sessions));
    app.use(errorMiddleware(createLogger('silent')));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeCredentials();
    await cleanup();
  });

  async function signIn(mount: string, next: string): Promise<Response> {
    const { token } = await credentials.create({ ownerId: 'alice', scopes: ['display'], label: 'tablet' });
    return fetch(`${url}${mount}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, next }).toString(),
      redirect: 'manual',
    });
  }

  it('carries the page’s own URL from the frame’s sign-in link through the form, query and all', async () => {
    const pages = [
      { mount: '/frame', pathname: '/frame', search: '?q=beach%20photos%202024&interval=60&clock=1' },
      { mount: '/frame', pathname: '/frame', search: '?q=caf%C3%A9&order=shuffle' },
      { mount: '/preview', pathname: '/preview', search: '?device=Echo%20Show%208&q=summer' },
    ];
    for (const page of pages) {
      const response = await fetch(`${url}${signInUrlFor(page.mount, page)}`);
      assert.equal(response.status, 200);
      assert.equal(formNext(await response.text()), `${page.pathname}${page.search}`);
    }
  });

  it('returns to exactly that URL after signing in, including free text holding "//" in its query', async () => {
    for (const [mount, next] of [
      ['/frame', '/frame?q=beach%20photos%202024&interval=60&clock=1'],
      ['/frame', '/frame?q=sunsets//mountains&kenburns=1'],
      ['/frame', '/frame/?q=summer'],
      ['/preview', '/preview?device=Echo%20Show%208&q=summer'],
    ] as const) {
      const response = await signIn(mount, next);
      assert.equal(response.status, 303, next);
      assert.equal(response.headers.get('location'), next);
      assert.match(response.headers.get('set-cookie') ?? '', /^pf_session=/);
    }
  });

  it('never sends a signed-in browser to another origin or outside the frame and preview: their own mount instead', async () => {
    for (const [mount, next] of [
      ['/frame', 'https://evil.example/frame'],
      ['/frame', '//evil.example/frame'],
      ['/frame', '/frame//evil.example'],
      ['/frame', '/\\evil.example/frame'],
      ['/frame', '/frame\\@evil.example'],
      ['/frame', '/framework?q=1'],
      ['/frame', '/v1/library/photos'],
      ['/frame', ''],
      ['/preview', 'javascript:alert(1)'],
      ['/preview', '/preview//evil.example?q=a'],
    ] as const) {
      const response = await signIn(mount, next);
      assert.equal(response.status, 303, next);
      assert.equal(response.headers.get('location'), mount, next);
    }
  });
});
