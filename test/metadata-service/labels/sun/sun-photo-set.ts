/**
 * The real photos sun labels are measured on, with what each picture shows (written by looking at it) and when and
 * where each was taken. Used by sun-photo-set.test.ts (asserts the precision floor) and bench/sun-labels.ts (prints
 * the table). Two ways of measuring:
 *
 * - as taken: each photo at its own capture instant and place: the acceptance library's rows (eval/ground-truth.ts,
 *   every photo row with GPS and an offset), the Plasma wallpapers' EXIF times (local, no offset: placed in the
 *   photographer's country, stated per row), and three photos whose picture shows the time (a sun on the horizon,
 *   a glow after sunset, a backlit low sun) at that sun's instant.
 * - sweep: EVERY photo at four instants (sun +2° evening and morning, −6.5° evening, −20°), as if it had been taken
 *   then. Rooms, flowers and cups photographed at sunset exist; this is where the picture's half of each rule must
 *   hold its own, so the search gate reads this precision.
 *
 * A label is true for a case when the picture deserves it (DESERVES) and the sun is in that label's window.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getTimes } from 'suncalc';
import { GROUND_TRUTH } from '../../../../eval/ground-truth';
import { SOURCE_PHOTOS, type PhotoKey } from '../../../../eval/photos';
import { instantOfLocal } from '../../../../metadata-service/ingest/time-zone';
import { pictureLight, type PictureLight } from '../../../../metadata-service/labels/sun/picture-light';
import { sunAt, type SunPosition } from '../../../../metadata-service/labels/sun/sun-position';
import {
  SUN_LABELS,
  SUN_WINDOWS,
  sunLabelsFor,
  type SunLabel,
} from '../../../../metadata-service/labels/sun/sun-rules';

const REPO_ROOT = resolve(__dirname, '../../../..');

/** What a picture deserves if taken at a fitting time: a glow photo is a sunset in the evening, a sunrise in the morning. */
const GLOW: readonly SunLabel[] = ['sunset', 'sunrise', 'golden hour'];

/** Acceptance photos (eval/photos.ts) that deserve a sun label; all others deserve none. */
const ACCEPTANCE_DESERVES: Partial<Record<PhotoKey, readonly SunLabel[]>> = {
  // Dark surroundings lit by flash or lamps: night photos when taken at night.
  girlsNight: ['night'],
  twoFriends: ['night'],
  threeFriends: ['night'],
  dinner: ['night'],
  // A rocket on its pad under a deep blue twilight sky, lamps lit.
  rocket: ['night', 'blue hour'],
};
/** Not photographs (desktop artwork the library uses as screenshots). */
const NOT_PHOTOS: readonly PhotoKey[] = ['artString', 'artCity'];

const LOMIRI = 'usr/share/backgrounds';
const PLASMA = (name: string) => `usr/share/wallpapers/${name}/contents/images/800x600.jpg`;

/** Wallpaper photographs (scripts/fetch-sun-test-photos.sh), by looking. Artwork in the packages is left out. */
const WALLPAPERS: readonly { key: string; file: string; shows: string; deserves: readonly SunLabel[] }[] = [
  {
    key: 'sunset',
    file: `${LOMIRI}/sunset_by_Aitzol_Berasategi.jpg`,
    shows: 'sun on a hill horizon, blue sky above',
    deserves: GLOW,
  },
  {
    key: 'eveningGlow',
    file: PLASMA('EveningGlow'),
    shows: 'orange clouds after sunset over a lake, rowing boats',
    deserves: GLOW,
  },
  {
    key: 'seeding',
    file: `${LOMIRI}/seeding_by_Clements_Engelhardt.jpg`,
    shows: 'dandelion clocks backlit by a low sun',
    deserves: ['golden hour'],
  },
  {
    key: 'byTheWater',
    file: PLASMA('BytheWater'),
    shows: 'jetty planks in low golden light, lake',
    deserves: ['golden hour'],
  },
  {
    key: 'darkestHour',
    file: PLASMA('DarkestHour'),
    shows: 'lake and islands in deep blue twilight',
    deserves: ['blue hour'],
  },
  {
    key: 'summer1am',
    file: PLASMA('summer_1am'),
    shows: 'lake at midsummer twilight, violet sky, pink horizon',
    deserves: ['blue hour'],
  },
  { key: 'coldRipple', file: PLASMA('ColdRipple'), shows: 'jetty into grey fog', deserves: [] },
  {
    key: 'fallenLeaf',
    file: PLASMA('FallenLeaf'),
    shows: 'autumn leaf close-up on the ground',
    deserves: [],
  },
  { key: 'kite', file: PLASMA('Kite'), shows: 'kite in a blue sky with clouds', deserves: [] },
  { key: 'path', file: PLASMA('Path'), shows: 'path through a spruce forest', deserves: [] },
  { key: 'oneStandsOut', file: PLASMA('OneStandsOut'), shows: 'moss from above', deserves: [] },
  { key: 'grey', file: PLASMA('Grey'), shows: 'building facade, black and white', deserves: [] },
  {
    key: 'bridge',
    file: `${LOMIRI}/Bridge_by_Sander_Klootwijk.jpg`,
    shows: 'cables over a beach, blue sky',
    deserves: [],
  },
  {
    key: 'dragonfly',
    file: `${LOMIRI}/Dragonfly_by_Bolly.jpg`,
    shows: 'leaves against a blue sky',
    deserves: [],
  },
  {
    key: 'fig',
    file: `${LOMIRI}/Picture_0B_by_freespace.jpg`,
    shows: 'fig in a red bowl on concrete',
    deserves: [],
  },
  { key: 'brushes', file: `${LOMIRI}/Picture_1A_by_freespace.jpg`, shows: 'paint brushes', deserves: [] },
  {
    key: 'wine',
    file: `${LOMIRI}/Wine_by_Jakkub_Mede.jpg`,
    shows: 'warm lamp-lit room, wine, drum',
    deserves: [],
  },
  {
    key: 'aitzgorri',
    file: `${LOMIRI}/aitzgorri_by_Aitzol_Berasategi.jpg`,
    shows: 'autumn hillside, mountain, day',
    deserves: [],
  },
  {
    key: 'friends',
    file: `${LOMIRI}/friends_by_Aitzol_Berasategi.jpg`,
    shows: 'two dogs at a door',
    deserves: [],
  },
  {
    key: 'greentock',
    file: `${LOMIRI}/greentock_by_Peter_Nerlich.jpg`,
    shows: 'lamps and a toy bird indoors',
    deserves: [],
  },
  { key: 'life', file: `${LOMIRI}/life_by_Aitzol_Berasategi.jpg`, shows: 'forest stream', deserves: [] },
  {
    key: 'picos',
    file: `${LOMIRI}/picosdeeuropa_by_Aitzol_Berasategi.jpg`,
    shows: 'mountains with snow, day',
    deserves: [],
  },
  { key: 'clock', file: `${LOMIRI}/free_by_Peter_Nerlich.jpg`, shows: 'wall clock close-up', deserves: [] },
];

const HELSINKI = {
  latitude: 60.17,
  longitude: 24.94,
  zone: 'Europe/Helsinki',
  note: 'Helsinki (photographer in Finland)',
};

/** Wallpapers at their EXIF local time (no offset, no GPS), placed where the row says. */
const WALLPAPER_EXIF_TIMES: readonly { key: string; local: string; place: typeof HELSINKI }[] = [
  { key: 'darkestHour', local: '2015-06-21T01:43:36', place: HELSINKI },
  { key: 'summer1am', local: '2015-06-21T02:05:56', place: HELSINKI },
  { key: 'kite', local: '2015-09-06T18:46:57', place: HELSINKI },
  { key: 'path', local: '2015-09-06T12:01:47', place: HELSINKI },
  { key: 'coldRipple', local: '2015-04-29T14:33:31', place: HELSINKI },
  {
    key: 'byTheWater',
    local: '2015-10-29T15:44:44',
    place: {
      latitude: 52.23,
      longitude: 21.01,
      zone: 'Europe/Warsaw',
      note: 'Warsaw (photographer in Poland)',
    },
  },
  {
    key: 'fallenLeaf',
    local: '2015-07-21T16:17:44',
    place: {
      latitude: 50.08,
      longitude: 14.44,
      zone: 'Europe/Prague',
      note: 'Prague (photographer in Czechia)',
    },
  },
];

/** Wallpapers without EXIF whose picture shows the sun's time: minutes from that place's sunset on that day. */
const WALLPAPER_SHOWN_TIMES: readonly {
  key: string;
  date: string;
  latitude: number;
  longitude: number;
  minutesFromSunset: number;
  note: string;
}[] = [
  {
    key: 'sunset',
    date: '2012-10-20T12:00:00Z',
    latitude: 42.95,
    longitude: -2.35,
    minutesFromSunset: -4,
    note: 'Aitzgorri, the sun touching the hills',
  },
  {
    key: 'eveningGlow',
    date: '2014-10-01T12:00:00Z',
    latitude: 54.6,
    longitude: -3.14,
    minutesFromSunset: 15,
    note: 'Derwentwater, glow after sunset',
  },
  {
    key: 'seeding',
    date: '2012-05-10T12:00:00Z',
    latitude: 52.52,
    longitude: 13.4,
    minutesFromSunset: -35,
    note: 'Berlin, low backlight',
  },
];

export interface SunCase {
  photo: string;
  file: string;
  sun: SunPosition;
  light: PictureLight;
  truth: SunLabel[];
  predicted: SunLabel[];
  note: string;
}

export interface LabelFigures {
  label: SunLabel;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
}

export interface SunMeasurement {
  asTaken: { cases: SunCase[]; figures: LabelFigures[] };
  sweep: { cases: SunCase[]; figures: LabelFigures[] };
  photos: number;
}

/** The labels whose sun window holds this sun (the time half of the truth). */
export function labelsTheSunAllows(sun: SunPosition): SunLabel[] {
  const allowed: SunLabel[] = [];
  const { altitude, half } = sun;
  const inWindow = (w: { from: number; to: number }) => altitude >= w.from && altitude <= w.to;
  if (inWindow(SUN_WINDOWS.sunsetOrSunrise)) allowed.push(half === 'evening' ? 'sunset' : 'sunrise');
  if (inWindow(SUN_WINDOWS.goldenHour)) allowed.push('golden hour');
  if (inWindow(SUN_WINDOWS.blueHour)) allowed.push('blue hour');
  if (altitude < SUN_WINDOWS.nightBelow) allowed.push('night');
  return allowed;
}

interface SetPhoto {
  key: string;
  path: string;
  deserves: readonly SunLabel[];
}

/** Measures every case; photo roots from locateSunPhotos. */
export async function measureSunLabels(roots: SunPhotoRoots): Promise<SunMeasurement> {
  const photos: SetPhoto[] = [
    ...(Object.keys(SOURCE_PHOTOS) as PhotoKey[])
      .filter((key) => !NOT_PHOTOS.includes(key))
      .map((key) => ({
        key,
        path: join(roots.acceptance, SOURCE_PHOTOS[key].file),
        deserves: ACCEPTANCE_DESERVES[key] ?? [],
      })),
    ...WALLPAPERS.map((w) => ({ key: w.key, path: join(roots.wallpapers, w.file), deserves: w.deserves })),
  ];
  const lights = new Map<string, PictureLight>();
  for (const photo of photos) {
    lights.set(
      photo.key,
      await pictureLight({ path: photo.path }, photo.path.endsWith('.png') ? 'image/png' : 'image/jpeg'),
    );
  }
  const byKey = new Map(photos.map((p) => [p.key, p]));
  const caseOf = (key: string, instant: Date, latitude: number, longitude: number, note: string): SunCase => {
    const photo = byKey.get(key);
    const light = lights.get(key);
    if (!photo || !light) throw new Error(`sun photo set has no photo ${key}`);
    const sun = sunAt(instant, latitude, longitude);
    const allowed = labelsTheSunAllows(sun);
    return {
      photo: key,
      file: photo.path,
      sun,
      light,
      truth: SUN_LABELS.filter((l) => allowed.includes(l) && photo.deserves.includes(l)),
      predicted: sunLabelsFor(sun, light).map((e) => e.label),
      note,
    };
  };

  const asTaken: SunCase[] = [];
  for (const row of GROUND_TRUTH) {
    if (row.kind !== 'photo' || !row.offset || !row.place?.gps) continue;
    const [latitude, longitude] = row.place.gps;
    asTaken.push(
      caseOf(row.photo, new Date(`${row.taken}${row.offset}`), latitude, longitude, `acceptance ${row.path}`),
    );
  }
  for (const row of WALLPAPER_EXIF_TIMES) {
    const [date, time] = row.local.split('T') as [string, string];
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute, second] = time.split(':').map(Number) as [number, number, number];
    const { utcMs } = instantOfLocal({ year, month, day, hour, minute, second }, row.place.zone);
    asTaken.push(
      caseOf(
        row.key,
        new Date(utcMs),
        row.place.latitude,
        row.place.longitude,
        `EXIF ${row.local}, ${row.place.note}`,
      ),
    );
  }
  for (const row of WALLPAPER_SHOWN_TIMES) {
    const sunset = getTimes(new Date(row.date), row.latitude, row.longitude).sunset;
    if (!sunset) throw new Error(`no sunset at ${row.note}`);
    const instant = new Date(sunset.getTime() + row.minutesFromSunset * 60_000);
    asTaken.push(
      caseOf(
        row.key,
        instant,
        row.latitude,
        row.longitude,
        `${row.note} (${row.minutesFromSunset} min from sunset)`,
      ),
    );
  }

  const sweep: SunCase[] = [];
  for (const photo of photos) {
    for (const scenario of SWEEP) {
      sweep.push(
        caseOf(photo.key, scenario.instant, SWEEP_PLACE.latitude, SWEEP_PLACE.longitude, scenario.name),
      );
    }
  }
  return {
    asTaken: { cases: asTaken, figures: figuresOf(asTaken) },
    sweep: { cases: sweep, figures: figuresOf(sweep) },
    photos: photos.length,
  };
}

/** London at the March equinox: sunrise ≈ 06:03 UTC, sunset ≈ 18:14 UTC. */
const SWEEP_PLACE = { latitude: 51.5, longitude: -0.12 };
const SWEEP = [
  { name: 'sun +2°, evening', instant: new Date('2024-03-20T17:55:00Z') },
  { name: 'sun +2°, morning', instant: new Date('2024-03-20T06:25:00Z') },
  { name: 'sun −6.5°, evening', instant: new Date('2024-03-20T18:55:00Z') },
  { name: 'sun −20°, night', instant: new Date('2024-03-20T21:00:00Z') },
];

export function figuresOf(cases: readonly SunCase[]): LabelFigures[] {
  return SUN_LABELS.map((label) => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const c of cases) {
      const said = c.predicted.includes(label);
      const right = c.truth.includes(label);
      if (said && right) truePositives += 1;
      else if (said) falsePositives += 1;
      else if (right) falseNegatives += 1;
    }
    const said = truePositives + falsePositives;
    const real = truePositives + falseNegatives;
    return {
      label,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: said > 0 ? truePositives / said : null,
      recall: real > 0 ? truePositives / real : null,
    };
  });
}

export interface SunPhotoRoots {
  acceptance: string;
  wallpapers: string;
}

/**
 * The two photo roots: ACCEPTANCE_PHOTOS / SUN_TEST_PHOTOS when set (CI), else fetched now by their scripts (cached).
 * Undefined with the reason when the package archive cannot be reached.
 */
export function locateSunPhotos(): { roots?: SunPhotoRoots; problem?: string } {
  const acceptance = rootFrom('ACCEPTANCE_PHOTOS', 'scripts/fetch-acceptance-photos.sh');
  if (acceptance.problem) return { problem: acceptance.problem };
  const wallpapers = rootFrom('SUN_TEST_PHOTOS', 'scripts/fetch-sun-test-photos.sh');
  if (wallpapers.problem) return { problem: wallpapers.problem };
  const roots = { acceptance: acceptance.root as string, wallpapers: wallpapers.root as string };
  if (!existsSync(join(roots.wallpapers, PLASMA('EveningGlow'))))
    return { problem: `no wallpapers under ${roots.wallpapers}` };
  return { roots };
}

function rootFrom(variable: string, script: string): { root?: string; problem?: string } {
  const set = process.env[variable]?.trim();
  if (set) return { root: set };
  const fetched = spawnSync(join(REPO_ROOT, script), { encoding: 'utf8', timeout: 600_000 });
  if (fetched.status !== 0) {
    return { problem: `${script} failed (${(fetched.stderr || String(fetched.error)).trim().slice(-300)})` };
  }
  const root = fetched.stdout.trim().split('\n').pop();
  return root ? { root } : { problem: `${script} printed no folder` };
}

/** A photo of the vision evaluation set (eval/vision/): its file and what its table says it shows. */
export interface LabelledPhoto {
  id: string;
  file: string;
  present: readonly string[];
  uncertain: readonly string[];
}

/**
 * Sunset and sunrise on another labelled set (the vision evaluation set, which has no capture times): every photo at
 * the sweep's sun +2° evening and morning. A sunset or sunrise photo deserves the label of that half of the day; one
 * the table calls uncertain for it counts neither way.
 */
export async function sweepSunsetsOn(photos: readonly LabelledPhoto[]): Promise<{
  photos: number;
  figures: LabelFigures[];
  wrong: string[];
}> {
  const cases: SunCase[] = [];
  const wrong: string[] = [];
  for (const photo of photos) {
    const light = await pictureLight(
      { path: photo.file },
      photo.file.endsWith('.png') ? 'image/png' : 'image/jpeg',
    );
    const glows = photo.present.includes('sunset') || photo.present.includes('sunrise');
    const unsure = photo.uncertain.includes('sunset') || photo.uncertain.includes('sunrise');
    for (const scenario of SWEEP.slice(0, 2)) {
      const sun = sunAt(scenario.instant, SWEEP_PLACE.latitude, SWEEP_PLACE.longitude);
      const label: SunLabel = sun.half === 'evening' ? 'sunset' : 'sunrise';
      const predicted = sunLabelsFor(sun, light)
        .map((e) => e.label)
        .filter((l) => l === 'sunset' || l === 'sunrise');
      if (unsure && !glows && predicted.length > 0) continue;
      if (predicted.length > 0 && !glows) wrong.push(`${photo.id} (${scenario.name})`);
      cases.push({
        photo: photo.id,
        file: photo.file,
        sun,
        light,
        truth: glows ? [label] : [],
        predicted,
        note: scenario.name,
      });
    }
  }
  const figures = figuresOf(cases).filter((f) => f.label === 'sunset' || f.label === 'sunrise');
  return { photos: photos.length, figures, wrong };
}
