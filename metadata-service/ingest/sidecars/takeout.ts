import { z } from 'zod';
import { captureTimeFromInstant, placeCaptureTime } from '../exif-dates';
import type { PhotoMetadata } from '../photo-metadata';

const timestampSchema = z.object({
  timestamp: z.union([z.string().regex(/^-?\d{1,15}$/), z.number().int()]).transform(Number),
});
const positionSchema = z.object({ latitude: z.number(), longitude: z.number() });

/** A Google Takeout per-photo sidecar (`IMG_1.JPG.json`). Unknown fields are dropped, not rejected. */
export const takeoutSidecarSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  photoTakenTime: timestampSchema.optional(),
  geoData: positionSchema.optional(),
  geoDataExif: positionSchema.optional(),
  people: z.array(z.object({ name: z.string() })).optional(),
  favorited: z.boolean().optional(),
});
export type TakeoutSidecar = z.infer<typeof takeoutSidecarSchema>;

/** A Takeout album folder's `metadata.json`. */
export const takeoutAlbumSchema = z.object({ title: z.string().trim().min(1) });

/** The album file Takeout writes in each album folder. */
export const TAKEOUT_ALBUM_FILE = 'metadata.json';

/**
 * The album file's name in the account's language, as Takeout writes it (`métadonnées.json`, `Metadaten.json`,
 * `metadatos.json`, …), most common first.
 */
export const TAKEOUT_ALBUM_FILE_NAMES: readonly string[] = [
  TAKEOUT_ALBUM_FILE,
  'métadonnées.json',
  'Metadaten.json',
  'metadatos.json',
  'metadati.json',
  'metadados.json',
  'metadades.json',
  'metagegevens.json',
  'metadane.json',
  'metadáta.json',
];

/** Compared lower-case and NFC, as file systems may hand back either normalization. */
const TAKEOUT_ALBUM_FILES: ReadonlySet<string> = new Set(
  TAKEOUT_ALBUM_FILE_NAMES.map((name) => name.normalize('NFC').toLowerCase()),
);

export function isTakeoutAlbumFileName(name: string): boolean {
  return TAKEOUT_ALBUM_FILES.has(name.normalize('NFC').toLowerCase());
}

export type SidecarParse<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseTakeoutSidecar(json: unknown): SidecarParse<TakeoutSidecar> {
  const parsed = takeoutSidecarSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: describe(parsed.error) };
}

export function parseTakeoutAlbum(json: unknown): SidecarParse<string> {
  const parsed = takeoutAlbumSchema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data.title }
    : { ok: false, reason: describe(parsed.error) };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'sidecar'}: ${issue.message}` : 'invalid sidecar';
}

/** Takeout cuts a sidecar's name to 51 characters, `.json` included. */
const MAX_SIDECAR_STEM = 46;
const SUPPLEMENTAL = '.supplemental-metadata';
const DUPLICATE_COUNTER = /^(.*)\((\d+)\)(\.[^.]*)?$/;
/** Google Photos' suffix for an edited copy, in the languages Takeout writes it; the copy has no sidecar of its own. */
const EDITED_SUFFIX =
  /^(.*)-(edited|bearbeitet|modifié|editado|modificato|bewerkt|redigerad|muokattu)(\.[^.]*)?$/i;

/**
 * Names a Takeout sidecar of `fileName` may have, most likely first: `IMG_1.JPG.json`,
 * `IMG_1.JPG.supplemental-metadata.json` (newer exports), both cut to Takeout's length limit, the duplicate form
 * (`IMG_1(1).JPG` → `IMG_1.JPG(1).json`), an edited copy's original (`IMG_1-edited.JPG` → `IMG_1.JPG.json`), and
 * the extension-less `IMG_1.json` older exports used for long names.
 */
export function takeoutSidecarNames(fileName: string): string[] {
  const names: string[] = [];
  const add = (stem: string, counter = ''): void => {
    for (const candidate of [`${stem}${counter}.json`, `${stem.slice(0, MAX_SIDECAR_STEM)}${counter}.json`]) {
      if (!names.includes(candidate)) names.push(candidate);
    }
  };
  const forName = (name: string): void => {
    const duplicate = DUPLICATE_COUNTER.exec(name);
    if (duplicate) {
      const original = `${duplicate[1] ?? ''}${duplicate[3] ?? ''}`;
      const counter = `(${duplicate[2] ?? ''})`;
      add(original, counter);
      add(`${original}${SUPPLEMENTAL}`, counter);
    }
    add(name);
    add(`${name}${SUPPLEMENTAL}`);
  };
  forName(fileName);
  const edited = EDITED_SUFFIX.exec(fileName);
  if (edited) forName(`${edited[1] ?? ''}${edited[3] ?? ''}`);
  const stem = fileName.replace(/\.[^.]*$/, '');
  if (stem !== fileName) add(stem);
  return names;
}

/** Takeout's `title` is usually just the file name; that is not a title a person gave the photo. */
const FILE_NAME_LIKE = /\.(jpe?g|png|webp|avif|heic|heif|tiff?|gif|mp4|mov|m4v|3gp|dng)$/i;

/**
 * Merges a Takeout sidecar into what the file said. The file wins where it has data (its date, its GPS); the
 * sidecar fills what it lacks — a date for a file dated only by mtime or its container, a position (which also
 * places an EXIF local time in its zone) — and adds title, description, people and the favourite flag.
 */
export function applyTakeoutSidecar(metadata: PhotoMetadata, sidecar: TakeoutSidecar): PhotoMetadata {
  const sidecarGps =
    [sidecar.geoData, sidecar.geoDataExif].map(validPosition).find((p) => p !== null) ?? null;
  const gps = metadata.gps ?? sidecarGps;
  let taken = metadata.taken;
  if (!metadata.gps && gps) taken = placeCaptureTime(taken, gps);

  const takenMs = sidecar.photoTakenTime ? sidecar.photoTakenTime.timestamp * 1000 : undefined;
  const sidecarDateUsable =
    takenMs !== undefined && Number.isFinite(takenMs) && takenMs > 0 && takenMs < 8.64e15;
  if (sidecarDateUsable && (taken.source === 'file-modified' || taken.source === 'video-container')) {
    taken = captureTimeFromInstant(takenMs, 'sidecar', gps);
  }

  const title = nonEmpty(sidecar.title);
  return {
    ...metadata,
    gps,
    taken,
    title: metadata.title ?? (title && !FILE_NAME_LIKE.test(title) ? title : null),
    description: metadata.description ?? nonEmpty(sidecar.description),
    people: unique([...metadata.people, ...(sidecar.people ?? []).map((p) => p.name.trim())]),
    favorite: metadata.favorite || sidecar.favorited === true,
  };
}

/** Takeout writes 0,0 for "no position". */
function validPosition(position: { latitude: number; longitude: number } | undefined): PhotoMetadata['gps'] {
  if (!position) return null;
  const { latitude, longitude } = position;
  if (latitude === 0 && longitude === 0) return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

function nonEmpty(value: string | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}
