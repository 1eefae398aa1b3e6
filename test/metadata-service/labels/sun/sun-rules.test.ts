import assert from 'node:assert/strict';
import sharp, { type OverlayOptions } from 'sharp';
import { pictureLight, type PictureLight } from '../../../../metadata-service/labels/sun/picture-light';
import { sunAt } from '../../../../metadata-service/labels/sun/sun-position';
import { sunLabelsFor } from '../../../../metadata-service/labels/sun/sun-rules';

/** A picture of horizontal bands, top to bottom, each `[r, g, b]` over its share of the height. */
async function bands(
  parts: readonly { rgb: readonly [number, number, number]; share: number }[],
): Promise<Buffer> {
  const width = 320;
  const height = 240;
  const composites: OverlayOptions[] = [];
  let top = 0;
  for (const [index, part] of parts.entries()) {
    const rows = index === parts.length - 1 ? height - top : Math.round(part.share * height);
    const [r, g, b] = part.rgb;
    composites.push({
      input: { create: { width, height: rows, channels: 3, background: { r, g, b } } },
      left: 0,
      top,
    });
    top += rows;
  }
  return sharp({ create: { width, height, channels: 3, background: '#000000' } })
    .composite(composites)
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** A sunset: deep blue sky fading through a pale yellow glow to orange at the horizon, over dark land. */
const warmSky = () =>
  bands([
    { rgb: [70, 100, 170], share: 0.15 },
    { rgb: [120, 140, 190], share: 0.1 },
    { rgb: [235, 215, 170], share: 0.1 },
    { rgb: [250, 170, 80], share: 0.1 },
    { rgb: [240, 120, 50], share: 0.05 },
    { rgb: [40, 30, 25], share: 0.5 },
  ]);
/** A room: grey walls, a grey floor, nothing warm and no sky. */
const greyRoom = () =>
  bands([
    { rgb: [120, 120, 118], share: 0.5 },
    { rgb: [95, 95, 92], share: 0.5 },
  ]);
/** A lamp-lit room: warm orange-brown everywhere, the ceiling no brighter than the floor. */
const warmRoom = () =>
  bands([
    { rgb: [150, 100, 55], share: 0.5 },
    { rgb: [170, 115, 60], share: 0.5 },
  ]);
/** Night: almost black with a few dim lights. */
const darkScene = () =>
  bands([
    { rgb: [10, 12, 25], share: 0.6 },
    { rgb: [60, 50, 30], share: 0.05 },
    { rgb: [15, 15, 15], share: 0.35 },
  ]);
/** Blue hour: deep blue sky, darker blue water. */
const blueDusk = () =>
  bands([
    { rgb: [50, 80, 150], share: 0.5 },
    { rgb: [25, 40, 80], share: 0.5 },
  ]);

const light = async (image: Promise<Buffer>): Promise<PictureLight> =>
  pictureLight({ bytes: new Uint8Array(await image) }, 'image/jpeg');

const LONDON = { latitude: 51.5074, longitude: -0.1278 };
const at = (iso: string) => sunAt(new Date(iso), LONDON.latitude, LONDON.longitude);
// 2026-06-21 in London: sunset 20:21 UTC, sunrise 03:43 UTC.
const JUST_BEFORE_SUNSET = at('2026-06-21T20:10:00Z');
const JUST_AFTER_SUNRISE = at('2026-06-21T03:55:00Z');
const NOON = at('2026-06-21T12:00:00Z');
const MIDNIGHT = at('2026-12-21T23:30:00Z');
const BLUE_HOUR = at('2026-06-21T21:15:00Z');

describe('sun labels: the sun and the picture must agree', () => {
  it('measures a warm sky over dark land as a backlit warm sky, and a grey room as neither warm nor sky', async () => {
    const sky = await light(warmSky());
    assert.ok(sky.skyOverGround > 2, `sky/ground ${sky.skyOverGround}`);
    assert.ok(sky.warmSkyShare > 0.3, `warm sky ${sky.warmSkyShare}`);
    assert.ok(sky.blueSkyShare > 0.2, `blue sky ${sky.blueSkyShare}`);
    const room = await light(greyRoom());
    assert.equal(room.warmSkyShare, 0);
    assert.equal(room.blueSkyShare, 0);
    assert.ok(room.skyOverGround < 1.5);
  });

  it('calls a warm sky at sunset a sunset, with its evidence', async () => {
    const found = sunLabelsFor(JUST_BEFORE_SUNSET, await light(warmSky()));
    const sunset = found.find((e) => e.label === 'sunset');
    assert.ok(sunset, `labels ${found.map((e) => e.label).join(', ')}`);
    assert.equal(sunset.colourRule, 'warm sky');
    assert.equal(sunset.half, 'evening');
    assert.ok(sunset.altitude > -6 && sunset.altitude < 6);
    assert.ok(!found.some((e) => e.label === 'sunrise'));
  });

  it('calls the same sky after sunrise a sunrise, not a sunset', async () => {
    const labels = sunLabelsFor(JUST_AFTER_SUNRISE, await light(warmSky())).map((e) => e.label);
    assert.ok(labels.includes('sunrise'));
    assert.ok(!labels.includes('sunset'));
  });

  it('gives a grey room or a lamp-lit room photographed at sunset no sunset', async () => {
    for (const room of [greyRoom(), warmRoom()]) {
      const labels = sunLabelsFor(JUST_BEFORE_SUNSET, await light(room)).map((e) => e.label);
      assert.ok(!labels.includes('sunset'), `labels ${labels.join(', ')}`);
      assert.ok(!labels.includes('golden hour'), `labels ${labels.join(', ')}`);
    }
  });

  it('gives a warm sky at noon nothing: the sun is not low', async () => {
    assert.deepEqual(sunLabelsFor(NOON, await light(warmSky())), []);
  });

  it('calls a dark picture at midnight night, and a bright one at midnight not', async () => {
    const dark = sunLabelsFor(MIDNIGHT, await light(darkScene())).map((e) => e.label);
    assert.deepEqual(dark, ['night']);
    const bright = sunLabelsFor(MIDNIGHT, await light(greyRoom())).map((e) => e.label);
    assert.deepEqual(bright, []);
    // A dark picture in daylight is no night photo either.
    assert.deepEqual(sunLabelsFor(NOON, await light(darkScene())), []);
  });

  it('calls a deep blue sky after civil twilight blue hour, and not at noon', async () => {
    assert.ok(BLUE_HOUR.altitude < -4 && BLUE_HOUR.altitude > -8, `altitude ${BLUE_HOUR.altitude}`);
    const labels = sunLabelsFor(BLUE_HOUR, await light(blueDusk())).map((e) => e.label);
    assert.ok(labels.includes('blue hour'), `labels ${labels.join(', ')}`);
    assert.ok(!sunLabelsFor(NOON, await light(blueDusk())).some((e) => e.label === 'blue hour'));
  });

  it('rejects what cannot be decoded', async () => {
    await assert.rejects(
      pictureLight({ bytes: new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]) }, 'image/jpeg'),
    );
  });
});
