import { createHash } from 'node:crypto';
import type { DisplayApi } from '../../../common/clients/display-client';
import type { LibraryApi } from '../../../common/clients/library-client';
import {
  photoQuerySchema,
  personUpdateSchema,
  photoFlagsSchema,
  type Person,
  type PersonUpdate,
  type PhotoFaces,
  type AmbientPosition,
  type CreateSlideshowRequest,
  type LinkedFrame,
  type NothingFound,
  type PhotoCaptionFacts,
  type PhotoFacts,
  type PhotoFlags,
  type PhotoQuery,
  type PhotoSummary,
  type SearchRequest,
  type SearchResponse,
  type SlideshowPage,
  type StartAmbientRequest,
  type Vocabulary,
} from '../../../common/contracts';
import { notFound } from '../../../common/errors';
import { parseInput } from '../../../common/validation';
import { barePhotoFacts } from '../../support/bare-photo-facts';

interface NamedRef {
  id: string;
  name: string;
}

/** A photo in the test library: only what queries, captions, flags and the vocabulary look at. */
export interface TestPhoto {
  id: string;
  labels: string[];
  takenLocal: string;
  people?: NamedRef[];
  albums?: NamedRef[];
  place?: PhotoCaptionFacts['place'];
  favorite?: boolean;
  hidden?: boolean;
  /** 'photo' unless said. */
  mediaKind?: 'photo' | 'video';
  /** The label evidence the library keeps (source, confidence); `labels` as keywords when not given. */
  labelEvidence?: PhotoFacts['labels'];
  /** Where the capture time came from: EXIF with its offset unless said ('file-modified': only the file's time). */
  takenTimeSource?: PhotoFacts['takenTimeSource'];
  /** Faces vision found, left to right; a person whose name is null is a face cluster nobody has named yet. */
  faces?: Array<{ person: { id: string; name: string | null } | null }>;
}

function matches(photo: TestPhoto, query: PhotoQuery | undefined): boolean {
  if (photo.hidden) return false;
  if (!query) return true;
  if (!(query.labels ?? []).every((label) => photo.labels.includes(label))) return false;
  const has = (refs: NamedRef[] | undefined, id: string) => (refs ?? []).some((ref) => ref.id === id);
  if (!(query.people ?? []).every((id) => has(photo.people, id))) return false;
  if (!(query.albums ?? []).every((id) => has(photo.albums, id))) return false;
  if (query.takenFrom && photo.takenLocal < query.takenFrom) return false;
  if (query.takenTo && photo.takenLocal >= query.takenTo) return false;
  if (query.favoritesOnly && !photo.favorite) return false;
  const windows = query.monthDays ?? [];
  if (windows.length > 0 && !windows.some((window) => inMonthDayWindow(photo.takenLocal, window)))
    return false;
  const kinds = query.mediaKinds ?? [];
  if (kinds.length > 0 && !kinds.includes(photo.mediaKind ?? 'photo')) return false;
  const places = query.places ?? [];
  if (places.length > 0 && !places.some((place) => inPlace(photo, place))) return false;
  return true;
}

const DAY_MS = 86_400_000;
/** Day of the year in a leap year, so 29 February has one. */
const dayOfYear = (month: number, day: number): number =>
  Math.round((Date.UTC(2024, month - 1, day) - Date.UTC(2024, 0, 1)) / DAY_MS);

/** Whether a capture-local time falls on the window's month-day in any year, ±plusMinusDays across New Year. */
function inMonthDayWindow(takenLocal: string, window: PhotoQuery['monthDays'][number]): boolean {
  const at = dayOfYear(Number(takenLocal.slice(5, 7)), Number(takenLocal.slice(8, 10)));
  const distance = Math.abs(at - dayOfYear(window.month, window.day));
  return Math.min(distance, 366 - distance) <= window.plusMinusDays;
}

const TEST_PLACE_LEVELS = ['city', 'region', 'country'] as const;

/**
 * A place filter matches the photo's place name at its level (any level when none is given), ignoring case. Test
 * photos know only city, region and country: a filter at another level matches none of them.
 */
function inPlace(photo: TestPhoto, place: PhotoQuery['places'][number]): boolean {
  const levels = place.level ? TEST_PLACE_LEVELS.filter((level) => level === place.level) : TEST_PLACE_LEVELS;
  return levels.some((level) => photo.place?.[level]?.toLowerCase() === place.name.toLowerCase());
}

/** The order a slideshow plays: by capture time, or a shuffle that is the same for the same seed. */
function inOrder(photos: TestPhoto[], query: PhotoQuery | undefined): TestPhoto[] {
  if (query?.order !== 'shuffle') return photos;
  const key = (photo: TestPhoto) =>
    createHash('sha256')
      .update(`${query.seed ?? ''}:${photo.id}`)
      .digest('hex');
  return [...photos].sort((a, b) => key(a).localeCompare(key(b)));
}

function summary(photo: TestPhoto): PhotoSummary {
  return {
    id: photo.id,
    takenLocal: photo.takenLocal,
    width: 4000,
    height: 3000,
    orientation: 1,
    source: {
      path: `${photo.id}.jpg`,
      uri: `file:///photos/${photo.id}.jpg`,
      contentHash: photo.id,
      bytes: 1000,
    },
  };
}

/** Ways to say a name, as the library offers them: lower-cased, and the first name alone. */
function synonymsOf(name: string): string[] {
  const lower = name.toLowerCase();
  const first = lower.split(/\s+/)[0] ?? lower;
  return [...new Set([lower, first])].filter((synonym) => synonym !== name);
}

/**
 * Library double over a fixed photo list, filtering the way the real search does (labels, people, albums, capture
 * time; hidden photos never found), with facts, caption facts, flags and a vocabulary derived from the same photos.
 * Records every call with its owner.
 */
export class InMemoryLibrary implements LibraryApi {
  readonly searches: Array<{ ownerId: string; request: SearchRequest }> = [];
  readonly vocabularyCalls: string[] = [];
  readonly getPhotoCalls: Array<{ ownerId: string; photoId: string }> = [];

  constructor(private readonly photos: TestPhoto[]) {}

  search(ownerId: string, request: SearchRequest): Promise<SearchResponse> {
    this.searches.push({ ownerId, request });
    const found = this.photos.filter((photo) => matches(photo, request.query as PhotoQuery));
    const offset = request.offset ?? 0;
    const limit = request.limit ?? 100;
    const sorted = found.map((p) => p.takenLocal).sort();
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    const query = request.query as PhotoQuery | undefined;
    return Promise.resolve({
      total: found.length,
      span: first && last ? { first, last } : null,
      photos: found.slice(offset, offset + limit).map(summary),
      ...(found.length === 0 && query ? nothingFoundFor(this.photos, query) : {}),
    });
  }

  getPhoto(ownerId: string, photoId: string): Promise<PhotoFacts> {
    this.getPhotoCalls.push({ ownerId, photoId });
    const photo = this.photos.find((candidate) => candidate.id === photoId);
    if (!photo) return Promise.reject(notFound('PHOTO_NOT_FOUND', 'No such photo'));
    return Promise.resolve(factsOf(photo));
  }

  describePhotos(_ownerId: string, photoIds: readonly string[]): Promise<PhotoCaptionFacts[]> {
    const described = photoIds.flatMap((id) => {
      const photo = this.photos.find((candidate) => candidate.id === id);
      return photo
        ? [
            {
              id: photo.id,
              takenLocal: photo.takenLocal,
              place: photo.place ?? null,
              people: (photo.people ?? []).map((person) => person.name),
            },
          ]
        : [];
    });
    return Promise.resolve(described);
  }

  setPhotoFlags(ownerId: string, photoId: string, flags: PhotoFlags): Promise<PhotoFacts> {
    const valid = parseInput(photoFlagsSchema, flags);
    const photo = this.photos.find((candidate) => candidate.id === photoId);
    if (!photo) return Promise.reject(notFound('PHOTO_NOT_FOUND', 'No such photo'));
    if (valid.favorite !== undefined) photo.favorite = valid.favorite;
    if (valid.hidden !== undefined) photo.hidden = valid.hidden;
    return this.getPhoto(ownerId, photoId);
  }

  readonly personUpdates: Array<{ ownerId: string; personId: string; update: PersonUpdate }> = [];

  facesInPhoto(_ownerId: string, photoId: string): Promise<PhotoFaces> {
    const photo = this.photos.find((candidate) => candidate.id === photoId);
    if (!photo) return Promise.reject(notFound('PHOTO_NOT_FOUND', 'No such photo'));
    return Promise.resolve({
      photoId,
      faces: (photo.faces ?? []).map((face, i) => ({
        box: { left: i * 0.3, top: 0.2, width: 0.2, height: 0.3 },
        score: 0.9,
        person: face.person && { ...face.person, hidden: false },
      })),
    });
  }

  /** Names a person as the library does: a name someone already has merges the two under that person's id. */
  updatePerson(ownerId: string, personId: string, update: PersonUpdate): Promise<Person> {
    this.personUpdates.push({ ownerId, personId, update });
    const valid = parseInput(personUpdateSchema, update);
    const faces = this.photos.flatMap((photo) =>
      (photo.faces ?? []).flatMap((face) => (face.person?.id === personId ? [{ photo, face }] : [])),
    );
    if (faces.length === 0) return Promise.reject(notFound('PERSON_NOT_FOUND', 'No such person'));
    const name = valid.name;
    const named = name
      ? this.photos.flatMap((photo) => photo.people ?? []).find((person) => person.name === name)
      : undefined;
    const id = named?.id ?? personId;
    for (const { photo, face } of faces) {
      face.person = { id, name: name ?? face.person?.name ?? null };
      if (name && !(photo.people ?? []).some((person) => person.id === id)) {
        photo.people = [...(photo.people ?? []), { id, name }];
      }
    }
    const photoCount = this.photos.filter((photo) => (photo.people ?? []).some((p) => p.id === id)).length;
    return Promise.resolve({
      id,
      name: name ?? null,
      hidden: valid.hidden ?? false,
      photoCount,
      faceCount: faces.length,
    });
  }

  vocabulary(ownerId: string): Promise<Vocabulary> {
    this.vocabularyCalls.push(ownerId);
    const visible = this.photos.filter((photo) => !photo.hidden);
    const entries = (refsOf: (photo: TestPhoto) => NamedRef[] | undefined) => {
      const counts = new Map<string, { ref: NamedRef; photoCount: number }>();
      for (const photo of visible) {
        for (const ref of refsOf(photo) ?? []) {
          const entry = counts.get(ref.id) ?? { ref, photoCount: 0 };
          entry.photoCount += 1;
          counts.set(ref.id, entry);
        }
      }
      return [...counts.values()].map(({ ref, photoCount }) => ({
        id: ref.id,
        name: ref.name,
        synonyms: synonymsOf(ref.name),
        photoCount,
      }));
    };
    const labelCounts = new Map<string, number>();
    for (const photo of visible) {
      for (const label of photo.labels) labelCounts.set(label, (labelCounts.get(label) ?? 0) + 1);
    }
    return Promise.resolve({
      people: entries((photo) => photo.people),
      albums: entries((photo) => photo.albums),
      labels: [...labelCounts].map(([name, photoCount]) => ({ name, photoCount })),
    });
  }
}

type Constraint = { kind: NothingFound['failed'][number]['kind']; text: string; only: Partial<PhotoQuery> };

/** A structured query's constraints one by one, each as the part of a query that asks for it alone. */
function constraintsOf(query: PhotoQuery): Constraint[] {
  const constraints: Constraint[] = [
    ...(query.labels ?? []).map((label) => ({
      kind: 'label' as const,
      text: label,
      only: { labels: [label] },
    })),
    ...(query.people ?? []).map((id) => ({ kind: 'person' as const, text: id, only: { people: [id] } })),
    ...(query.albums ?? []).map((id) => ({ kind: 'album' as const, text: id, only: { albums: [id] } })),
    ...(query.places ?? []).map((place) => ({
      kind: 'place' as const,
      text: place.name,
      only: { places: [place] },
    })),
  ];
  if (query.takenFrom || query.takenTo) {
    const only = { takenFrom: query.takenFrom, takenTo: query.takenTo };
    constraints.push({ kind: 'date', text: query.takenFrom ?? '', only });
  }
  if (query.favoritesOnly)
    constraints.push({ kind: 'favorites', text: 'favorites', only: { favoritesOnly: true } });
  if ((query.mediaKinds ?? []).includes('video') && !(query.mediaKinds ?? []).includes('photo')) {
    constraints.push({ kind: 'video', text: 'videos', only: { mediaKinds: ['video'] } });
  }
  return constraints;
}

/**
 * The library's account of a structured query that found nothing, worked out the way the contract says: each
 * constraint that matches nothing on its own ('no-photos'), else the combination; and at most one alternative
 * that leaves out one constraint and keeps at least one other.
 */
function nothingFoundFor(photos: TestPhoto[], query: PhotoQuery): { nothingFound: NothingFound } | object {
  const constraints = constraintsOf(query);
  if (constraints.length === 0) return {};
  const base = photoQuerySchema.parse({});
  const alone = (only: Partial<PhotoQuery>) => photos.filter((photo) => matches(photo, { ...base, ...only }));
  const empty = constraints.filter((constraint) => alone(constraint.only).length === 0);
  const failed = (empty.length > 0 ? empty : constraints.slice(-1)).map((constraint) => ({
    kind: constraint.kind,
    text: constraint.text,
    reason: empty.length > 0 ? ('no-photos' as const) : ('combination' as const),
  }));
  let alternative: NothingFound['alternative'];
  if (constraints.length > 1) {
    for (const dropped of [...constraints].reverse()) {
      const kept = constraints.filter((constraint) => constraint !== dropped);
      const keptQuery = {
        ...base,
        ...Object.assign({}, ...kept.map((constraint) => constraint.only)),
      } as PhotoQuery;
      const found = photos
        .filter((photo) => matches(photo, keptQuery))
        .map((photo) => photo.takenLocal)
        .sort();
      const first = found[0];
      const last = found[found.length - 1];
      if (first && last) {
        alternative = {
          dropped: { kind: dropped.kind, text: dropped.text },
          query: keptQuery,
          total: found.length,
          span: { first, last },
        };
        break;
      }
    }
  }
  return { nothingFound: { failed, ...(alternative ? { alternative } : {}) } };
}

function factsOf(photo: TestPhoto): PhotoFacts {
  const facts = barePhotoFacts(summary(photo), photo.labels);
  return {
    ...facts,
    place: photo.place ? { ...photo.place, countryCode: null } : null,
    favorite: photo.favorite ?? false,
    hidden: photo.hidden ?? false,
    mediaKind: photo.mediaKind ?? 'photo',
    ...(photo.labelEvidence ? { labels: photo.labelEvidence } : {}),
    takenTimeSource: photo.takenTimeSource ?? 'exif-with-offset',
    people: photo.people ?? [],
    albums: (photo.albums ?? []).map((album) => ({ ...album, source: 'folder' as const })),
  };
}

interface StoredSlideshow {
  ownerId: string;
  photos: TestPhoto[];
  width: number;
  height: number;
  endless: boolean;
}

/**
 * Display double: slideshows over the same photo list, with rendition URLs that name the requested size. The
 * ambient slideshow is the whole (visible) library, one per owner and device, resumed at its saved position.
 */
export class InMemoryDisplay implements DisplayApi {
  readonly created: CreateSlideshowRequest[] = [];
  readonly ambientStarts: StartAmbientRequest[] = [];
  readonly pageRequests: Array<{ ownerId: string; slideshowId: string; start: number; count: number }> = [];
  readonly frameLinks: Array<{ ownerId: string; code: string }> = [];
  private readonly slideshows = new Map<string, StoredSlideshow>();
  private readonly positions = new Map<string, number>();
  /** Codes web frames show while they wait to be linked, and the frame showing each. */
  private readonly frameCodes = new Map<string, string>();

  constructor(private readonly photos: TestPhoto[]) {}

  createSlideshow(request: CreateSlideshowRequest): Promise<SlideshowPage> {
    this.created.push(request);
    const slideshowId = `ss_test${String(this.slideshows.size + 1).padStart(8, '0')}`;
    this.store(slideshowId, request.ownerId, request.viewport, request.query as PhotoQuery, false);
    return this.getSlideshowPage(request.ownerId, slideshowId, 0, request.pageSize ?? 10, false);
  }

  startAmbient(request: StartAmbientRequest): Promise<SlideshowPage> {
    this.ambientStarts.push(request);
    const slideshowId = `ss_ambient_${request.ownerId}_${request.deviceId}`.replace(/[^A-Za-z0-9_-]/g, '_');
    if (!this.slideshows.has(slideshowId)) {
      this.store(slideshowId, request.ownerId, request.viewport, undefined, true);
    }
    const position = this.positions.get(slideshowId) ?? 0;
    return this.getSlideshowPage(request.ownerId, slideshowId, position, request.pageSize ?? 10, false);
  }

  saveAmbientPosition(ownerId: string, slideshowId: string, index: number): Promise<AmbientPosition> {
    const slideshow = this.slideshows.get(slideshowId);
    if (!slideshow?.endless || slideshow.ownerId !== ownerId) {
      return Promise.reject(notFound('SLIDESHOW_NOT_FOUND', 'No such ambient slideshow'));
    }
    this.positions.set(slideshowId, index);
    return Promise.resolve({ slideshowId, position: index });
  }

  /** A web frame now shows `code` (single use), as the display service would have it. */
  offerFrameCode(code: string, frameId: string): void {
    this.frameCodes.set(code, frameId);
  }

  linkFrame(ownerId: string, code: string): Promise<LinkedFrame> {
    this.frameLinks.push({ ownerId, code });
    const frameId = this.frameCodes.get(code);
    if (!frameId) return Promise.reject(notFound('FRAME_CODE_INVALID', 'No frame shows that code'));
    this.frameCodes.delete(code);
    return Promise.resolve({ frameId, ownerId, linkedAt: new Date().toISOString() });
  }

  getSlideshowPage(
    ownerId: string,
    slideshowId: string,
    start: number,
    count: number,
    record = true,
  ): Promise<SlideshowPage> {
    if (record) this.pageRequests.push({ ownerId, slideshowId, start, count });
    const slideshow = this.slideshows.get(slideshowId);
    if (!slideshow || slideshow.ownerId !== ownerId) {
      return Promise.reject(notFound('SLIDESHOW_NOT_FOUND', 'No such slideshow'));
    }
    const items = slideshow.photos.slice(start, start + count).map((photo, offset) => ({
      index: start + offset,
      photoIds: [photo.id],
      url: `https://display.test/r/${photo.id}_${slideshow.width}x${slideshow.height}.jpg`,
      width: slideshow.width,
      height: slideshow.height,
      takenLocal: photo.takenLocal,
      layout: 'single' as const,
      caption: {
        takenLocal: photo.takenLocal,
        place: photo.place ?? null,
        people: (photo.people ?? []).map((person) => person.name),
      },
    }));
    const times = slideshow.photos.map((p) => p.takenLocal).sort();
    const first = times[0];
    const last = times[times.length - 1];
    return Promise.resolve({
      slideshowId,
      total: slideshow.photos.length,
      span: first && last ? { first, last } : null,
      startIndex: start,
      items,
      ...(slideshow.endless
        ? { endless: true as const, position: this.positions.get(slideshowId) ?? 0 }
        : { photoCount: slideshow.photos.length }),
    });
  }

  private store(
    slideshowId: string,
    ownerId: string,
    viewport: { width: number; height: number },
    query: PhotoQuery | undefined,
    endless: boolean,
  ): void {
    this.slideshows.set(slideshowId, {
      ownerId,
      photos: inOrder(
        this.photos.filter((photo) => matches(photo, query)),
        query,
      ),
      width: viewport.width,
      height: viewport.height,
      endless,
    });
  }
}
