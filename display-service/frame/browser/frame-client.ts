import {
  FRAME_DEVICE_HEADER,
  FRAME_TOKEN_HEADER,
  type AmbientFrameRequest,
  type FrameProfileResponse,
  type FrameSessionResponse,
  type PreviewRequest,
  type PreviewResponse,
  type QueryFrameRequest,
  type SlideshowPage,
} from '../frame-api-types';
import { NetworkError, httpErrorOf } from './http-errors';

// The player, the stores and the pages take the errors from the client that throws them.
export { HttpError, NetworkError, httpErrorOf } from './http-errors';

const REQUEST_TIMEOUT_MS = 15_000;

/** The frame's side of its API: every call names the browser's device id and, once it has one, its frame token. */
export class FrameClient {
  constructor(
    private readonly apiBase: string,
    private readonly identity: { deviceId: string; token(): string | null },
  ) {}

  session(): Promise<FrameSessionResponse> {
    return this.call('POST', '/session', {});
  }

  profile(): Promise<FrameProfileResponse> {
    return this.call('GET', '/profile');
  }

  startAmbient(request: AmbientFrameRequest): Promise<SlideshowPage> {
    return this.call('POST', '/ambient', request);
  }

  createQuerySlideshow(request: QueryFrameRequest): Promise<SlideshowPage> {
    return this.call('POST', '/slideshows', request);
  }

  page(slideshowId: string, start: number, count: number, prefix = '/slideshows'): Promise<SlideshowPage> {
    return this.call(
      'GET',
      `${prefix}/${encodeURIComponent(slideshowId)}/items?start=${start}&count=${count}`,
    );
  }

  savePosition(slideshowId: string, index: number): Promise<unknown> {
    return this.call('POST', `/slideshows/${encodeURIComponent(slideshowId)}/position`, { index });
  }

  preview(request: PreviewRequest): Promise<PreviewResponse> {
    return this.call('POST', '/slideshow', request);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { [FRAME_DEVICE_HEADER]: this.identity.deviceId };
    const token = this.identity.token();
    if (token) headers[FRAME_TOKEN_HEADER] = token;
    if (body !== undefined && method === 'POST') headers['content-type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(`${this.apiBase}${path}`, {
        method,
        headers,
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
        cache: 'no-store',
        signal: abort.signal,
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw httpErrorOf(response.status, text);
    return JSON.parse(text) as T;
  }
}
