/**
 * What the demo library contains: ~36 photos whose dates are relative to "today", so that "beach photos from last
 * summer", "photos from last year", "this month" and "last winter" all find something whenever the stack starts.
 */
export type DemoScene =
  | 'beach'
  | 'sunset'
  | 'mountain'
  | 'snow'
  | 'city'
  | 'dog'
  | 'flowers'
  | 'forest'
  | 'lake'
  | 'birthday'
  | 'dinner';

export interface DemoPlace {
  name: string;
  latitude: number;
  longitude: number;
  /** UTC offsets in summer (April–October) and winter; a demo approximation of each place's DST rules. */
  summerOffset: string;
  winterOffset: string;
}

export interface DemoPhoto {
  /** '/'-separated path inside the demo folder, e.g. `Beach 2026/2026-07-14 Santa Monica beach.jpg`. */
  path: string;
  scene: DemoScene;
  /** EXIF `YYYY:MM:DD HH:mm:ss`. */
  takenExif: string;
  offset: string;
  place: DemoPlace;
  camera: { make: string; model: string };
  keywords: string[];
  /** Displayed size. */
  width: number;
  height: number;
  /** 6 = stored landscape, shown portrait after rotation. */
  orientation: 1 | 6;
  seed: number;
}

const PLACES = {
  santaMonica: place('Santa Monica', 34.0095, -118.497, '-07:00', '-08:00'),
  nice: place('Nice', 43.695, 7.265, '+02:00', '+01:00'),
  cornwall: place('Porthcurno, Cornwall', 50.0427, -5.651, '+01:00', '+00:00'),
  zermatt: place('Zermatt', 46.0207, 7.7491, '+02:00', '+01:00'),
  kyoto: place('Kyoto', 35.0116, 135.7681, '+09:00', '+09:00'),
  banff: place('Lake Louise, Banff', 51.4254, -116.1773, '-06:00', '-07:00'),
  seattle: place('Seattle', 47.6062, -122.3321, '-07:00', '-08:00'),
} as const;

const CAMERAS = {
  iphone: { make: 'Apple', model: 'iPhone 15 Pro' },
  canon: { make: 'Canon', model: 'Canon EOS R6' },
  sony: { make: 'SONY', model: 'ILCE-7M4' },
  pixel: { make: 'Google', model: 'Pixel 8' },
  fuji: { make: 'FUJIFILM', model: 'X-T5' },
} as const;

type Shape = 'landscape' | 'portrait' | 'rotated';
const SIZE = { long: 3000, short: 2000 } as const;

interface Entry {
  folder: string;
  date: [number, number, number];
  time: string;
  title: string;
  scene: DemoScene;
  place: DemoPlace;
  camera: { make: string; model: string };
  keywords: string[];
  shape?: Shape;
}

/** The most recent June–August that had fully ended before `today` (UTC calendar). */
export function lastSummerYear(today: Date): number {
  return today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}

/** The year whose December starts the most recent fully ended winter (Dec–Feb). */
export function lastWinterStartYear(today: Date): number {
  return today.getUTCMonth() >= 2 ? today.getUTCFullYear() - 1 : today.getUTCFullYear() - 2;
}

export function demoPhotoPlan(today: Date): DemoPhoto[] {
  const summer = lastSummerYear(today);
  const lastYear = today.getUTCFullYear() - 1;
  const winter = lastWinterStartYear(today);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  // "This month" photos fall on days before today when there are any (never in the future).
  const recentDay = (daysBack: number): number => Math.max(1, today.getUTCDate() - 1 - daysBack);
  const { santaMonica, nice, cornwall, zermatt, kyoto, banff, seattle } = PLACES;
  const { iphone, canon, sony, pixel, fuji } = CAMERAS;
  const beachFolder = `Beach ${summer}`;
  const travel = `Travel ${lastYear}`;
  const winterFolder = `Winter ${winter}-${String(winter + 1).slice(2)}`;
  const home = 'Home';
  const phone = `Phone/${year}-${pad(month)}`;

  const entries: Entry[] = [
    // Last summer, at the beach (July and August).
    e(beachFolder, [summer, 7, 14], '10:12:31', 'Santa Monica beach', 'beach', santaMonica, iphone, [
      'beach',
      'ocean',
    ]),
    e(beachFolder, [summer, 7, 14], '11:40:05', 'Santa Monica pier', 'beach', santaMonica, iphone, [
      'beach',
      'pier',
    ]),
    e(beachFolder, [summer, 7, 15], '20:01:44', 'Santa Monica sunset', 'sunset', santaMonica, iphone, [
      'sunset',
      'seaside',
    ]),
    e(beachFolder, [summer, 7, 28], '09:55:10', 'Nice seaside', 'beach', nice, fuji, [
      'seaside',
      'Côte d’Azur',
    ]),
    e(
      beachFolder,
      [summer, 7, 29],
      '16:20:00',
      'Nice pebble beach',
      'beach',
      nice,
      fuji,
      ['beach'],
      'portrait',
    ),
    e(beachFolder, [summer, 8, 9], '12:03:17', 'Porthcurno coast', 'beach', cornwall, canon, [
      'coast',
      'cliffs',
    ]),
    e(
      beachFolder,
      [summer, 8, 10],
      '15:47:29',
      'Dog on the beach',
      'dog',
      cornwall,
      pixel,
      ['beach', 'dog'],
      'rotated',
    ),
    e(beachFolder, [summer, 8, 21], '21:02:51', 'Cornwall sunset', 'sunset', cornwall, canon, [
      'sunset',
      'sea',
    ]),
    e(`Riviera ${summer}`, [summer, 7, 30], '18:30:12', 'Nice old town', 'city', nice, fuji, [
      'street',
      'old town',
    ]),
    e(`Cornwall ${summer}`, [summer, 8, 22], '10:15:40', 'Cliff path woods', 'forest', cornwall, canon, [
      'woods',
      'hiking',
    ]),
    e(home, [summer, 6, 15], '19:45:00', 'Lake Washington evening', 'lake', seattle, iphone, ['lake']),
    // Last year, spread over the months.
    e(travel, [lastYear, 2, 14], '20:30:00', 'Valentine dinner', 'dinner', nice, iphone, [
      'dinner',
      'family',
    ]),
    e(travel, [lastYear, 3, 29], '08:10:22', 'Kyoto cherry blossom', 'flowers', kyoto, sony, [
      'blossom',
      'Kyoto',
    ]),
    e(travel, [lastYear, 3, 30], '18:42:09', 'Kyoto skyline', 'city', kyoto, sony, ['skyline', 'Kyoto']),
    e(
      travel,
      [lastYear, 3, 31],
      '10:05:51',
      'Kyoto temple garden',
      'flowers',
      kyoto,
      sony,
      ['garden', 'Kyoto'],
      'portrait',
    ),
    e(travel, [lastYear, 4, 2], '14:26:37', 'Kyoto street', 'city', kyoto, iphone, ['street', 'Kyoto']),
    e(home, [lastYear, 5, 10], '19:58:03', 'Seattle skyline', 'city', seattle, pixel, ['skyline']),
    e(home, [lastYear, 5, 11], '11:11:11', 'Tulips in the garden', 'flowers', seattle, pixel, [
      'flowers',
      'tulips',
    ]),
    e(travel, [lastYear, 6, 20], '07:32:45', 'Zermatt hiking', 'mountain', zermatt, canon, [
      'hiking',
      'Matterhorn',
    ]),
    e(
      travel,
      [lastYear, 6, 21],
      '12:48:13',
      'Zermatt summit',
      'mountain',
      zermatt,
      canon,
      ['summit', 'alps'],
      'portrait',
    ),
    e(travel, [lastYear, 9, 12], '08:20:30', 'Lake Louise morning', 'lake', banff, sony, [
      'lake',
      'mountains',
    ]),
    e(travel, [lastYear, 9, 13], '13:37:02', 'Banff forest trail', 'forest', banff, sony, [
      'forest',
      'trees',
    ]),
    e(travel, [lastYear, 9, 14], '17:05:48', 'Moraine Lake', 'lake', banff, sony, ['lake'], 'portrait'),
    e(home, [lastYear, 10, 18], '16:00:27', 'Emma birthday cake', 'birthday', seattle, iphone, [
      'birthday party',
      'cake',
      'family',
    ]),
    e(home, [lastYear, 11, 5], '10:22:14', 'Dog in the park', 'dog', seattle, pixel, ['dogs', 'park']),
    e(home, [lastYear, 12, 24], '19:12:40', 'Christmas Eve dinner', 'dinner', seattle, iphone, [
      'family',
      'dinner',
    ]),
    // Last winter (December to February).
    e(winterFolder, [winter, 12, 27], '11:30:00', 'Zermatt skiing', 'snow', zermatt, canon, [
      'skiing',
      'alps',
    ]),
    e(winterFolder, [winter, 12, 28], '09:14:26', 'Snowy Zermatt village', 'snow', zermatt, canon, [
      'snowy',
      'village',
    ]),
    e(winterFolder, [winter + 1, 1, 15], '13:45:19', 'Banff in the snow', 'snow', banff, sony, [
      'snow',
      'trees',
    ]),
    e(
      winterFolder,
      [winter + 1, 2, 8],
      '15:03:55',
      'Puppy in the snow',
      'dog',
      seattle,
      pixel,
      ['puppy', 'snow'],
      'rotated',
    ),
    // This month, from the phone.
    e(phone, [year, month, recentDay(0)], '08:45:12', 'Morning walk with the dog', 'dog', seattle, iphone, [
      'dog',
    ]),
    e(
      phone,
      [year, month, recentDay(1)],
      '17:20:40',
      'Sleepy puppy',
      'dog',
      seattle,
      iphone,
      ['puppy'],
      'portrait',
    ),
    e(phone, [year, month, recentDay(2)], '12:10:05', 'Flowers on the table', 'flowers', seattle, iphone, [
      'flowers',
    ]),
    e(phone, [year, month, recentDay(3)], '18:30:33', 'Birthday party', 'birthday', seattle, iphone, [
      'party',
      'family',
    ]),
    e(phone, [year, month, recentDay(4)], '19:40:21', 'Sunset from the balcony', 'sunset', seattle, iphone, [
      'sunset',
    ]),
    e(phone, [year, month, recentDay(5)], '20:05:58', 'Family dinner', 'dinner', seattle, iphone, [
      'family',
      'pizza',
    ]),
  ];

  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const date = `${entry.date[0]}-${pad(entry.date[1])}-${pad(entry.date[2])}`;
    let path = `${entry.folder}/${date} ${entry.title}.jpg`;
    for (let n = 2; seen.has(path); n += 1) path = `${entry.folder}/${date} ${entry.title} ${n}.jpg`;
    seen.add(path);
    const shape = entry.shape ?? 'landscape';
    const portrait = shape !== 'landscape';
    const dst = entry.date[1] >= 4 && entry.date[1] <= 10;
    return {
      path,
      scene: entry.scene,
      takenExif: `${date.replaceAll('-', ':')} ${entry.time}`,
      offset: dst ? entry.place.summerOffset : entry.place.winterOffset,
      place: entry.place,
      camera: entry.camera,
      keywords: entry.keywords,
      width: portrait ? SIZE.short : SIZE.long,
      height: portrait ? SIZE.long : SIZE.short,
      orientation: shape === 'rotated' ? 6 : 1,
      seed: 1000 + index * 7919,
    };
  });
}

function e(
  folder: string,
  date: [number, number, number],
  time: string,
  title: string,
  scene: DemoScene,
  at: DemoPlace,
  camera: { make: string; model: string },
  keywords: string[],
  shape?: Shape,
): Entry {
  return { folder, date, time, title, scene, place: at, camera, keywords, shape };
}

function place(
  name: string,
  latitude: number,
  longitude: number,
  summerOffset: string,
  winterOffset: string,
): DemoPlace {
  return { name, latitude, longitude, summerOffset, winterOffset };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
