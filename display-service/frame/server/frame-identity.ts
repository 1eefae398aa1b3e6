import type { Request, Response } from 'express';
import { FRAME_DEVICE_HEADER, FRAME_TOKEN_HEADER } from '../frame-api-types';
import { frameErrors } from './frame-errors';
import type { FrameIdentity, FramePairings } from './frame-pairings';
import { isLoopbackPageRequest, type FrameSessions } from './frame-sessions';
import { signInUrl } from './sign-in';

const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Whose library a request from the frame or preview page is served from: the owner of the page's session cookie
 * (signed in, or opened on this machine), else, with frame accounts on, the owner the frame's own token is linked
 * to. Nothing else: without either the answer is 401.
 */
export async function identifyFrame(
  req: Request,
  pairings: FramePairings,
  sessions: FrameSessions,
): Promise<FrameIdentity> {
  const session = await sessions.read(req);
  if (session) {
    const deviceId = req.get(FRAME_DEVICE_HEADER);
    const device = deviceId !== undefined && DEVICE_ID_PATTERN.test(deviceId) ? deviceId : 'default';
    return { ownerId: session.ownerId, deviceId: `web-frame:${device}` };
  }
  if (pairings.accountsEnabled) return pairings.identify(req.get(FRAME_TOKEN_HEADER));
  throw frameErrors.sessionRequired();
}

/**
 * Lets a frame or preview page load: renews a session it has; starts one for the local owner when the page is
 * opened on this machine (frame accounts off); lets an unlinked frame through when frame accounts are on (it
 * shows its code); otherwise redirects to the sign-in page and answers false.
 */
export async function admitPage(
  req: Request,
  res: Response,
  services: { pairings: FramePairings; sessions: FrameSessions; localOwnerId: string },
): Promise<boolean> {
  if ((await pageSessionOwner(req, res, services)) !== undefined) return true;
  if (services.pairings.accountsEnabled) return true;
  res.redirect(303, signInUrl(req));
  return false;
}

/**
 * Whose page this is, as for the frame and the preview: the owner of the session it has (renewed), or the local
 * owner for a page opened on this machine while frame accounts are off (a session is started); else undefined.
 */
export async function pageSessionOwner(
  req: Request,
  res: Response,
  services: { pairings: FramePairings; sessions: FrameSessions; localOwnerId: string },
): Promise<string | undefined> {
  const session = await services.sessions.read(req);
  if (session) {
    services.sessions.start(res, session);
    return session.ownerId;
  }
  if (!services.pairings.accountsEnabled && isLoopbackPageRequest(req)) {
    services.sessions.startLoopback(res, services.localOwnerId);
    return services.localOwnerId;
  }
  return undefined;
}
