import type { Request } from 'express';
import { FRAME_DEVICE_HEADER, FRAME_TOKEN_HEADER } from '../frame-api-types';
import type { FrameIdentity, FramePairings } from './frame-pairings';

/** Whose library a request from the frame or preview page is served from (see FramePairings.identify). */
export function identifyFrame(req: Request, pairings: FramePairings): Promise<FrameIdentity> {
  return pairings.identify(req.get(FRAME_TOKEN_HEADER), req.get(FRAME_DEVICE_HEADER));
}
