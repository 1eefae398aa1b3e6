import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { DemoScene } from '../../../../metadata-service/demo/demo-plan';
import { sceneSvg } from '../../../../metadata-service/demo/demo-scenes';

interface FixturePhoto {
  folder: string;
  name: string;
  scene: DemoScene;
  width: number;
  height: number;
  /** EXIF DateTimeOriginal, capture-local. */
  taken: string;
  place: { latitude: number; longitude: number };
}

const SANTA_MONICA = { latitude: 34.0094, longitude: -118.4973 };
const PARIS = { latitude: 48.8584, longitude: 2.2945 };
const KYOTO = { latitude: 34.9671, longitude: 135.7727 };
const LANDSCAPE_SCENES: DemoScene[] = ['beach', 'sunset', 'mountain', 'beach', 'sunset', 'mountain'];
const PLACES = [SANTA_MONICA, PARIS, KYOTO];

/**
 * A small real library for the frame: `landscapes` drawn scenes in `Summer/` (EXIF dates in July 2025, GPS at real
 * places, so captions have a date and a place) and two portrait photos in `Portraits/` taken a minute apart, which
 * a landscape screen shows as one pair.
 */
export async function writeFrameFixture(dir: string, landscapes = 14): Promise<void> {
  const photos: FixturePhoto[] = [];
  for (let i = 0; i < landscapes; i++) {
    photos.push({
      folder: 'Summer',
      name: `summer-${String(i + 1).padStart(2, '0')}.jpg`,
      scene: LANDSCAPE_SCENES[i % LANDSCAPE_SCENES.length] ?? 'beach',
      width: 1600,
      height: 1000,
      taken: `2025:07:${String(1 + i).padStart(2, '0')} 1${i % 10}:15:00`,
      place: PLACES[i % PLACES.length] ?? SANTA_MONICA,
    });
  }
  for (let i = 0; i < 2; i++) {
    photos.push({
      folder: 'Portraits',
      name: `portrait-${i + 1}.jpg`,
      scene: i === 0 ? 'mountain' : 'sunset',
      width: 900,
      height: 1400,
      taken: `2025:09:02 12:0${i}:00`,
      place: PARIS,
    });
  }
  for (const photo of photos) {
    await mkdir(join(dir, photo.folder), { recursive: true });
    await sharp(Buffer.from(sceneSvg(photo.scene, photo.width, photo.height, photos.indexOf(photo) + 7)))
      .jpeg({ quality: 85 })
      .withExif({
        IFD0: { Make: 'FrameFixture', Model: 'Test' },
        IFD2: { DateTimeOriginal: photo.taken },
        IFD3: {
          GPSLatitudeRef: photo.place.latitude >= 0 ? 'N' : 'S',
          GPSLatitude: dms(photo.place.latitude),
          GPSLongitudeRef: photo.place.longitude >= 0 ? 'E' : 'W',
          GPSLongitude: dms(photo.place.longitude),
        },
      })
      .toFile(join(dir, photo.folder, photo.name));
  }
}

function dms(decimal: number): string {
  const abs = Math.abs(decimal);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const hundredths = Math.round(((abs - degrees) * 60 - minutes) * 60 * 100);
  return `${degrees}/1 ${minutes}/1 ${hundredths}/100`;
}
