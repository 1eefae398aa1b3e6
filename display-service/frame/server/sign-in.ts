import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { scopesAllow } from '../../../common/auth/scopes';
import { isAppError } from '../../../common/errors';
import type { FrameSessions } from './frame-sessions';
import { escapeHtml } from './pages';

/** Where a signed-in page may send the browser back to: the web app (`/`), the frame or the preview, on this origin only. */
const NEXT_PATTERN = /^\/(?:(?:frame|preview)(?:[/?][^\\]*)?)?$/;

const signInFormSchema = z.object({
  token: z.string().trim().min(1).max(200),
  next: z.string().max(2000).optional(),
});

/**
 * `/frame/sign-in`: a screen that is not this machine signs in once with an owner credential (scope `display` or
 * `owner`), typed or pasted into a form (a POST body, never a URL that proxies and browsers log), and gets the
 * same-origin session cookie the frame and preview pages use.
 */
export function signInRoutes(sessions: FrameSessions): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  router.get('/sign-in', (req, res) => {
    sendForm(res, 200, safeNext(req.query.next, req.baseUrl), undefined);
  });

  router.post('/sign-in', form, async (req: Request, res: Response) => {
    const parsed = signInFormSchema.safeParse(req.body);
    const next = safeNext(parsed.success ? parsed.data.next : undefined, req.baseUrl);
    const authenticator = sessions.authenticator;
    if (!parsed.success || authenticator === undefined) {
      sendForm(res, 400, next, 'Paste an owner credential (pf_…).');
      return;
    }
    try {
      const person = await authenticator.authenticatePerson(parsed.data.token);
      if (!scopesAllow(person.scopes, 'display')) {
        sendForm(res, 403, next, 'That credential may not show slideshows (it needs the display scope).');
        return;
      }
      sessions.start(res, {
        ownerId: person.ownerId,
        credentialId: person.credentialId,
        scopes: person.scopes,
      });
      res.redirect(303, next);
    } catch (error) {
      if (!isAppError(error) || error.status !== 401) throw error;
      sendForm(res, 401, next, 'That credential is unknown or revoked.');
    }
  });
  return router;
}

/** The URL of the sign-in page (under the same mount) that returns to this request's page. */
export function signInUrl(req: Request): string {
  return `${req.baseUrl}/sign-in?next=${encodeURIComponent(req.originalUrl)}`;
}

/**
 * `next` when it is a frame or preview path on this origin, else the page's own mount. `//` is refused in the
 * path only: the query is the page's own (`?q=…` free text may hold anything) and cannot change where it leads.
 */
function safeNext(value: unknown, base: string): string {
  if (typeof value === 'string' && NEXT_PATTERN.test(value) && !pathOf(value).includes('//')) return value;
  return NEXT_PATTERN.test(base) ? base : '/frame';
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

function sendForm(res: Response, status: number, next: string, problem: string | undefined): void {
  res.status(status).set({
    'Cache-Control': 'no-store',
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  }).send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Photo Frame — sign in</title>
<style>body{font:1.1rem system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}input{width:100%;font:inherit;padding:.4rem}button{font:inherit;margin-top:1rem}</style>
</head><body>
<h1>Sign in to Photo Frame</h1>
<p>Paste an owner credential (create one with <code>npm run credentials -- create --scope display</code>).</p>
${problem === undefined ? '' : `<p role="alert"><strong>${escapeHtml(problem)}</strong></p>`}
<form method="post" action="sign-in">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<label for="token">Credential</label>
<input id="token" name="token" type="password" autocomplete="off" required>
<button type="submit">Sign in</button>
</form>
</body></html>
`);
}
