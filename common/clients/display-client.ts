import { fetchJson } from '../http/json-client';
import {
  OWNER_HEADER,
  slideshowPageSchema,
  type CreateSlideshowRequest,
  type SlideshowPage,
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
  };
}
