/**
 * What the frame and preview pages and their server routes say to each other (types only, so the browser bundle
 * carries no schema library; the server validates every body with the zod schemas in server/frame-requests.ts).
 */
import type { SlideshowPage, Viewport } from '../../common/contracts';

export type { SlideshowCaption, SlideshowItem, SlideshowPage, Viewport } from '../../common/contracts';

/** Header carrying a frame's secret token (frame accounts only). */
export const FRAME_TOKEN_HEADER = 'x-frame-token';
/** Header carrying the browser's own stable device id (kept in localStorage). */
export const FRAME_DEVICE_HEADER = 'x-frame-device';

export type FrameSessionResponse =
  /** `profileVersion`: the version of this frame's stored profile (absent: none); a change means reload. */
  | { status: 'ready'; frameId: string | null; profileVersion?: string }
  | { status: 'unlinked'; frameId: string; code: string; expiresAt: string; token?: string };

export interface AmbientFrameRequest {
  viewport: Viewport;
  /** IANA zone of the browser: decides what "today" is for memories. */
  timeZone?: string;
  pageSize?: number;
}

export interface QueryFrameRequest {
  /** Free text, read by the library's parser exactly as the skill's "search for …" reads it. */
  q: string;
  viewport: Viewport;
  timeZone?: string;
  /** Shuffled (a fresh seed) rather than oldest first. */
  shuffle?: boolean;
  pageSize?: number;
}

/** One device the preview can show, at its exact viewport. */
export interface PreviewDevice {
  name: string;
  /** Screen pixels: the preview's stage is exactly this many CSS pixels. */
  width: number;
  height: number;
  shape: Viewport['shape'];
  dpi: number;
  mode: 'HUB' | 'TV';
}

export interface PreviewRequest {
  device: string;
  q?: string;
  timeZone?: string;
}

export interface PreviewResponse {
  device: PreviewDevice;
  page: SlideshowPage;
  /** How long the skill keeps each photo on screen by default. */
  pageDurationMs: number;
  /** What the preview shows: the skill's answer to `q`, or the device's ambient frame ("open Photo Frame"). */
  source: 'query' | 'ambient';
}

/** `GET /frame/api/profile`: the settings the owner gave this frame in the web app (null: none). */
export interface FrameProfileResponse {
  profile: {
    intervalSeconds: number;
    captions: boolean;
    clock: boolean;
    dim: boolean;
    dimFrom: string;
    dimTo: string;
    dimLevel: number;
    showsText: string;
    version: string;
  } | null;
}
