import { clipSharePercentSchema, invalidClipShare } from '../slideshows/ambient/clip-share';

/**
 * Refuses a profile request whose `settings.clipSharePercent` is not a whole percentage from 0 to 100 with its own
 * code, 400 INVALID_CLIP_SHARE, before the rest of the request is read (which answers INVALID_REQUEST).
 */
export function assertClipShareInput(body: unknown): void {
  const settings = isRecord(body) ? body.settings : undefined;
  if (!isRecord(settings) || !('clipSharePercent' in settings)) return;
  const parsed = clipSharePercentSchema.safeParse(settings.clipSharePercent);
  if (!parsed.success) {
    throw invalidClipShare(parsed.error.issues[0]?.message ?? 'must be a whole percentage from 0 to 100');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
