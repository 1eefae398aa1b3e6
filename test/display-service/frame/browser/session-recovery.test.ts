import assert from 'node:assert/strict';
import { HttpError, NetworkError, httpErrorOf } from '../../../../display-service/frame/browser/http-errors';
import {
  SessionRecovery,
  isLoopbackHostname,
  isSessionLost,
  recoveryStep,
  signInUrlFor,
  type MarkStorage,
  type PageLocation,
} from '../../../../display-service/frame/browser/session-recovery';

/** What the frame API answers a page whose session is gone (frame-errors.ts sessionRequired, as sent). */
const SESSION_REQUIRED_BODY = JSON.stringify({
  error: {
    code: 'SESSION_REQUIRED',
    message: 'Sign in with the owner credential, or open the page on the machine running Photo Frame',
  },
});

/** sessionStorage's part the recovery uses, over a Map shared by "reloads" of the same tab. */
function tabStorage(): MarkStorage & { size: () => number } {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    size: () => map.size,
  };
}

/** A page at `url` whose navigations and reloads are recorded instead of happening. */
function pageAt(url: string, storage: MarkStorage | null) {
  const { hostname, pathname, search } = new URL(url);
  const actions: string[] = [];
  const page = {
    base: pathname.startsWith('/preview') ? '/preview' : '/frame',
    location: { hostname, pathname, search },
    storage,
    navigate: (target: string) => void actions.push(`navigate ${target}`),
    reload: () => void actions.push('reload'),
  };
  return { page, actions };
}

/** The `next` a sign-in URL carries, decoded as the server's query parser decodes it. */
function nextOf(signInUrl: string): string | null {
  return new URL(signInUrl, 'http://frame.example').searchParams.get('next');
}

describe('frame session recovery', () => {
  it('takes only a 401 SESSION_REQUIRED for a lost session: not another 401, not a server or network fault', () => {
    assert.equal(isSessionLost(httpErrorOf(401, SESSION_REQUIRED_BODY)), true);
    assert.equal(isSessionLost(new HttpError(401, 'FRAME_NOT_LINKED', 'not linked')), false);
    assert.equal(isSessionLost(new HttpError(403, 'SESSION_REQUIRED', 'odd status')), false);
    assert.equal(isSessionLost(httpErrorOf(401, '<html>proxy says no</html>')), false);
    assert.equal(isSessionLost(httpErrorOf(503, SESSION_REQUIRED_BODY)), false);
    assert.equal(isSessionLost(new NetworkError('connection refused')), false);
    assert.equal(isSessionLost(new Error('SESSION_REQUIRED')), false);
  });

  it('builds the sign-in URL under the page’s mount, returning to exactly its path and query (no origin, no fragment)', () => {
    const location = { pathname: '/frame', search: '?q=beach%20photos%202024&interval=60&clock=1' };
    const url = signInUrlFor('/frame', location);
    assert.equal(
      url,
      '/frame/sign-in?next=%2Fframe%3Fq%3Dbeach%2520photos%25202024%26interval%3D60%26clock%3D1',
    );
    assert.equal(nextOf(url), '/frame?q=beach%20photos%202024&interval=60&clock=1');

    const preview = signInUrlFor('/preview', {
      pathname: '/preview',
      search: '?device=Echo%20Show%208&q=a%26b',
    });
    assert.equal(preview.startsWith('/preview/sign-in?next='), true);
    assert.equal(nextOf(preview), '/preview?device=Echo%20Show%208&q=a%26b');
    assert.equal(nextOf(signInUrlFor('/frame', { pathname: '/frame', search: '' })), '/frame');
  });

  it('reads the same loopback host names as the server, and nothing that only starts like one', () => {
    for (const name of ['localhost', '127.0.0.1', '[::1]'])
      assert.equal(isLoopbackHostname(name), true, name);
    for (const name of [
      'localhost.evil.example',
      '127.0.0.2',
      'photos.example.com',
      '192.168.1.20',
      '::1',
      '',
    ])
      assert.equal(isLoopbackHostname(name), false, name);
  });

  it('reloads a page on this machine once, then goes to sign-in; anywhere else goes to sign-in at once', () => {
    const local: PageLocation = { hostname: '127.0.0.1', pathname: '/frame', search: '?q=summer' };
    assert.deepEqual(recoveryStep('/frame', local, false), { kind: 'reload' });
    assert.deepEqual(recoveryStep('/frame', local, true), {
      kind: 'sign-in',
      url: '/frame/sign-in?next=%2Fframe%3Fq%3Dsummer',
    });
    const remote: PageLocation = { hostname: 'frame.example.com', pathname: '/frame', search: '?q=summer' };
    assert.deepEqual(recoveryStep('/frame', remote, false), {
      kind: 'sign-in',
      url: '/frame/sign-in?next=%2Fframe%3Fq%3Dsummer',
    });
  });

  it('a remote page leaves for sign-in on the first lost session and only once, however many calls fail', () => {
    const { page, actions } = pageAt('https://frame.example.com/frame?q=portraits&interval=60', tabStorage());
    const recovery = new SessionRecovery(page);
    assert.equal(recovery.handle(new NetworkError('offline')), false);
    assert.equal(recovery.handle(new HttpError(404, 'SLIDESHOW_NOT_FOUND', 'gone')), false);
    assert.equal(recovery.leaving, undefined);
    assert.deepEqual(actions, []);

    assert.equal(recovery.handle(httpErrorOf(401, SESSION_REQUIRED_BODY)), true);
    assert.equal(recovery.handle(httpErrorOf(401, SESSION_REQUIRED_BODY)), true);
    assert.deepEqual(actions, ['navigate /frame/sign-in?next=%2Fframe%3Fq%3Dportraits%26interval%3D60']);
    assert.deepEqual(recovery.leaving, {
      kind: 'sign-in',
      url: '/frame/sign-in?next=%2Fframe%3Fq%3Dportraits%26interval%3D60',
    });
  });

  it('a page on this machine reloads once; lost again before any call worked, it signs in instead (no reload loop)', () => {
    const storage = tabStorage();
    const lost = httpErrorOf(401, SESSION_REQUIRED_BODY);
    const first = pageAt('http://localhost:8080/frame?q=summer', storage);
    assert.equal(new SessionRecovery(first.page).handle(lost), true);
    assert.deepEqual(first.actions, ['reload']);

    // The reloaded page: still no working session (the cookie was not kept).
    const second = pageAt('http://localhost:8080/frame?q=summer', storage);
    assert.equal(new SessionRecovery(second.page).handle(lost), true);
    assert.deepEqual(second.actions, ['navigate /frame/sign-in?next=%2Fframe%3Fq%3Dsummer']);

    // Once a call worked, a later loss (days later, a restart with a new key) may reload again.
    const third = pageAt('http://localhost:8080/frame?q=summer', storage);
    const recovery = new SessionRecovery(third.page);
    recovery.confirmed();
    assert.equal(storage.size(), 0);
    assert.equal(recovery.handle(lost), true);
    assert.deepEqual(third.actions, ['reload']);
  });

  it('without sessionStorage (blocked, or throwing) a page on this machine never reloads automatically', () => {
    const lost = httpErrorOf(401, SESSION_REQUIRED_BODY);
    const none = pageAt('http://[::1]:8080/preview?device=Echo%20Show%205', null);
    assert.equal(new SessionRecovery(none.page).handle(lost), true);
    assert.deepEqual(none.actions, [
      'navigate /preview/sign-in?next=%2Fpreview%3Fdevice%3DEcho%2520Show%25205',
    ]);

    const throwing: MarkStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const blocked = pageAt('http://127.0.0.1:8080/frame', throwing);
    const recovery = new SessionRecovery(blocked.page);
    recovery.confirmed();
    assert.equal(recovery.handle(lost), true);
    assert.deepEqual(blocked.actions, ['navigate /frame/sign-in?next=%2Fframe']);
  });
});
