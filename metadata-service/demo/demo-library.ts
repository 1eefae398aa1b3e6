import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import { demoPhotoPlan, type DemoPhoto } from './demo-plan';
import { sceneSvg } from './demo-scenes';

/** Bump when the plan or drawing changes, so existing demo folders are regenerated. */
const DEMO_VERSION = 1;
const MANIFEST = '.photo-frame-demo.json';
const JPEG_QUALITY = 85;
/** Two at a time: enough to use both cores, without holding many decoded canvases in memory. */
const CONCURRENCY = 2;

const manifestSchema = z.object({ key: z.string(), files: z.array(z.string()) });

/**
 * Generates the demo photo library in `dir` once per set: realistic JPEGs (SVG scenes) carrying EXIF capture time
 * with offset, GPS, camera and orientation, and XMP keywords, dated relative to `today`. When the set for `today`
 * (its month) already exists nothing is written; otherwise the previous set's files are replaced.
 */
export async function ensureDemoLibrary(dir: string, today: Date): Promise<{ created: number }> {
  const key = `v${DEMO_VERSION}:${today.toISOString().slice(0, 7)}`;
  const previous = await readManifest(dir);
  if (previous?.key === key && (await allExist(dir, previous.files))) return { created: 0 };
  if (previous) {
    // Only files we generated: the folder may also hold the user's own experiments.
    await Promise.all(previous.files.map((file) => rm(join(dir, ...file.split('/')), { force: true })));
  }

  const plan = demoPhotoPlan(today);
  await mkdir(dir, { recursive: true });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plan.length) {
      const photo = plan[next++] as DemoPhoto;
      await writeDemoPhoto(dir, photo);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  // Written last and renamed into place: a crash mid-generation leaves no manifest, so the next start redoes it.
  const manifest = join(dir, MANIFEST);
  await writeFile(`${manifest}.tmp`, JSON.stringify({ key, files: plan.map((p) => p.path) }, null, 2));
  await rename(`${manifest}.tmp`, manifest);
  return { created: plan.length };
}

async function writeDemoPhoto(dir: string, photo: DemoPhoto): Promise<void> {
  const target = join(dir, ...photo.path.split('/'));
  await mkdir(dirname(target), { recursive: true });
  const svg = Buffer.from(sceneSvg(photo.scene, photo.width, photo.height, photo.seed));
  // Orientation 6 means "rotate 90° clockwise to view": store the upright drawing turned the other way.
  const pipeline = sharp(svg).rotate(photo.orientation === 6 ? 270 : 0);
  await pipeline
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: false })
    .withExif(exifFor(photo))
    .withMetadata({ orientation: photo.orientation })
    .withXmp(xmpFor(photo))
    .toFile(target);
}

/** sharp's `Exif` type, which its ESM typings do not expose as a name under this project's module resolution. */
type ExifTags = Parameters<ReturnType<typeof sharp>['withExif']>[0];

function exifFor(photo: DemoPhoto): ExifTags {
  return {
    IFD0: {
      Make: photo.camera.make,
      Model: photo.camera.model,
      Software: 'Photo Frame demo library',
      ImageDescription: photo.place.name,
    },
    IFD2: {
      DateTimeOriginal: photo.takenExif,
      CreateDate: photo.takenExif,
      OffsetTimeOriginal: photo.offset,
    },
    IFD3: {
      GPSLatitudeRef: photo.place.latitude >= 0 ? 'N' : 'S',
      GPSLatitude: dmsRationals(jitter(photo.place.latitude, photo.seed)),
      GPSLongitudeRef: photo.place.longitude >= 0 ? 'E' : 'W',
      GPSLongitude: dmsRationals(jitter(photo.place.longitude, photo.seed + 1)),
    },
  };
}

/** A few hundred metres around the place, so photos from one trip are not all on one pixel of a map. */
function jitter(degrees: number, seed: number): number {
  return degrees + (((seed * 2654435761) % 1000) / 1000 - 0.5) * 0.01;
}

/** EXIF GPS is three unsigned rationals: degrees, minutes, seconds (hundredths). */
function dmsRationals(decimal: number): string {
  const abs = Math.abs(decimal);
  const degrees = Math.floor(abs);
  const minutesFull = (abs - degrees) * 60;
  const minutes = Math.floor(minutesFull);
  const hundredths = Math.round((minutesFull - minutes) * 60 * 100);
  return `${degrees}/1 ${minutes}/1 ${hundredths}/100`;
}

function xmpFor(photo: DemoPhoto): string {
  const items = photo.keywords.map((k) => `<rdf:li>${escapeXml(k)}</rdf:li>`).join('');
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:subject><rdf:Bag>${items}</rdf:Bag></dc:subject>` +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

async function readManifest(dir: string): Promise<z.output<typeof manifestSchema> | undefined> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function allExist(dir: string, files: readonly string[]): Promise<boolean> {
  const checks = await Promise.all(
    files.map((file) =>
      readFile(join(dir, ...file.split('/'))).then(
        () => true,
        () => false,
      ),
    ),
  );
  return checks.every(Boolean);
}
