/**
 * Builds the acceptance library from the real photographs (scripts/fetch-acceptance-photos.sh) and the ground-truth
 * table: every row becomes a file at its path, its metadata written the way the exporting tool writes it —
 * exiftool for EXIF/IPTC/XMP (Debian's, unpacked by the fetch script: the most faithful writer there is), Takeout
 * JSON sidecars and album metadata.json, heif-enc for HEIC, file dates for what WhatsApp and screenshots leave.
 * The folder is cached under a hash of the table and this builder, so `npm run eval` rebuilds only when they change.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { GROUND_TRUTH, type TruthFile } from './ground-truth';
import { SOURCE_PHOTOS } from './photos';
import { instantOf } from './truth-time';

/** Every file's modification time unless the row says the file date is its capture date: the export's day. */
const EXPORT_DAY = new Date('2026-11-01T09:00:00Z');

export interface BuiltLibrary {
  root: string;
  hash: string;
  rebuilt: boolean;
}

/** Fetches the photos (cached) and returns the built library folder, building it when the table changed. */
export async function ensureAcceptanceLibrary(options: { cacheDir?: string } = {}): Promise<BuiltLibrary> {
  // .ci/run fetches them first and says where (ACCEPTANCE_PHOTOS); otherwise the script fetches or finds its cache.
  const packagesRoot =
    process.env.ACCEPTANCE_PHOTOS ??
    execFileSync(join(__dirname, '..', 'scripts', 'fetch-acceptance-photos.sh'), { encoding: 'utf8' }).trim();
  const hash = libraryHash();
  const cacheDir =
    options.cacheDir ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'photo-frame', 'acceptance-library');
  const root = join(cacheDir, hash);
  if (existsSync(join(root, '.complete'))) return { root, hash, rebuilt: false };
  const building = `${root}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  await buildInto(building, packagesRoot);
  writeFileSync(join(building, '.complete'), `${new Date().toISOString()}\n`);
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  return { root, hash, rebuilt: true };
}

function libraryHash(): string {
  const hash = createHash('sha256');
  for (const file of ['ground-truth.ts', 'photos.ts', 'build-library.ts', 'truth-time.ts']) {
    hash.update(readFileSync(join(__dirname, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function buildInto(root: string, packagesRoot: string): Promise<void> {
  const exiftoolArgs: string[] = [];
  for (const [index, row] of GROUND_TRUTH.entries()) {
    const target = join(root, row.path);
    mkdirSync(dirname(target), { recursive: true });
    const source = join(packagesRoot, SOURCE_PHOTOS[row.photo].file);
    await writePixels(row, source, target, index, packagesRoot);
    if (row.format === 'jpeg' || row.format === 'heic') {
      const tags = exifTags(row);
      if (tags.length > 0) exiftoolArgs.push(...tags, target, '-execute');
    }
    if (row.shape === 'takeout') writeTakeoutSidecar(row, target);
  }
  writeTakeoutAlbums(root);
  if (exiftoolArgs.length > 0) runExiftool(packagesRoot, root, exiftoolArgs);
  // File dates last: exiftool rewrites files. WhatsApp images and screenshots keep the day they were received/taken.
  for (const row of GROUND_TRUTH) {
    const when = row.dateFrom === 'file-date' ? new Date(`${row.taken}Z`) : EXPORT_DAY;
    utimesSync(join(root, row.path), when, when);
  }
}

/** Re-encoded and resized per file (each file distinct even when two rows share a photograph). */
async function writePixels(
  row: TruthFile,
  source: string,
  target: string,
  index: number,
  packagesRoot: string,
): Promise<void> {
  const width = 1400 - index * 7;
  if (row.format === 'mp4') {
    writeClip(source, target, {
      createdAt: instantOf(row),
      seconds: 5 + index / 10,
      ...(row.place?.gps ? { xyz: iso6709(row.place.gps) } : {}),
    });
    return;
  }
  const image = sharp(source).rotate().resize({ width, withoutEnlargement: true });
  if (row.format === 'png') {
    await image.png().toFile(target);
    return;
  }
  // The second frame of a burst is a slightly different frame: the same picture a little brighter.
  const framed =
    row.duplicateGroup !== undefined && row.path.endsWith('3.JPG')
      ? image.modulate({ brightness: 1.04 })
      : image;
  if (row.format === 'jpeg') {
    await framed.jpeg({ quality: 88 - (index % 5) }).toFile(target);
    return;
  }
  const jpeg = `${target}.source.jpg`;
  await framed.jpeg({ quality: 92 }).toFile(jpeg);
  execFileSync(join(packagesRoot, 'usr', 'bin', 'heif-enc'), ['-q', '60', '-o', target, jpeg], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  rmSync(jpeg);
}

/** ISO 6709 as phones write it in ©xyz: ±DD.DDDD±DDD.DDDD/ (degrees zero-padded). */
/**
 * A real 1080p H.264/AAC phone clip of the row's photograph (Debian's ffmpeg; .ci/run installs it), laid out as an
 * Android camera writes it: an mp42 brand, the UTC capture instant in mvhd, the position as a udta ©xyz atom. A
 * header-only container has no frame for a poster or a device rendition, which a real export never has.
 */
function writeClip(
  source: string,
  target: string,
  clip: { createdAt: Date; seconds: number; xyz?: string },
): void {
  const seconds = clip.seconds.toFixed(1);
  execFileSync(process.env.FFMPEG_PATH?.trim() || 'ffmpeg', [
    ...['-nostdin', '-v', 'error', '-y', '-loop', '1', '-framerate', '25', '-t', seconds, '-i', source],
    ...['-f', 'lavfi', '-t', seconds, '-i', 'sine=frequency=330'],
    ...['-vf', 'scale=1920:1080:force_original_aspect_ratio=increase,crop=1920:1080,format=yuv420p'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-c:a', 'aac', '-shortest'],
    ...['-metadata', `creation_time=${clip.createdAt.toISOString()}`],
    ...(clip.xyz === undefined ? [] : ['-metadata', `location=${clip.xyz}`]),
    ...['-f', 'mov', '-brand', 'mp42', target],
  ]);
}

function iso6709([lat, lon]: readonly [number, number]): string {
  const part = (n: number, digits: number) =>
    `${n < 0 ? '-' : '+'}${Math.abs(n)
      .toFixed(4)
      .padStart(digits + 5, '0')}`;
  return `${part(lat, 2)}${part(lon, 3)}/`;
}

/** The tags each tool writes, as exiftool arguments. */
function exifTags(row: TruthFile): string[] {
  const tags: string[] = [];
  const exifDate = row.taken.replace('T', ' ').replace(/-/g, ':');
  if (row.dateFrom === 'exif-offset' || row.dateFrom === 'exif-gps-zone') {
    tags.push(`-EXIF:DateTimeOriginal=${exifDate}`, `-EXIF:CreateDate=${exifDate}`);
    if (row.dateFrom === 'exif-offset' && row.offset !== null) {
      tags.push(`-EXIF:OffsetTimeOriginal=${row.offset}`, `-EXIF:OffsetTime=${row.offset}`);
    }
  }
  if (row.camera) tags.push(`-EXIF:Make=${row.camera.make}`, `-EXIF:Model=${row.camera.model}`);
  const gps = row.place?.gps;
  if (gps && (row.placeFrom === 'gps' || row.placeFrom === 'gps+iptc')) {
    tags.push(
      `-GPSLatitude=${Math.abs(gps[0])}`,
      `-GPSLatitudeRef=${gps[0] < 0 ? 'S' : 'N'}`,
      `-GPSLongitude=${Math.abs(gps[1])}`,
      `-GPSLongitudeRef=${gps[1] < 0 ? 'W' : 'E'}`,
    );
  }
  if (row.place && (row.placeFrom === 'iptc' || row.placeFrom === 'gps+iptc')) tags.push(...iptcPlace(row));
  if (row.shape !== 'takeout') {
    for (const keyword of row.keywords ?? [])
      tags.push(`-XMP-dc:Subject+=${keyword}`, `-IPTC:Keywords+=${keyword}`);
    for (const path of row.hierarchical ?? []) tags.push(`-XMP-lr:HierarchicalSubject+=${path}`);
    if (row.description !== undefined) {
      tags.push(`-XMP-dc:Description=${row.description}`, `-IPTC:Caption-Abstract=${row.description}`);
    }
    if (row.favorite) tags.push('-XMP-xmp:Rating=5');
    if (row.peopleFrom === 'mwg') tags.push(`-XMP-mwg-rs:RegionInfo=${mwgRegions(row.people)}`);
  }
  if (row.shape === 'lightroom' || row.shape === 'apple') tags.push('-IPTC:CodedCharacterSet=UTF8');
  return tags;
}

/** Lightroom and Photos write the location names both as IPTC IIM and as XMP (photoshop: and Iptc4xmpCore:). */
function iptcPlace(row: TruthFile): string[] {
  const place = row.place;
  if (!place) return [];
  const tags: string[] = [];
  if (place.city) tags.push(`-IPTC:City=${place.city}`, `-XMP-photoshop:City=${place.city}`);
  if (place.region) tags.push(`-IPTC:Province-State=${place.region}`, `-XMP-photoshop:State=${place.region}`);
  tags.push(`-IPTC:Country-PrimaryLocationName=${place.country}`, `-XMP-photoshop:Country=${place.country}`);
  if (place.sublocation) {
    tags.push(`-IPTC:Sub-location=${place.sublocation}`, `-XMP-iptcCore:Location=${place.sublocation}`);
  }
  return tags;
}

/** MWG face regions with names, as Lightroom and Photos write people named there. */
function mwgRegions(people: readonly string[]): string {
  const regions = people.map((name, i) => {
    const x = ((i + 0.5) / people.length).toFixed(3);
    return `{Area={X=${x},Y=0.35,W=0.12,H=0.18,Unit=normalized},Name=${name},Type=Face}`;
  });
  return `{AppliedToDimensions={W=1000,H=667,Unit=pixel},RegionList=[${regions.join(',')}]}`;
}

function runExiftool(packagesRoot: string, cwd: string, args: string[]): void {
  const argFile = join(cwd, '..', `exiftool-args-${process.pid}.txt`);
  // One exiftool process for the whole library (-@ reads one argument per line; -execute separates files).
  writeFileSync(argFile, args.join('\n'));
  try {
    const exiftool = join(packagesRoot, 'usr', 'bin', 'exiftool');
    const common = ['-common_args', '-overwrite_original', '-q', '-m', '-charset', 'iptc=UTF8'];
    execFileSync(
      'perl',
      [`-I${join(packagesRoot, 'usr', 'share', 'perl5')}`, exiftool, '-@', argFile, ...common],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  } finally {
    rmSync(argFile, { force: true });
  }
}

/** The sidecar name forms Takeout writes, chosen per file from its name (see the table's Takeout rows). */
function sidecarName(fileName: string): string {
  const duplicate = /^(.*)\((\d+)\)(\.[^.]+)$/.exec(fileName);
  if (duplicate) return `${duplicate[1]}${duplicate[3]}(${duplicate[2]}).json`;
  if (fileName.includes('20191224')) return `${fileName}.supplemental-metadata.json`;
  // Newer exports: `.supplemental-metadata.json`, the whole name cut to 51 characters.
  if (fileName.length > 30) {
    return `${`${fileName}.supplemental-metadata`.slice(0, 46)}.json`;
  }
  return `${fileName}.json`;
}

function writeTakeoutSidecar(row: TruthFile, target: string): void {
  const fileName = target.slice(target.lastIndexOf('/') + 1);
  const seconds = Math.round(instantOf(row).getTime() / 1000);
  const gps = row.place?.gps;
  const position = gps
    ? { latitude: gps[0], longitude: gps[1], altitude: 0, latitudeSpan: 0, longitudeSpan: 0 }
    : { latitude: 0, longitude: 0, altitude: 0, latitudeSpan: 0, longitudeSpan: 0 };
  const sidecar = {
    title: fileName,
    description: row.description ?? '',
    imageViews: '3',
    creationTime: { timestamp: String(Math.round(EXPORT_DAY.getTime() / 1000)), formatted: '' },
    photoTakenTime: { timestamp: String(seconds), formatted: '' },
    geoData: position,
    geoDataExif: position,
    ...(row.people.length > 0 ? { people: row.people.map((name) => ({ name })) } : {}),
    ...(row.favorite ? { favorited: true } : {}),
    url: 'https://photos.google.com/photo/AF1Qip',
    googlePhotosOrigin: { mobileUpload: { deviceType: 'ANDROID_PHONE' } },
  };
  writeFileSync(join(dirname(target), sidecarName(fileName)), `${JSON.stringify(sidecar, null, 2)}\n`);
}

/** Album folders hold Takeout's metadata.json with the album's title; year folders ("Photos from 2019") do not. */
function writeTakeoutAlbums(root: string): void {
  const albums = new Map<string, string>();
  for (const row of GROUND_TRUTH) {
    if (row.shape === 'takeout' && row.album !== undefined)
      albums.set(dirname(join(root, row.path)), row.album);
  }
  for (const [folder, title] of albums) {
    const metadata = {
      title,
      description: '',
      access: 'protected',
      date: { timestamp: '1690000000', formatted: '' },
    };
    writeFileSync(join(folder, 'metadata.json'), `${JSON.stringify(metadata, null, 2)}\n`);
  }
}

if (require.main === module) {
  ensureAcceptanceLibrary().then(
    (built) => process.stdout.write(`${built.root}${built.rebuilt ? ' (built)' : ' (cached)'}\n`),
    (error: unknown) => {
      process.stderr.write(`build failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
