/** What the web app's API answers (display-service/webapp/server/webapp-api.ts), as the browser reads it. */
export interface Progress {
  state: string;
  done: number;
  total: number;
  reason?: string;
}

export interface Status {
  photoCount: number;
  ingest: Progress | null;
  vision: Progress | null;
  skipped: { path: string; code: string; reason: string }[];
  notReady: string[];
}

export interface Tile {
  id: string;
  takenLocal: string | null;
  url: string;
}

export interface SearchAnswer {
  total: number;
  understood: { kind: string; text: string; reading: string }[];
  nothingFound: string | null;
  nextCursor: string | null;
  photos: Tile[];
}

export interface Person {
  id: string;
  name: string | null;
  hidden: boolean;
  photoCount: number;
  faceCount: number;
}

export interface NamedEntry {
  id: string;
  name: string;
  photoCount: number;
}

export interface LabelSource {
  kind: string;
  confidence?: number;
  [detail: string]: unknown;
}

export interface PhotoDetails {
  url: string;
  facts: {
    id: string;
    takenLocal: string | null;
    takenTimeSource: string;
    timeZone: string | null;
    place: { city?: string | null; region?: string | null; country?: string | null } | null;
    camera: { make: string | null; model: string | null } | null;
    favorite: boolean;
    hidden: boolean;
    source: { path: string };
    albums: { id: string; name: string; source: string }[];
    provenance?: {
      labels: { name: string; answersSearch: boolean; sources: LabelSource[] }[];
      people: { id: string; name: string | null; sources: { kind: string; faceId?: string }[] }[];
    };
  };
  faces: { id: string; person: { id: string; name: string | null } | null }[];
}

export interface FrameProfile {
  shows: Shows;
  intervalSeconds: number;
  captions: boolean;
  clock: boolean;
  dim: boolean;
  dimFrom: string;
  dimTo: string;
  dimLevel: number;
  /** Share of the ambient slideshow's items that are clips; absent: the display's default. */
  clipSharePercent?: number;
  showsText: string;
  version: string;
}

export type Shows =
  | { kind: 'everything' }
  | { kind: 'favourites' }
  | { kind: 'person'; personId: string }
  | { kind: 'album'; albumId: string }
  | { kind: 'query'; q: string };

export interface Frame {
  deviceId: string;
  kind: 'linked' | 'screen';
  frameId: string | null;
  since: string;
  profile: FrameProfile | null;
}
