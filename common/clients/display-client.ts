import { fetchJson } from '../http/json-client';
import {
  OWNER_HEADER,
  ambientPositionSchema,
  slideshowPageSchema,
  type AmbientPosition,
  type CreateSlideshowRequest,
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
}

/** `baseUrl` is the display prefix, e.g. `http://127.0.0.1:8080/v1/display`. */
export function createDisplayHttpClient(baseUrl: string, timeoutMs = 5000): DisplayApi {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    createSlideshow: (request) =>
      fetchJson(`${root}/slideshows`, slideshowPageSchema, {
        method: 'POST',
        body: request,
        headers: { [OWNER_HEADER]: request.ownerId },
        timeoutMs,
      }),
    getSlideshowPage: (ownerId, slideshowId, start, count) =>
      fetchJson(
        `${root}/slideshows/${encodeURIComponent(slideshowId)}/items?start=${start}&count=${count}`,
        slideshowPageSchema,
        { headers: { [OWNER_HEADER]: ownerId }, timeoutMs },
      ),
    startAmbient: (request) =>
      fetchJson(`${root}/ambient`, slideshowPageSchema, {
        method: 'POST',
        body: request,
        headers: { [OWNER_HEADER]: request.ownerId },
        timeoutMs,
      }),
    saveAmbientPosition: (ownerId, slideshowId, index) =>
      fetchJson(`${root}/ambient/${encodeURIComponent(slideshowId)}/position`, ambientPositionSchema, {
        method: 'POST',
        body: { index },
        headers: { [OWNER_HEADER]: ownerId },
        timeoutMs,
      }),
  };
}
