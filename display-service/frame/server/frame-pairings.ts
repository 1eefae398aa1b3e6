import { createHash, randomBytes, randomInt } from 'node:crypto';
import { FRAME_LINK_CODE_DIGITS, type LinkedFrame } from '../../../common/contracts';
import { frameErrors } from './frame-errors';
import type { FramePairingRepository } from './frame-pairing-repository';

/** How a web frame decides whose library it shows. */
export interface FrameAccessOptions {
  /**
   * Off (the embedded default): a frame shows the library of the owner its page session is for (see
   * frame-sessions.ts). On: a frame shows a short code until an owner links it (`POST /v1/display/frames/link`),
   * and from then on only that owner's photos.
   */
  accounts: boolean;
  /** The owner a page opened on this machine gets a session for (the local stack's PHOTO_OWNER_ID). */
  ownerId: string;
  /** How long a code stays valid (default 10 minutes). */
  codeTtlSeconds?: number;
  /** Wrong codes one owner may enter per window before 429 (default 5). */
  maxFailuresPerOwner?: number;
  /**
   * Wrong attempts at one code value per window, whoever makes them (default 5): bounds guessing spread over many
   * owners' credentials without a global limit that would let anyone lock everyone out.
   */
  maxFailuresPerCode?: number;
  /** The rate-limit window (default 10 minutes). */
  failureWindowSeconds?: number;
}

/** What a frame learns about itself when it starts (and while it waits to be linked). */
export type FrameSession =
  | { status: 'ready'; frameId: string | null }
  | { status: 'unlinked'; frameId: string; code: string; expiresAt: string; token?: string };

/** The owner a request from a frame is served for, and the id its ambient slideshow is kept under. */
export interface FrameIdentity {
  ownerId: string;
  deviceId: string;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const CODE_DRAWS = 20;

/**
 * Frame pairing: which owner a web frame shows. A frame proves itself with a secret token it keeps (only its hash is
 * stored); the code it shows is single-use, expires, and wrong codes are rate-limited per owner and per code.
 */
export class FramePairings {
  private readonly codeTtlMs: number;
  private readonly windowMs: number;

  constructor(
    private readonly options: FrameAccessOptions,
    private readonly repository: FramePairingRepository,
    private readonly now: () => number,
  ) {
    this.codeTtlMs = (options.codeTtlSeconds ?? 600) * 1000;
    this.windowMs = (options.failureWindowSeconds ?? 600) * 1000;
  }

  get accountsEnabled(): boolean {
    return this.options.accounts;
  }

  /**
   * Starts or continues a linked-frame session (accounts on; off, a page session is needed instead: 401). A frame
   * without a (known) token is registered and gets its token once, in this answer; an unlinked one gets a live code
   * (a fresh one when the last expired).
   */
  async session(token: string | undefined): Promise<FrameSession> {
    if (!this.options.accounts) throw frameErrors.sessionRequired();
    const known =
      token !== undefined && TOKEN_PATTERN.test(token)
        ? await this.repository.findByTokenHash(hashOf(token))
        : undefined;
    if (known?.ownerId) return { status: 'ready', frameId: known.frameId };
    if (known) return { ...(await this.liveCode(known.frameId, known)), status: 'unlinked' };
    const fresh = randomBytes(32).toString('base64url');
    const frameId = `fr_${randomBytes(12).toString('base64url')}`;
    await this.repository.create(frameId, hashOf(fresh), new Date(this.now()).toISOString());
    return { ...(await this.liveCode(frameId, undefined)), status: 'unlinked', token: fresh };
  }

  /** With frame accounts on: the owner the frame's token is linked to (401 FRAME_NOT_LINKED otherwise). */
  async identify(token: string | undefined): Promise<FrameIdentity> {
    if (token === undefined || !TOKEN_PATTERN.test(token)) throw frameErrors.notLinked();
    const pairing = await this.repository.findByTokenHash(hashOf(token));
    if (!pairing?.ownerId) throw frameErrors.notLinked();
    return { ownerId: pairing.ownerId, deviceId: `web-frame:${pairing.frameId}` };
  }

  /**
   * The owner enters the code their frame shows. Each attempt is counted first, per owner and per code (never
   * overall, so nobody can lock everyone out), atomically in the database; a successful one is given back.
   * `actor` (a credential id, or `service`) goes into the audit trail.
   */
  async link(ownerId: string, code: string, actor: string): Promise<LinkedFrame> {
    if (!this.options.accounts) throw frameErrors.accountsOff();
    const now = this.now();
    await this.repository.forgetAttemptsBefore(now - this.windowMs);
    const ownerScope = `owner:${ownerId}`;
    const codeScope = `code:${code}`;
    const byOwner = await this.repository.countAttempt(ownerScope, now, this.windowMs);
    if (byOwner > (this.options.maxFailuresPerOwner ?? 5)) {
      throw frameErrors.linkRateLimited(this.windowMs / 1000);
    }
    const byCode = await this.repository.countAttempt(codeScope, now, this.windowMs);
    if (byCode > (this.options.maxFailuresPerCode ?? 5)) {
      throw frameErrors.linkRateLimited(this.windowMs / 1000);
    }
    const linkedAt = new Date(now).toISOString();
    const frameId = await this.repository.linkByCode(code, ownerId, now, linkedAt);
    if (frameId === undefined) throw frameErrors.codeInvalid();
    await this.repository.returnAttempt(ownerScope);
    await this.repository.returnAttempt(codeScope);
    await this.repository.audit({ frameId, ownerId, action: 'linked', actor, at: linkedAt });
    return { frameId, ownerId, linkedAt };
  }

  /** Undoes a link: the frame stops getting this owner's photos at once and shows a new code. */
  async unlink(ownerId: string, frameId: string, actor: string): Promise<void> {
    if (!(await this.repository.unlink(frameId, ownerId))) throw frameErrors.frameNotFound();
    const at = new Date(this.now()).toISOString();
    await this.repository.audit({ frameId, ownerId, action: 'unlinked', actor, at });
  }

  /** Who linked and unlinked the owner's frames, newest first. */
  auditTrail(ownerId: string): ReturnType<FramePairingRepository['auditTrail']> {
    return this.repository.auditTrail(ownerId);
  }

  private async liveCode(
    frameId: string,
    known: { code: string | null; codeExpiresAt: number | null } | undefined,
  ): Promise<{ frameId: string; code: string; expiresAt: string }> {
    const now = this.now();
    // Keep showing a code while it has at least a minute left, so a person reading it is not cut short.
    if (known?.code && known.codeExpiresAt !== null && known.codeExpiresAt - now > 60_000) {
      return { frameId, code: known.code, expiresAt: new Date(known.codeExpiresAt).toISOString() };
    }
    const expiresAt = now + this.codeTtlMs;
    for (let draw = 0; draw < CODE_DRAWS; draw++) {
      const code = String(randomInt(0, 10 ** FRAME_LINK_CODE_DIGITS)).padStart(FRAME_LINK_CODE_DIGITS, '0');
      if ((await this.repository.assignCode(frameId, code, expiresAt, now)) === 'assigned') {
        return { frameId, code, expiresAt: new Date(expiresAt).toISOString() };
      }
    }
    throw frameErrors.codeUnavailable();
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
