import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Authenticator } from '../../../common/auth/authenticator';
import { credentialScopeSchema, type CredentialScope } from '../../../common/auth/scopes';

export const SESSION_COOKIE = 'pf_session';
const DEFAULT_TTL_SECONDS = 30 * 24 * 3600;
/** Marks a session minted for a page opened on this machine (no credential behind it to revoke). */
const LOOPBACK = 'loopback';

/** How the web frame and the preview page get a same-origin session instead of a token in a URL. */
export interface FrameSessionOptions {
  /** HMAC key for session cookies (at least 32 characters); unset: a random key, so sessions end on restart. */
  key?: string;
  /** Checks owner credentials at the sign-in page, and that a session's credential is still active. */
  authenticator?: Authenticator;
  /** The public origin is https: mark the cookie Secure. */
  secureCookie?: boolean;
  /** Session lifetime (default 30 days); every page load renews it. */
  ttlSeconds?: number;
}

export interface FrameSession {
  ownerId: string;
  /** The credential the owner signed in with, or `loopback`. */
  credentialId: string;
  /**
   * What that credential may do (the web app's library pages need library scopes, the frame only `display`);
   * a loopback session is the owner's. Absent: a session from before scopes were kept, which only had `display`.
   */
  scopes?: readonly CredentialScope[];
}

const payloadSchema = z.object({
  o: z.string().min(1),
  c: z.string().min(1),
  e: z.number().int(),
  s: z.array(credentialScopeSchema).max(8).optional(),
});

/**
 * Stateless sessions: an HttpOnly, SameSite=Strict cookie holding the owner, the credential it came from and an
 * expiry, signed with HMAC-SHA256. A session from a revoked credential ends at once (checked on every read).
 */
export class FrameSessions {
  private readonly key: string;
  private readonly ttlMs: number;

  constructor(
    private readonly options: FrameSessionOptions,
    private readonly now: () => number,
  ) {
    this.key = options.key ?? randomBytes(32).toString('base64url');
    this.ttlMs = (options.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
  }

  get authenticator(): Authenticator | undefined {
    return this.options.authenticator;
  }

  /** Sets (or renews) the session cookie on a page response. */
  start(res: Response, session: FrameSession): void {
    const payload = Buffer.from(
      JSON.stringify({
        o: session.ownerId,
        c: session.credentialId,
        e: this.now() + this.ttlMs,
        ...(session.scopes === undefined ? {} : { s: session.scopes }),
      }),
    ).toString('base64url');
    res.cookie(SESSION_COOKIE, `${payload}.${this.sign(payload)}`, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.options.secureCookie ?? false,
      path: '/',
      maxAge: this.ttlMs,
    });
  }

  /** The loopback owner's session, for a page opened on this machine (see isLoopbackPageRequest). */
  startLoopback(res: Response, ownerId: string): void {
    this.start(res, { ownerId, credentialId: LOOPBACK, scopes: ['owner'] });
  }

  /** The request's session, or undefined when there is none, it is forged, expired or its credential revoked. */
  async read(req: Request): Promise<FrameSession | undefined> {
    const value = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (value === undefined) return undefined;
    const [payload, signature, extra] = value.split('.');
    if (payload === undefined || signature === undefined || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const presented = Buffer.from(signature);
    if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) return undefined;
    const parsed = payloadSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.e <= this.now()) return undefined;
    const session: FrameSession = {
      ownerId: parsed.data.o,
      credentialId: parsed.data.c,
      scopes: parsed.data.s ?? (parsed.data.c === LOOPBACK ? ['owner'] : ['display']),
    };
    if (session.credentialId === LOOPBACK) return session;
    const active = (await this.options.authenticator?.credentialActive(session.credentialId)) ?? false;
    return active ? session : undefined;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(`frame-session:${payload}`).digest('base64url');
  }
}

/**
 * A page request made on this machine, directly: from a loopback address, to a loopback host name, and not
 * forwarded by a proxy (a TLS proxy on the same machine connects from loopback too, but adds forwarding headers).
 */
export function isLoopbackPageRequest(req: Request): boolean {
  const address = req.socket.remoteAddress;
  const fromLoopback = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  const forwarded =
    req.get('forwarded') !== undefined ||
    req.get('x-forwarded-for') !== undefined ||
    req.get('x-real-ip') !== undefined;
  return fromLoopback && !forwarded && isLoopbackHost(req.get('host'));
}

export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

/** One named cookie; hand-written because express's `cookie` parser is only a transitive, untyped dependency. */
function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
