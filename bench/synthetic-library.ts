import type { Insertable } from 'kysely';
import type {
  AlbumsTable,
  Flag,
  PeopleTable,
  PhotoAlbumsTable,
  PhotoLabelSourcesTable,
  PhotoLabelsTable,
  PhotoPeopleTable,
  PhotosTable,
} from '../metadata-service/database/schema';
import { ancestorsOf } from '../common/vocabulary';
import { dayOf } from '../metadata-service/repositories/key-month-counts';
import { albumIdFor, normalizeName, personIdFor } from '../metadata-service/repositories/names';
import { shuffleKeyFor } from '../metadata-service/repositories/shuffle-order';

/**
 * A synthetic library shaped like a real one, deterministic for a given owner and size: 20 years of photos, a few
 * labels per photo with a long tail, 70% geotagged (a home city dominates), people on 40% of photos (family far
 * more often than friends), one folder album per month-event, 3% screenshots, 5% videos, 2% favourites, 1% undated.
 */
export const LABELS = [
  'beach', 'dog', 'family', 'food', 'sunset', 'city', 'mountain', 'snow', 'cat', 'flowers', 'forest', 'lake',
  'birthday', 'car', 'baby', 'party', 'museum', 'bridge', 'boat', 'garden', 'church', 'castle', 'horse', 'bird',
  'cake', 'pizza', 'wedding', 'concert', 'train', 'bike', 'tree', 'river', 'desert', 'island', 'sky', 'night',
  'statue', 'market', 'tent', 'kite',
] as const; // prettier-ignore

const COUNTRIES = [
  ['United States', 'US'], ['France', 'FR'], ['Italy', 'IT'], ['Spain', 'ES'], ['Germany', 'DE'], ['Japan', 'JP'],
  ['United Kingdom', 'GB'], ['Portugal', 'PT'], ['Greece', 'GR'], ['Mexico', 'MX'], ['Canada', 'CA'],
  ['Australia', 'AU'], ['Netherlands', 'NL'], ['Switzerland', 'CH'], ['Austria', 'AT'], ['Ireland', 'IE'],
  ['Norway', 'NO'], ['Iceland', 'IS'], ['Thailand', 'TH'], ['Brazil', 'BR'],
] as const; // prettier-ignore

export const CITY_COUNT = 200;
export const PEOPLE_COUNT = 300;
export const FIRST_YEAR = 2006;
export const YEARS = 20;

export function cityName(index: number): string {
  return index === 0 ? 'Santa Monica' : `City ${index}`;
}
/** The region of the city with that index (50 regions). */
export function regionName(index: number): string {
  return `Region ${index % 50}`;
}
/** The country of the city with that index (20 countries). */
export function countryName(index: number): string {
  return COUNTRIES[index % COUNTRIES.length]?.[0] ?? 'United States';
}
export function personName(index: number): string {
  return index === 0 ? 'Mom' : `Person ${index}`;
}

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index in [0, n) with weight 1/(i+1)^s: a few very common values, a long tail. */
function zipf(rand: () => number, n: number, s = 1.1): number {
  const weights = zipfTables.get(`${n}:${s}`) ?? buildZipf(n, s);
  const r = rand() * (weights[weights.length - 1] ?? 1);
  let lo = 0;
  let hi = weights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((weights[mid] ?? 0) < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const zipfTables = new Map<string, number[]>();
function buildZipf(n: number, s: number): number[] {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative.push((sum += 1 / Math.pow(i + 1, s)));
  zipfTables.set(`${n}:${s}`, cumulative);
  return cumulative;
}

export interface SyntheticBatch {
  photos: Insertable<PhotosTable>[];
  labels: Insertable<PhotoLabelsTable>[];
  labelSources: Insertable<PhotoLabelSourcesTable>[];
  photoPeople: Insertable<PhotoPeopleTable>[];
  photoAlbums: Insertable<PhotoAlbumsTable>[];
  albums: Map<string, Insertable<AlbumsTable>>;
}

export function peopleOf(ownerId: string): Insertable<PeopleTable>[] {
  return Array.from({ length: PEOPLE_COUNT }, (_, i) => {
    const name = personName(i);
    const normalized = normalizeName(name);
    return {
      id: personIdFor(ownerId, normalized),
      owner_id: ownerId,
      name,
      normalized_name: normalized,
      hidden: 0,
    };
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Photos [start, start + count) of an owner's synthetic library. */
export function syntheticBatch(ownerId: string, start: number, count: number): SyntheticBatch {
  const batch: SyntheticBatch = {
    photos: [],
    labels: [],
    labelSources: [],
    photoPeople: [],
    photoAlbums: [],
    albums: new Map(),
  };
  for (let n = start; n < start + count; n++) {
    const rand = random(n * 2654435761 + ownerId.length);
    const id = `ph_${ownerId}_${n}`;
    const year = FIRST_YEAR + Math.floor(rand() * YEARS);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const takenLocal =
      rand() < 0.01
        ? null
        : `${year}-${pad(month)}-${pad(day)}T${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:${pad(Math.floor(rand() * 60))}`;
    const isScreenshot: Flag = rand() < 0.03 ? 1 : 0;
    const isVideo = rand() < 0.05;
    const city = rand() < 0.7 ? (rand() < 0.3 ? 0 : zipf(rand, CITY_COUNT)) : undefined;
    const country = city === undefined ? undefined : COUNTRIES[city % COUNTRIES.length];
    batch.photos.push({
      id,
      owner_id: ownerId,
      content_hash: `sha256-${ownerId}-${n}`,
      bytes: 2_000_000 + Math.floor(rand() * 3_000_000),
      source_root: '/library',
      source_path: `${year}/${year}-${pad(month)}/IMG_${n}.jpg`,
      source_uri: `file:///library/${year}/${year}-${pad(month)}/IMG_${n}.jpg`,
      media_type: isVideo ? 'video/mp4' : 'image/jpeg',
      media_kind: isVideo ? 'video' : 'photo',
      width: 4032,
      height: 3024,
      orientation: 1,
      duration_ms: isVideo ? 15_000 : null,
      taken_local: takenLocal,
      taken_utc: null,
      taken_time_source: takenLocal === null ? 'file-modified' : 'exif-with-gps-zone',
      time_zone: city === undefined ? null : 'America/Los_Angeles',
      time_zone_source: city === undefined ? null : 'gps',
      latitude: city === undefined ? null : 34 + city / 100,
      longitude: city === undefined ? null : -118 - city / 100,
      place_city: city === undefined ? null : cityName(city),
      place_region: city === undefined ? null : regionName(city),
      place_country: city === undefined ? null : countryName(city),
      place_country_code: country?.[1] ?? null,
      camera_make: 'Apple',
      camera_model: 'iPhone 15',
      title: null,
      description: null,
      favorite: rand() < 0.02 ? 1 : 0,
      rating: null,
      left_out: isScreenshot,
      perceptual_hash: isVideo
        ? null
        : Math.floor(rand() * 0xffffffff)
            .toString(16)
            .padStart(8, '0')
            .repeat(2),
      duplicate_group_id: null,
      taken_month_day: takenLocal === null ? null : dayOf(takenLocal),
      shuffle_key: shuffleKeyFor(id),
      // The owner's numbers in order, as the repository would have given them (photo-numbers.ts).
      photo_number: n + 1,
      file_mtime: '2026-01-01T00:00:00.000Z',
      ingested_at: '2026-01-01T00:00:00.000Z',
    });
    const copy = { taken_local: takenLocal, left_out: isScreenshot, shuffle_key: shuffleKeyFor(id) };
    const labels = new Set<string>();
    const labelCount = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < labelCount; i++) labels.add(LABELS[zipf(rand, LABELS.length, 0.9)] ?? 'sky');
    for (const label of labels)
      batch.labelSources.push({ photo_id: id, label, source: 'keyword', confidence: 1 });
    // Filed under each label and its parents, as the repository does.
    for (const label of new Set([...labels].flatMap((l) => [l, ...ancestorsOf(l)]))) {
      batch.labels.push({ photo_id: id, label, owner_id: ownerId, ...copy });
    }
    if (rand() < 0.4) {
      const people = new Set<number>();
      const peopleCount = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < peopleCount; i++) people.add(zipf(rand, PEOPLE_COUNT, 1.2));
      for (const person of people) {
        batch.photoPeople.push({
          photo_id: id,
          person_id: personIdFor(ownerId, normalizeName(personName(person))),
          ...copy,
        });
      }
    }
    const albumName = `${year}-${pad(month)} Event ${Math.floor(rand() * 3) + 1}`;
    const normalized = normalizeName(albumName);
    const albumId = albumIdFor(ownerId, normalized);
    batch.albums.set(albumId, {
      id: albumId,
      owner_id: ownerId,
      name: albumName,
      normalized_name: normalized,
      source: 'folder',
      hidden: 0,
    });
    batch.photoAlbums.push({ photo_id: id, album_id: albumId, ...copy });
  }
  return batch;
}
