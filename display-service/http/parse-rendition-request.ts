import { photoIdSchema } from '../../common/contracts';
import { badRequest } from '../../common/errors';
import { displayErrors } from '../errors';
import { isComposition, photoCountOf } from '../renditions/composition';
import { isRenditionSize } from '../renditions/presets';
import { PHOTO_ID_SEPARATOR, type ReceivedRenditionUrl } from '../renditions/rendition-url';

// No leading zeros, so one size has exactly one spelling (and one signature). `.jpg`: walking-skeleton URLs.
const SIZE_PATTERN = /^([1-9]\d{1,3})x([1-9]\d{1,3})(\.jpg)?$/;
const RENDITION_PATH = /^\/renditions\/([^/?]+)\/([^/?]+)$/;

/**
 * Reads `/renditions/<photoId>[,<photoId>]/<W>x<H>[.jpg]?owner=&shape=&comp=&exp=&sig=` (relative to the display
 * mount). Everything checkable without a secret is checked here, so a malformed request is refused with 400
 * before any work: photo ids, a quantized screen size (presets.ts), a composition that fits the number of photos and the screen.
 * The signed query values are passed on raw (an array when repeated) for the signature check.
 * Returns undefined when the path is not a rendition path at all.
 */
export function parseRenditionRequest(pathAndQuery: string): ReceivedRenditionUrl | undefined {
  const queryAt = pathAndQuery.indexOf('?');
  const path = queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt);
  const match = RENDITION_PATH.exec(path);
  if (!match) return undefined;
  const query = new URLSearchParams(queryAt === -1 ? '' : pathAndQuery.slice(queryAt + 1));

  const photoIds = decodeSegment(match[1] ?? '').split(PHOTO_ID_SEPARATOR);
  if (photoIds.length > 2 || !photoIds.every((id) => photoIdSchema.safeParse(id).success)) {
    throw badRequest(
      'INVALID_PHOTO_ID',
      'A rendition names one photo id, or two (comma-separated) for a pair',
    );
  }
  if (photoIds.length === 2 && photoIds[0] === photoIds[1]) throw displayErrors.pairSamePhoto();

  const size = SIZE_PATTERN.exec(decodeSegment(match[2] ?? ''));
  const width = Number(size?.[1]);
  const height = Number(size?.[2]);
  if (!size || !isRenditionSize(width, height, 'RECTANGLE')) throw displayErrors.invalidRenditionSize();
  const legacyJpeg = size[3] !== undefined;

  const received: ReceivedRenditionUrl = {
    photoIds,
    width,
    height,
    legacyJpeg,
    owner: single(query, 'owner'),
    shape: single(query, 'shape'),
    comp: legacyJpeg ? 'contain' : single(query, 'comp'),
    exp: single(query, 'exp'),
    sig: single(query, 'sig'),
  };
  // A round screen's size is a square; anything else about the shape is the signature check's to refuse.
  if (received.shape === 'ROUND' && !isRenditionSize(width, height, 'ROUND')) {
    throw displayErrors.invalidRenditionSize();
  }
  if (received.comp !== undefined) {
    if (!isComposition(received.comp)) {
      throw displayErrors.invalidComposition('comp must be contain, cover or pair');
    }
    if (photoCountOf(received.comp) !== photoIds.length) {
      throw displayErrors.invalidComposition('pair names two photos; contain and cover name one');
    }
    if (received.comp === 'pair' && width <= height) {
      throw displayErrors.invalidComposition('pair needs a landscape screen');
    }
  }
  return received;
}

/** A repeated parameter is passed on as an array, which never verifies. */
function single(query: URLSearchParams, name: string): unknown {
  const values = query.getAll(name);
  return values.length <= 1 ? values[0] : values;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
