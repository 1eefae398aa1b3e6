import assert from 'node:assert/strict';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { runCredentialsCli } from '../../../server/cli/credentials';
import { chromiumPath, launchChromium } from './helpers/chromium';
import { FrameStack } from './helpers/frame-stack';

/** The name a screen elsewhere on the network opens the stack by (mapped to 127.0.0.1 inside chromium only). */
const PUBLIC_HOST = 'photos.example';
/** What the frame page logs whenever its screen changes (see recordScreen). */
const SCREEN = 'photoframe-test-screen ';

interface ScreenState {
  images: number;
  messageShown: boolean;
  path: string;
}

/** What the frame and preview pages expose to tests (frame-main.ts, preview-main.ts). */
type PageHooks = {
  photoFrame?: { state?: () => { shown: number }; error?: string; leaving?: string };
  photoPreview?: { ready?: boolean; error?: string; leaving?: string };
};

/** A credential made and revoked the way an owner does it: `npm run credentials` on the stack's DATA_DIR. */
async function credentials(stack: FrameStack, argv: string[]): Promise<string> {
  let out = '';
  const code = await runCredentialsCli(argv, { DATA_DIR: stack.dataDir }, { out: (text) => (out += text) });
  assert.equal(code, 0, out);
  return out;
}

async function createDisplayCredential(
  stack: FrameStack,
  label: string,
): Promise<{ token: string; id: string }> {
  const out = await credentials(stack, ['create', '--scope', 'display', '--label', label, '--json']);
  const { token, credential } = JSON.parse(out) as { token: string; credential: { id: string } };
  return { token, id: credential.id };
}

/** The sign-in page for `pathAndQuery` under its mount, as an absolute URL on `origin`. */
function signInUrl(origin: string, mount: string, pathAndQuery: string): string {
  return `${origin}${mount}/sign-in?next=${encodeURIComponent(pathAndQuery)}`;
}

/** Types the credential into the sign-in form (never a URL) and waits for the page it returns to. */
async function signIn(page: Page, token: string, landsOn: string): Promise<void> {
  await page.fill('#token', token);
  await Promise.all([page.waitForURL(landsOn, { timeout: 20_000 }), page.click('button[type=submit]')]);
}

async function firstPhoto(page: Page, atLeast = 1): Promise<void> {
  await page.waitForFunction((n) => ((window as PageHooks).photoFrame?.state?.().shown ?? 0) >= n, atLeast, {
    timeout: 30_000,
  });
}

/**
 * Logs what the frame shows every time its screen changes: photos, and whether the full-screen message covers
 * them. Read from the console because the page (and anything it kept) is gone once the browser navigates.
 */
async function recordScreen(page: Page): Promise<ScreenState[]> {
  const states: ScreenState[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (text.startsWith(SCREEN)) states.push(JSON.parse(text.slice(SCREEN.length)) as ScreenState);
  });
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.addInitScript((prefix) => {
    document.addEventListener('DOMContentLoaded', () => {
      const root = document.getElementById('frame');
      if (!root) return;
      new MutationObserver(() => {
        const message = root.querySelector<HTMLElement>('.message');
        const state = {
          images: root.querySelectorAll('.slide img').length,
          messageShown: message !== null && !message.hidden,
          path: window.location.pathname + window.location.search,
        };
        console.log(prefix + JSON.stringify(state));
      }).observe(root, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['hidden'],
      });
    });
  }, SCREEN);
  return states;
}

/** Every document the page loads (navigations and reloads), in order, as path and query. */
function documentsLoaded(page: Page): string[] {
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() !== 'document') return;
    const url = new URL(request.url());
    loaded.push(url.pathname + url.search);
  });
  return loaded;
}

describe('web frame and preview when their session ends (expired, revoked)', function () {
  this.timeout(180_000);
  let stack: FrameStack;
  let browser: Browser;

  before(async function () {
    const { path, reason } = chromiumPath();
    if (!path) {
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    [stack, browser] = await Promise.all([
      FrameStack.start(14, { publicHost: PUBLIC_HOST }),
      launchChromium(path, [`--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`]),
    ]);
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  describe('a screen on another machine', () => {
    let context: BrowserContext;

    beforeEach(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    });

    afterEach(async () => {
      await context?.close();
    });

    it('a revoked credential sends a playing ?q= frame to sign-in with next=<that URL>, photo still up; signing in returns there', async () => {
      const pathAndQuery = '/frame?q=summer&interval=1';
      const frameUrl = `${stack.publicUrl}${pathAndQuery}`;
      const signIn1 = await createDisplayCredential(stack, 'living room tablet');
      const page = await context.newPage();
      const screen = await recordScreen(page);

      // Not signed in: the server sends the page to sign-in, and signing in lands on exactly the frame URL.
      await page.goto(frameUrl);
      assert.equal(page.url(), signInUrl(stack.publicUrl, '/frame', pathAndQuery));
      await signIn(page, signIn1.token, frameUrl);
      assert.equal(page.url(), frameUrl);
      // Playing: past the first page of the playlist, so nothing more is asked of the API but the session check.
      await firstPhoto(page, 3);

      const loaded = documentsLoaded(page);
      const shownBefore = screen.length;
      await credentials(stack, ['revoke', signIn1.id]);
      const revokedAt = Date.now();
      await page.waitForURL((url) => url.pathname === '/frame/sign-in', { timeout: 45_000 });
      console.log(`      on the sign-in page ${Date.now() - revokedAt} ms after the credential was revoked`);

      assert.equal(page.url(), signInUrl(stack.publicUrl, '/frame', pathAndQuery));
      assert.deepEqual(
        loaded,
        [`/frame/sign-in?next=${encodeURIComponent(pathAndQuery)}`],
        'straight there, no reload',
      );
      // From the revocation until the browser left the frame, a photo was always on screen, never covered.
      // (The frame may notice before it shows another photo, so the last state it showed is checked too: a photo.)
      const onFrame = screen.filter((state) => state.path === pathAndQuery);
      const last = onFrame.at(-1);
      assert.ok(last !== undefined && last.images > 0 && !last.messageShown, JSON.stringify(last));
      const afterRevoking = screen.slice(shownBefore).filter((state) => state.path === pathAndQuery);
      assert.deepEqual(
        afterRevoking.filter((state) => state.images === 0 || state.messageShown),
        [],
        'a photo stayed on screen until the browser navigated',
      );

      // The revoked credential signs nobody in; a new one returns to the frame, query and all, and it plays.
      await page.fill('#token', signIn1.token);
      await page.click('button[type=submit]');
      await page.waitForSelector('[role=alert]');
      assert.match((await page.textContent('[role=alert]')) ?? '', /unknown or revoked/);
      const signIn2 = await createDisplayCredential(stack, 'living room tablet, again');
      await signIn(page, signIn2.token, frameUrl);
      assert.equal(page.url(), frameUrl);
      await firstPhoto(page);
      assert.equal(await page.evaluate(() => (window as PageHooks).photoFrame?.error), undefined);
    });

    it('the device preview whose credential is revoked before its slideshow loads goes to /preview/sign-in and back', async () => {
      const pathAndQuery = `/preview?device=${encodeURIComponent('Echo Show 8')}&q=summer`;
      const previewUrl = `${stack.publicUrl}${pathAndQuery}`;
      const credential = await createDisplayCredential(stack, 'preview laptop');
      const page = await context.newPage();
      await page.goto(previewUrl);
      assert.equal(page.url(), signInUrl(stack.publicUrl, '/preview', pathAndQuery));
      await signIn(page, credential.token, previewUrl);
      await page.waitForFunction(() => (window as PageHooks).photoPreview?.ready === true, undefined, {
        timeout: 30_000,
      });

      // Load it again, holding its slideshow request until the credential is revoked: the page was admitted with
      // a live session, its API call is not.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/preview/api/slideshow', async (route) => {
        await held;
        await route.continue();
      });
      const requested = page.waitForRequest('**/preview/api/slideshow');
      await page.reload();
      await requested;
      await credentials(stack, ['revoke', credential.id]);
      release();
      await page.waitForURL((url) => url.pathname === '/preview/sign-in', { timeout: 20_000 });
      assert.equal(page.url(), signInUrl(stack.publicUrl, '/preview', pathAndQuery));

      await page.unroute('**/preview/api/slideshow');
      const again = await createDisplayCredential(stack, 'preview laptop, again');
      await signIn(page, again.token, previewUrl);
      await page.waitForFunction(() => (window as PageHooks).photoPreview?.ready === true, undefined, {
        timeout: 30_000,
      });
      assert.equal(page.url(), previewUrl);
    });
  });

  describe('a screen on this machine', () => {
    let context: BrowserContext;

    beforeEach(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    });

    afterEach(async () => {
      await context?.close();
    });

    it('reloads once into a new local session when its session is lost, and keeps playing (never the sign-in page)', async () => {
      const pathAndQuery = '/frame?interval=1';
      const page = await context.newPage();
      await page.goto(`${stack.url}${pathAndQuery}`);
      await firstPhoto(page, 2);

      // The browser loses the cookie (as after a server restart with a new session key): the next position save
      // of the ambient slideshow is refused.
      const loaded = documentsLoaded(page);
      const reloaded = page.waitForEvent('load', { timeout: 30_000 });
      await context.clearCookies();
      await reloaded;
      await firstPhoto(page);
      assert.deepEqual(loaded, [pathAndQuery], 'one reload of the same URL');
      assert.equal(page.url(), `${stack.url}${pathAndQuery}`);
      assert.equal(await page.evaluate(() => (window as PageHooks).photoFrame?.error), undefined);
      assert.ok(
        (await context.cookies()).some((cookie) => cookie.name === 'pf_session'),
        'a new session',
      );
    });

    it('whose cookie is never kept reloads once, then goes to sign-in instead of reloading forever', async () => {
      const pathAndQuery = '/frame?q=summer';
      const page = await context.newPage();
      // A browser that keeps no cookie (cookies blocked): the page is the server's own answer without its
      // Set-Cookie, so every API call is refused.
      await page.route(
        (url) => url.pathname === '/frame',
        async (route) => {
          const url = new URL(route.request().url());
          url.hostname = '127.0.0.1';
          const response = await fetch(url, { redirect: 'manual' });
          const headers = Object.fromEntries(response.headers);
          // fetch has decoded the body already.
          for (const name of ['set-cookie', 'content-encoding', 'content-length']) delete headers[name];
          await route.fulfill({ status: response.status, headers, body: await response.text() });
        },
      );
      const loaded = documentsLoaded(page);
      await page.goto(`${stack.url}${pathAndQuery}`);
      await page.waitForURL((url) => url.pathname === '/frame/sign-in', { timeout: 20_000 });
      assert.equal(page.url(), signInUrl(stack.url, '/frame', pathAndQuery));
      // And it stays there: the sign-in page waits for the owner.
      await page.waitForTimeout(3000);
      assert.deepEqual(loaded, [
        pathAndQuery,
        pathAndQuery,
        `/frame/sign-in?next=${encodeURIComponent(pathAndQuery)}`,
      ]);
    });
  });
});
