import { authorizationHeader, fetchJson, type HttpClientOptions } from '../http/json-client';
import {
  OWNER_HEADER,
  ambientPositionSchema,
  linkedFrameSchema,
  slideshowPageSchema,
  type AmbientPosition,
  type CreateSlideshowRequest,
  type LinkedFrame,
  type SlideshowPage,
  type StartAmbientRequest,
} from '../contracts';

/** The display service as other tiers see it. Served over HTTP under `/v1/display`. */
export interface DisplayApi {
  createSlideshow(request: CreateSlideshowRequest): Promise<SlideshowPage>;
  getSlideshowPage(
    ownerId: string,
    slideshowId: string,
    start: number,
    count: number,
  ): Promise<SlideshowPage>;
  /**
   * The device's ambient slideshow (endless, no-repeat shuffle of the whole library, memories first each day):
   * always the same slideshow for this owner, device and screen preset, answered from its saved position.
   */
  startAmbient(request: StartAmbientRequest): Promise<SlideshowPage>;
  /** Saves where the device is in its ambient slideshow, so the next startAmbient resumes there. */
  saveAmbientPosition(ownerId: string, slideshowId: string, index: number): Promise<AmbientPosition>;
  /**
   * Links the web frame showing `code` to this owner (when frame accounts are on): codes are single-use, expire
   * after a few minutes and failed attempts are rate-limited. 404 FRAME_CODE_INVALID for an unknown, used or
   * expired code; 429 FRAME_LINK_RATE_LIMITED after too many wrong codes; 409 FRAME_ACCOUNTS_OFF when every frame
   * shows the local owner's library anyway.
   */
  linkFrame(ownerId: string, code: string): Promise<LinkedFrame>;
}

/** `baseUrl` is the display prefix, e.g. `http://127.0.0.1:8080/v1/display`. */
export function createDisplayHttpClient(baseUrl: string, options: HttpClientOptions = {}): DisplayApi {
  const root = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5000;
  const auth = authorizationHeader(options.credential);
  return {
    createSlideshow: (request) =>
      fetchJson(`${root}/slideshows`, slideshowPageSchema, {
        method: 'POST',
        body: request,
        headers: { ...auth, [OWNER_HEADER]: request.ownerId },
        timeoutMs,
      }),
    getSlideshowPage: (ownerId, slideshowId, start, count) =>
      fetchJson(
        `${root}/slideshows/${encodeURIComponent(slideshowId)}/items?start=${start}&count=${count}`,
        slideshowPageSchema,
        { headers: { ...auth, [OWNER_HEADER]: ownerId }, timeoutMs },
      ),
    startAmbient: (request) =>
      fetchJson(`${root}/ambient`, slideshowPageSchema, {
        method: 'POST',
        body: request,
        headers: { ...auth, [OWNER_HEADER]: request.ownerId },
        timeoutMs,
      }),
    saveAmbientPosition: (ownerId, slideshowId, index) =>
      fetchJson(`${root}/ambient/${encodeURIComponent(slideshowId)}/position`, ambientPositionSchema, {
        method: 'POST',
        body: { index },
        headers: { ...auth, [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
    linkFrame: (ownerId, code) =>
      fetchJson(`${root}/frames/link`, linkedFrameSchema, {
        method: 'POST',
        body: { code },
        headers: { ...auth, [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
  };
}
