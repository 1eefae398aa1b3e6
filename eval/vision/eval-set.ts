/**
 * The vision evaluation set on disk: every row of ground-truth.ts as one image file named by its id, cut or composed
 * from the unpacked packages (scripts/fetch-vision-eval-set.sh), with the faces in the coordinates of that file.
 * Composites are made with sharp from fixed inputs and placements, so the same table always gives the same set.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import { CHIP_FACE_BOX, GROUND_TRUTH_ROWS } from './ground-truth';
import { FACE_TRUTH, parseGroundTruth, type FaceTruth, type PhotoTruth } from './ground-truth-schema';

export interface EvalPhoto {
  truth: PhotoTruth;
  /** Absolute path of the image in the set. */
  file: string;
  /** Upright size in pixels. */
  width: number;
  height: number;
  /** The table's faces, or for a composite the faces its placement made. */
  faces: FaceTruth[];
}

const MANIFEST_ENTRY = z.object({
  id: z.string(),
  file: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  faces: z.array(FACE_TRUTH),
});
const MANIFEST = z.object({ version: z.string(), photos: z.array(MANIFEST_ENTRY) });

/** The table, validated. */
export function groundTruth(): PhotoTruth[] {
  return parseGroundTruth(GROUND_TRUTH_ROWS);
}

/** Changes whenever the table does: a set built from an older table is rebuilt. */
export function setVersion(rows: readonly PhotoTruth[]): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
}

/**
 * Builds the set under `into` (once per table version) from the packages unpacked at `root`, and returns it. A
 * missing source file is an error naming the row: a set with holes would measure something else.
 */
export async function assembleEvalSet(root: string, into: string): Promise<EvalPhoto[]> {
  const rows = groundTruth();
  const version = setVersion(rows);
  const dir = join(into, `set-${version}`);
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    const building = `${dir}.building`;
    await rm(building, { recursive: true, force: true });
    await mkdir(building, { recursive: true });
    const photos: z.infer<typeof MANIFEST_ENTRY>[] = [];
    for (const row of rows) photos.push(await writePhoto(root, building, row));
    await writeFile(join(building, 'manifest.json'), JSON.stringify({ version, photos }, null, 1));
    await rm(dir, { recursive: true, force: true });
    await rename(building, dir);
    // Sets built from older tables are of no use any more.
    for (const old of await readdir(into))
      if (old.startsWith('set-') && old !== `set-${version}`)
        await rm(join(into, old), { recursive: true, force: true });
  }
  return loadEvalSet(dir);
}

/** A set built before: its manifest, joined with the table rows it was built from. */
export async function loadEvalSet(dir: string): Promise<EvalPhoto[]> {
  const manifest = MANIFEST.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  const rows = groundTruth();
  if (manifest.version !== setVersion(rows))
    throw new Error(`evaluation set at ${dir} was built from another version of the ground truth table`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return manifest.photos.map((entry) => {
    const truth = byId.get(entry.id);
    if (!truth) throw new Error(`evaluation set entry ${entry.id} is not in the table`);
    return {
      truth,
      file: join(dir, entry.file),
      width: entry.width,
      height: entry.height,
      faces: entry.faces,
    };
  });
}

async function writePhoto(
  root: string,
  dir: string,
  row: PhotoTruth,
): Promise<z.infer<typeof MANIFEST_ENTRY>> {
  const source = row.source;
  const inRoot = (file: string) => {
    const path = join(root, file);
    if (!existsSync(path)) throw new Error(`${row.id}: ${file} is not in the unpacked packages at ${root}`);
    return path;
  };
  if ('background' in source) {
    const file = `${row.id}.jpg`;
    const made = await composite(inRoot(source.background), source.longSide, source.faces, inRoot);
    await sharp(made.image).jpeg({ quality: 92 }).toFile(join(dir, file));
    return { id: row.id, file, width: made.width, height: made.height, faces: made.faces };
  }
  const path = inRoot(source.file);
  if ('crop' in source) {
    const meta = await sharp(path).metadata();
    const [l, t, w, h] = source.crop;
    const region = {
      left: Math.round(l * meta.width),
      top: Math.round(t * meta.height),
      width: Math.min(Math.round(w * meta.width), meta.width - Math.round(l * meta.width)),
      height: Math.min(Math.round(h * meta.height), meta.height - Math.round(t * meta.height)),
    };
    const file = `${row.id}.jpg`;
    await sharp(path).extract(region).jpeg({ quality: 95 }).toFile(join(dir, file));
    return { id: row.id, file, width: region.width, height: region.height, faces: row.faces };
  }
  const file = `${row.id}${extname(path).toLowerCase()}`;
  await copyFile(path, join(dir, file));
  const meta = await sharp(path).metadata();
  // EXIF orientations 5-8 swap the sides of the upright picture.
  const swapped = (meta.orientation ?? 1) >= 5;
  return {
    id: row.id,
    file,
    width: swapped ? meta.height : meta.width,
    height: swapped ? meta.width : meta.height,
    faces: row.faces,
  };
}

interface Placement {
  chip: string;
  identity: string;
  left: number;
  top: number;
  size: number;
}

async function composite(
  background: string,
  longSide: number,
  placements: readonly Placement[],
  inRoot: (file: string) => string,
): Promise<{ image: Buffer; width: number; height: number; faces: FaceTruth[] }> {
  const { data, info } = await sharp(background)
    .rotate()
    .resize(longSide, longSide, { fit: 'inside' })
    .removeAlpha()
    .png()
    .toBuffer({ resolveWithObject: true });
  const layers = [];
  const faces: FaceTruth[] = [];
  const [fl, ft, fw, fh] = CHIP_FACE_BOX;
  for (const place of placements) {
    if (place.left + place.size > info.width || place.top + place.size > info.height)
      throw new Error(`${place.chip} placed outside the ${info.width}x${info.height} background`);
    layers.push({
      input: await sharp(inRoot(place.chip)).resize(place.size, place.size).toBuffer(),
      left: place.left,
      top: place.top,
    });
    faces.push({
      box: [
        (place.left + fl * place.size) / info.width,
        (place.top + ft * place.size) / info.height,
        (fw * place.size) / info.width,
        (fh * place.size) / info.height,
      ],
      identity: place.identity,
    });
  }
  const image = await sharp(data).composite(layers).toBuffer();
  return { image, width: info.width, height: info.height, faces };
}
