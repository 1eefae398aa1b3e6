import type { FrameProfileResponse } from '../frame/frame-api-types';
import type { FrameProfile } from './frame-profile';

/** What a frame is told of its profile: how to show photos (which photos is the server's business). */
export function frameProfileResponse(profile: FrameProfile | undefined): FrameProfileResponse {
  if (profile === undefined) return { profile: null };
  const { intervalSeconds, captions, clock, dim, dimFrom, dimTo, dimLevel, showsText, version } = profile;
  return { profile: { intervalSeconds, captions, clock, dim, dimFrom, dimTo, dimLevel, showsText, version } };
}
