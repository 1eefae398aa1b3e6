import type { IncomingMessage, ServerResponse } from 'node:http';
import send from 'send';
import { photoIdSchema } from '../../common/contracts';
import type { Logger } from '../../common/logger';
import type { ClipService } from '../renditions/video/clip-service';
import type { ReceivedClipUrl } from '../renditions/video/clip-url';
import { videoErrors } from '../renditions/video/video-errors';
import { RENDITION_CACHE_CONTROL, sendRenditionError } from './rendition-handler';

const CLIP_PATH = /^\/clips\/([^/?]+)\/([1-9]\d{1,3})x([1-9]\d{1,3})\.mp4$/;

/**
 * Serves GET/HEAD of `/clips/<photoId>/<W>x<H>.mp4?owner=&exp=&sig=` (relative to the display mount): the signed
 * clip rendition, from its file on disk with HTTP Range (206 and Content-Range for a range, 416 for one outside
 * the file, Accept-Ranges on every answer) through `send`, which also answers If-None-Match and If-Range.
 * Returns false when the request is not a clip request.
 */
export function createClipHandler(clips: ClipService, logger: Logger) {
  return function handleClip(req: IncomingMessage, res: ServerResponse, pathAndQuery: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const received = parseClipRequest(pathAndQuery);
    if (!received) return false;
    clips
      .locate(received)
      .then(({ path }) => {
        res.setHeader('Access-Control-Allow-Origin', '*');
        send(req, path, { cacheControl: false, lastModified: false, etag: true, dotfiles: 'allow' })
          .on('headers', (response: ServerResponse) => {
            response.setHeader('Content-Type', 'video/mp4');
            response.setHeader('Cache-Control', RENDITION_CACHE_CONTROL);
          })
          .on('error', (error: { status?: number; headers?: Record<string, string> }) => {
            if (error.status !== 416) {
              sendRenditionError(res, error, logger);
              return;
            }
            // send names the clip's length (`bytes */<size>`), as RFC 9110 asks of a 416.
            const range = error.headers?.['Content-Range'];
            if (range !== undefined) res.setHeader('Content-Range', range);
            res.setHeader('Accept-Ranges', 'bytes');
            sendRenditionError(res, videoErrors.rangeNotSatisfiable(), logger);
          })
          .pipe(res);
      })
      .catch((error: unknown) => sendRenditionError(res, error, logger));
    return true;
  };
}

function parseClipRequest(pathAndQuery: string): ReceivedClipUrl | undefined {
  const queryAt = pathAndQuery.indexOf('?');
  const match = CLIP_PATH.exec(queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt));
  if (!match) return undefined;
  const photoId = safeDecode(match[1] ?? '');
  if (!photoIdSchema.safeParse(photoId).success) return undefined;
  const query = new URLSearchParams(queryAt === -1 ? '' : pathAndQuery.slice(queryAt + 1));
  const single = (name: string): unknown => {
    const values = query.getAll(name);
    return values.length <= 1 ? values[0] : values;
  };
  return {
    photoId,
    width: Number(match[2]),
    height: Number(match[3]),
    owner: single('owner'),
    exp: single('exp'),
    sig: single('sig'),
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
