/**
 * THE ground truth of the vision evaluation set: one row per photo, written by looking at each photo (never from
 * the product's output). Rows are checked by ground-truth-schema.ts when the set is loaded.
 *
 * Labels are a closed world: `present` names every vocabulary label (COCO-80 objects and the scenes of SCENE_LABELS)
 * a person sees in the photo, `uncertain` the ones nobody could fairly call right or wrong (a toy bird, a glass
 * that may be a cup); every other vocabulary label is explicitly ABSENT from the photo, so a model that says it is
 * wrong. Face boxes are approximate (left, top, width, height as fractions, forehead to chin), identities are the
 * same id wherever the same person appears. The nine PASCAL VOC photos of dlib's faces/ keep dlib's own hand-drawn
 * boxes (faces/training.xml and testing.xml), checked by eye to be complete.
 *
 * Sources: Debian packages darknet, libdlib19.1, python3-skimage, opencv-doc, mate-backgrounds, lomiri-wallpapers
 * (-16.04, -20.04), ukui-wallpapers, plasma-workspace-wallpapers; npm @vladmandic/face-api (demo/). Unpacked by
 * scripts/fetch-vision-eval-set.sh; paths are below that root.
 */
import type { PhotoTruthInput } from './ground-truth-schema';

const DARKNET = 'usr/share/darknet/data';
const DLIB = 'usr/share/doc/libdlib19.1/examples';
const SKIMAGE = 'usr/lib/python3/dist-packages/skimage/data';
const OPENCV = 'usr/share/doc/opencv-doc/examples/data';
const MATE = 'usr/share/backgrounds/mate/nature';
const BACKGROUNDS = 'usr/share/backgrounds';
const PLASMA = (name: string, size = '1280x800') =>
  `usr/share/wallpapers/${name}/contents/images/${size}.jpg`;
const FACE_API = 'npm/@vladmandic/face-api/demo';

type Box = [number, number, number, number];

/** dlib's faces/*.xml boxes as fractions (hand-drawn by dlib's author, PASCAL VOC 2011 photos). */
const VOC_BOXES: Record<string, Box[]> = {
  '2007_007763': [
    [0.388, 0.24, 0.074, 0.099],
    [0.316, 0.304, 0.074, 0.099],
    [0.762, 0.237, 0.09, 0.117],
    [0.188, 0.528, 0.074, 0.099],
    [0.356, 0.571, 0.074, 0.099],
    [0.588, 0.229, 0.074, 0.099],
    [0.618, 0.621, 0.09, 0.117],
  ],
  '2008_002079': [
    [0.814, 0.443, 0.074, 0.099],
    [0.244, 0.357, 0.074, 0.099],
    [0.692, 0.368, 0.074, 0.099],
    [0.866, 0.456, 0.106, 0.139],
    [0.124, 0.357, 0.074, 0.099],
    [0.082, 0.517, 0.088, 0.117],
  ],
  '2008_001009': [
    [0.403, 0.165, 0.211, 0.158],
    [0.347, 0.446, 0.25, 0.19],
  ],
  '2008_001322': [
    [0.208, 0.432, 0.152, 0.203],
    [0.464, 0.581, 0.126, 0.168],
    [0.688, 0.413, 0.18, 0.24],
  ],
  '2008_002470': [
    [0.548, 0.545, 0.104, 0.16],
    [0.11, 0.47, 0.088, 0.133],
    [0.292, 0.5, 0.074, 0.111],
    [0.658, 0.166, 0.088, 0.133],
    [0.466, 0.223, 0.088, 0.133],
    [0.356, 0.259, 0.074, 0.111],
  ],
  '2008_002506': [
    [0.658, 0.208, 0.218, 0.291],
    [0.448, 0.253, 0.182, 0.243],
    [0.25, 0.173, 0.18, 0.243],
  ],
  '2008_004176': [
    [0.429, 0.525, 0.077, 0.084],
    [0.338, 0.269, 0.077, 0.084],
    [0.396, 0.187, 0.077, 0.084],
    [0.679, 0.178, 0.077, 0.084],
    [0.463, 0.224, 0.077, 0.084],
    [0.229, 0.196, 0.077, 0.084],
    [0.588, 0.233, 0.077, 0.084],
  ],
  '2008_007676': [
    [0.452, 0.186, 0.074, 0.111],
    [0.388, 0.338, 0.088, 0.132],
    [0.524, 0.389, 0.074, 0.111],
    [0.732, 0.401, 0.074, 0.111],
    [0.628, 0.365, 0.074, 0.111],
    [0.214, 0.422, 0.104, 0.159],
    [0.274, 0.251, 0.088, 0.132],
  ],
  '2009_004587': [
    [0.385, 0.092, 0.188, 0.152],
    [0.665, 0.56, 0.158, 0.126],
  ],
};

/** A PASCAL VOC photo of dlib's faces/: strangers to each other and to everyone else in the set. */
function voc(
  name: string,
  present: string[],
  uncertain: string[],
  flags: PhotoTruthInput['flags'] = [],
): PhotoTruthInput {
  const boxes = VOC_BOXES[name] ?? [];
  return {
    id: `dlib-${name.replace('_', '-')}`,
    from: 'libdlib19.1',
    source: { file: `${DLIB}/faces/${name}.jpg` },
    present,
    uncertain,
    faces: boxes.map((box, i) => ({ box, identity: `voc-${name}-${i}` })),
    flags: [...(boxes.length >= 3 ? (['group'] as const) : []), ...(flags ?? [])],
  };
}

/**
 * dlib's "johns": 5 men × 11 face chips (150 px, the face fills the chip). Nine per man are photos of the set (eight
 * of John Shimkus: 000378_03227610 is a byte-for-byte copy of 000378_02340151); the last two of each are kept for
 * the composites, so no composite face is a copy of a single photo.
 */
const JOHNS: Record<string, { single: string[]; held: [string, string] }> = {
  John_Salley: {
    single:
      '000179_02159509 000183_02159543 000186_02159346 000189_02159361 000190_02159501 000192_02159531 000194_02159572 000197_02159322 000197_02159525'.split(
        ' ',
      ),
    held: ['000198_02159470', '000200_02159354'],
  },
  John_Savage: {
    single:
      '000264_01099001 000274_01099061 000277_01099000 000289_01099139 000290_01099067 000290_01099090 000291_01099023 000291_01099214 000293_01099081'.split(
        ' ',
      ),
    held: ['000296_01099007', '000299_01099008'],
  },
  John_Schneider: {
    single:
      '000288_00925786 000302_00925785 000307_00925823 000325_00925954 000326_00925765 000326_00926089 000326_00926128 000326_00926139 000329_00925859'.split(
        ' ',
      ),
    held: ['000329_00925963', '000331_00926012'],
  },
  John_Shimkus: {
    single:
      '000373_03228153 000375_03227651 000376_02340068 000378_02340151 000383_03227939 000385_03227766 000388_03227773 000390_03227666'.split(
        ' ',
      ),
    held: ['000394_02340150', '000396_03227722'],
  },
  John_Simm: {
    single:
      '000288_00470387 000297_00470170 000300_00470148 000304_00470122 000305_00470162 000305_00470717 000306_00470222 000306_00470223 000309_00470287'.split(
        ' ',
      ),
    held: ['000310_00470421', '000310_00470511'],
  },
};

/** Where the face is in a johns chip (looked at: it fills the chip, chin at the bottom edge). */
export const CHIP_FACE_BOX: Box = [0.05, 0.05, 0.9, 0.95];

const identityOf = (john: string) => john.toLowerCase().replace('_', '-');

const johnsSingles: PhotoTruthInput[] = Object.entries(JOHNS).flatMap(([john, chips]) =>
  chips.single.map((chip) => ({
    id: `johns-${identityOf(john).replace('john-', '')}-${chip.replace('_', '-')}`,
    from: 'libdlib19.1',
    source: { file: `${DLIB}/johns/${john}/${chip}.jpg` },
    present: ['person'],
    faces: [{ box: CHIP_FACE_BOX, identity: identityOf(john) }],
  })),
);

/** A held-out chip: 'a' or 'b' of a John. */
function chip(john: keyof typeof JOHNS, which: 'a' | 'b') {
  const held = JOHNS[john]?.held as [string, string];
  return { chip: `${DLIB}/johns/${john}/${held[which === 'a' ? 0 : 1]}.jpg`, identity: identityOf(john) };
}

function placed(john: keyof typeof JOHNS, which: 'a' | 'b', left: number, top: number, size: number) {
  return { ...chip(john, which), left, top, size };
}

/**
 * dlib's faces/bald_guys.jpg is a collage of 24 press photos of four actors; each tile (fractions of the collage,
 * cut along the seams by eye) is a real photo of one man, with his face box (fractions of the tile).
 */
const BALD_TILES: { crop: Box; face: Box; identity: string }[] = [
  { crop: [0, 0, 0.145, 0.195], face: [0.25, 0.25, 0.53, 0.6], identity: 'vin-diesel' },
  { crop: [0.15, 0, 0.095, 0.12], face: [0.22, 0.25, 0.53, 0.67], identity: 'jason-statham' },
  { crop: [0.145, 0.125, 0.105, 0.115], face: [0.22, 0.2, 0.58, 0.78], identity: 'vin-diesel' },
  { crop: [0.25, 0, 0.165, 0.215], face: [0.2, 0.25, 0.5, 0.65], identity: 'vin-diesel' },
  { crop: [0.415, 0, 0.145, 0.2], face: [0.18, 0.3, 0.52, 0.63], identity: 'jason-statham' },
  { crop: [0.56, 0, 0.335, 0.42], face: [0.48, 0.05, 0.44, 0.6], identity: 'dwayne-johnson' },
  { crop: [0.895, 0.24, 0.105, 0.18], face: [0.25, 0.15, 0.47, 0.55], identity: 'dwayne-johnson' },
  { crop: [0, 0.2, 0.14, 0.185], face: [0.2, 0.25, 0.65, 0.63], identity: 'vin-diesel' },
  { crop: [0.14, 0.245, 0.11, 0.155], face: [0.2, 0.22, 0.65, 0.76], identity: 'jason-statham' },
  { crop: [0.25, 0.215, 0.165, 0.25], face: [0.2, 0.2, 0.5, 0.65], identity: 'vin-diesel' },
  { crop: [0.415, 0.205, 0.145, 0.215], face: [0.2, 0.2, 0.52, 0.7], identity: 'jason-statham' },
  { crop: [0, 0.385, 0.14, 0.195], face: [0.2, 0.25, 0.6, 0.7], identity: 'jason-statham' },
  { crop: [0.14, 0.43, 0.23, 0.3], face: [0.2, 0.3, 0.52, 0.55], identity: 'jason-statham' },
  { crop: [0.365, 0.47, 0.135, 0.26], face: [0.25, 0.2, 0.55, 0.42], identity: 'bruce-willis' },
  { crop: [0.505, 0.42, 0.165, 0.23], face: [0.25, 0.2, 0.5, 0.6], identity: 'bruce-willis' },
  { crop: [0.67, 0.42, 0.33, 0.39], face: [0.47, 0.05, 0.12, 0.16], identity: 'dwayne-johnson' },
  { crop: [0, 0.58, 0.145, 0.19], face: [0.15, 0.3, 0.57, 0.52], identity: 'bruce-willis' },
  { crop: [0.505, 0.65, 0.165, 0.16], face: [0.35, 0.25, 0.37, 0.7], identity: 'bruce-willis' },
  { crop: [0, 0.77, 0.145, 0.23], face: [0.25, 0.22, 0.57, 0.63], identity: 'vin-diesel' },
  { crop: [0.145, 0.735, 0.2, 0.265], face: [0.15, 0.2, 0.6, 0.65], identity: 'bruce-willis' },
  { crop: [0.345, 0.73, 0.155, 0.27], face: [0.25, 0.25, 0.53, 0.5], identity: 'bruce-willis' },
  { crop: [0.505, 0.81, 0.175, 0.19], face: [0.28, 0.15, 0.5, 0.7], identity: 'dwayne-johnson' },
  { crop: [0.68, 0.81, 0.17, 0.19], face: [0.3, 0.2, 0.4, 0.6], identity: 'dwayne-johnson' },
  { crop: [0.85, 0.81, 0.15, 0.19], face: [0.3, 0.15, 0.55, 0.65], identity: 'dwayne-johnson' },
];

const round3 = (v: number) => Math.round(v * 1000) / 1000;

const baldTiles: PhotoTruthInput[] = BALD_TILES.map((tile, i) => ({
  id: `bald-guys-tile-${String(i).padStart(2, '0')}`,
  from: 'libdlib19.1',
  source: { file: `${DLIB}/faces/bald_guys.jpg`, crop: tile.crop },
  present: ['person'],
  faces: [{ box: tile.face, identity: tile.identity }],
}));

/** The same faces in the whole collage's coordinates. */
const baldCollageFaces = BALD_TILES.map(({ crop: [cl, ct, cw, ch], face: [fl, ft, fw, fh], identity }) => ({
  box: [round3(cl + fl * cw), round3(ct + ft * ch), round3(fw * cw), round3(fh * ch)] as Box,
  identity,
}));

export const GROUND_TRUTH_ROWS: readonly PhotoTruthInput[] = [
  // darknet's data/
  {
    id: 'darknet-dog',
    from: 'darknet',
    source: { file: `${DARKNET}/dog.jpg` },
    present: ['dog', 'bicycle'],
    uncertain: ['car', 'truck', 'potted plant'],
  },
  {
    id: 'darknet-eagle',
    from: 'darknet',
    source: { file: `${DARKNET}/eagle.jpg` },
    present: ['bird', 'water'],
  },
  {
    id: 'darknet-giraffe',
    from: 'darknet',
    source: { file: `${DARKNET}/giraffe.jpg` },
    present: ['giraffe', 'zebra'],
  },
  {
    id: 'darknet-horses',
    from: 'darknet',
    source: { file: `${DARKNET}/horses.jpg` },
    present: ['horse', 'mountain'],
    uncertain: ['snow'],
  },
  {
    // People on the beach are a few pixels tall: no face to see.
    id: 'darknet-kite',
    from: 'darknet',
    source: { file: `${DARKNET}/kite.jpg` },
    present: ['kite', 'person', 'beach', 'sea', 'water'],
  },
  {
    // The walker is seen from behind: no face.
    id: 'darknet-person',
    from: 'darknet',
    source: { file: `${DARKNET}/person.jpg` },
    present: ['person', 'dog', 'horse'],
    flags: ['pet-with-person'],
  },

  // dlib's faces/ (PASCAL VOC), its collage of four actors cut into its 24 photos, its street scenes and a video frame
  voc('2007_007763', ['person', 'chair'], ['potted plant', 'handbag', 'tv']),
  voc(
    '2008_002079',
    ['person', 'dining table', 'wine glass', 'tie', 'bottle'],
    ['chair', 'cup', 'knife', 'fork', 'vase'],
  ),
  voc('2008_001009', ['person'], ['chair']),
  voc('2008_001322', ['person', 'tie'], ['potted plant']),
  voc('2008_002470', ['person', 'tie', 'wine glass', 'dining table'], ['chair', 'cup', 'bottle']),
  voc('2008_002506', ['person'], ['bottle', 'cup']),
  voc('2008_004176', ['person', 'handbag'], ['clock']),
  voc('2008_007676', ['person', 'bowl', 'dining table'], ['cup', 'wine glass', 'bottle']),
  voc('2009_004587', ['person'], []),
  {
    id: 'dlib-tom-cruise',
    from: 'libdlib19.1',
    source: { file: `${DLIB}/faces/Tom_Cruise_avp_2014_4.jpg` },
    present: ['person'],
    uncertain: ['tie'],
    faces: [{ box: [0.14, 0.25, 0.72, 0.68], identity: 'tom-cruise' }],
  },
  {
    id: 'dlib-bald-guys-collage',
    from: 'libdlib19.1',
    source: { file: `${DLIB}/faces/bald_guys.jpg` },
    present: ['person'],
    uncertain: ['cell phone'],
    faces: baldCollageFaces,
    flags: ['group', 'collage'],
  },
  ...baldTiles,
  {
    id: 'dlib-dogs-collage',
    from: 'libdlib19.1',
    source: { file: `${DLIB}/faces/dogs.jpg` },
    present: ['dog'],
    uncertain: ['frisbee', 'sports ball'],
    flags: ['collage'],
  },
  {
    id: 'dlib-street-cars',
    from: 'libdlib19.1',
    source: { file: `${DLIB}/mmod_cars_test_image.jpg` },
    present: ['car', 'person', 'street', 'city'],
    uncertain: ['traffic light', 'truck', 'umbrella', 'bus'],
    flags: ['unlabelled-faces'],
  },
  {
    id: 'dlib-street-cars-2',
    from: 'libdlib19.1',
    source: { file: `${DLIB}/mmod_cars_test_image2.jpg` },
    present: ['car', 'street', 'city'],
    uncertain: ['truck', 'traffic light', 'person'],
    flags: ['unlabelled-faces'],
  },
  {
    id: 'dlib-video-frame-table',
    from: 'libdlib19.1',
    source: { file: `${DLIB}/video_frames/frame_000100.jpg` },
    present: ['cup', 'bottle'],
    uncertain: ['dining table', 'book'],
  },
  ...johnsSingles,

  // @vladmandic/face-api's demo photos: groups of women; whether one woman recurs across them nobody here can say,
  // so their faces carry no identity (kept out of the clustering figures).
  {
    id: 'faceapi-sample1',
    from: '@vladmandic/face-api',
    source: { file: `${FACE_API}/sample1.jpg` },
    present: ['person'],
    uncertain: ['wine glass', 'chair', 'bottle', 'cup', 'vase'],
    faces: [
      { box: [0.2, 0.26, 0.11, 0.19] },
      { box: [0.4, 0.33, 0.12, 0.19], turned: true },
      { box: [0.74, 0.17, 0.13, 0.21] },
    ],
    flags: ['group', 'turned-face'],
  },
  {
    id: 'faceapi-sample2',
    from: '@vladmandic/face-api',
    source: { file: `${FACE_API}/sample2.jpg` },
    present: ['person', 'couch', 'cell phone'],
    uncertain: ['handbag'],
    faces: [
      { box: [0.18, 0.08, 0.1, 0.22], turned: true },
      { box: [0.46, 0.14, 0.1, 0.2], turned: true },
      { box: [0.69, 0.1, 0.11, 0.22], turned: true },
    ],
    flags: ['group', 'turned-face'],
  },
  {
    id: 'faceapi-sample3',
    from: '@vladmandic/face-api',
    source: { file: `${FACE_API}/sample3.jpg` },
    present: ['person', 'couch'],
    uncertain: ['cup', 'wine glass', 'cell phone', 'handbag', 'chair'],
    faces: [
      { box: [0.27, 0.25, 0.13, 0.22] },
      { box: [0.55, 0.19, 0.12, 0.21] },
      { box: [0.73, 0.24, 0.12, 0.21] },
    ],
    flags: ['group'],
  },
  {
    id: 'faceapi-sample4',
    from: '@vladmandic/face-api',
    source: { file: `${FACE_API}/sample4.jpg` },
    present: ['person'],
    uncertain: ['cell phone', 'handbag'],
    faces: [
      { box: [0.11, 0.12, 0.11, 0.2] },
      { box: [0.37, 0.05, 0.1, 0.21] },
      { box: [0.52, 0.14, 0.1, 0.2], turned: true },
      { box: [0.65, 0.1, 0.1, 0.21] },
    ],
    flags: ['group', 'turned-face'],
  },
  {
    id: 'faceapi-sample5',
    from: '@vladmandic/face-api',
    source: { file: `${FACE_API}/sample5.jpg` },
    present: ['person'],
    faces: [
      { box: [0.39, 0.11, 0.09, 0.17] },
      { box: [0.31, 0.34, 0.09, 0.17] },
      { box: [0.57, 0.17, 0.09, 0.17] },
      { box: [0.71, 0.28, 0.11, 0.21] },
      { box: [0.18, 0.67, 0.12, 0.21] },
    ],
    flags: ['group'],
  },
  {
    id: 'faceapi-sample6',
    from: '@vladmandic/face-api',
    source: { file: `${FACE_API}/sample6.jpg` },
    present: ['person'],
    uncertain: ['handbag'],
    faces: [
      { box: [0.09, 0.25, 0.11, 0.22] },
      { box: [0.33, 0.18, 0.1, 0.2] },
      { box: [0.59, 0.12, 0.11, 0.21] },
      { box: [0.75, 0.13, 0.11, 0.21] },
    ],
    flags: ['group'],
  },

  // scikit-image's data/
  {
    id: 'skimage-astronaut',
    from: 'python3-skimage',
    source: { file: `${SKIMAGE}/astronaut.png` },
    present: ['person'],
    uncertain: ['airplane'],
    faces: [{ box: [0.36, 0.1, 0.21, 0.24], identity: 'eileen-collins' }],
  },
  {
    id: 'skimage-cameraman',
    from: 'python3-skimage',
    source: { file: `${SKIMAGE}/camera.png` },
    present: ['person'],
    faces: [{ box: [0.37, 0.13, 0.14, 0.17], identity: 'cameraman', turned: true }],
    flags: ['turned-face'],
  },
  {
    id: 'skimage-cat',
    from: 'python3-skimage',
    source: { file: `${SKIMAGE}/chelsea.png` },
    present: ['cat'],
  },
  {
    id: 'skimage-coffee',
    from: 'python3-skimage',
    source: { file: `${SKIMAGE}/coffee.png` },
    present: ['cup', 'spoon'],
    uncertain: ['dining table', 'bowl'],
  },
  {
    id: 'skimage-motorcycle',
    from: 'python3-skimage',
    source: { file: `${SKIMAGE}/motorcycle_left.png` },
    present: ['motorcycle'],
    uncertain: ['bench', 'chair'],
  },
  { id: 'skimage-rocket', from: 'python3-skimage', source: { file: `${SKIMAGE}/rocket.jpg` }, present: [] },

  // OpenCV's samples/data
  {
    id: 'opencv-aerial-city',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/aero1.jpg` },
    present: ['city'],
  },
  {
    id: 'opencv-aerial-city-2',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/aero3.jpg` },
    present: ['city'],
  },
  {
    id: 'opencv-aloe',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/aloeL.jpg` },
    present: ['potted plant'],
  },
  { id: 'opencv-apple', from: 'opencv-doc', source: { file: `${OPENCV}/apple.jpg` }, present: ['apple'] },
  { id: 'opencv-baboon', from: 'opencv-doc', source: { file: `${OPENCV}/baboon.jpg` }, present: [] },
  {
    id: 'opencv-basketball',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/basketball1.png` },
    present: ['person', 'sports ball'],
    uncertain: ['chair'],
    // The man on the right has his back to the camera.
    faces: [{ box: [0.09, 0.13, 0.07, 0.13], identity: 'opencv-basketball-player' }],
  },
  {
    id: 'opencv-hotel',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/building.jpg` },
    present: [],
    uncertain: ['car', 'potted plant', 'city'],
  },
  { id: 'opencv-butterfly', from: 'opencv-doc', source: { file: `${OPENCV}/butterfly.jpg` }, present: [] },
  { id: 'opencv-dog', from: 'opencv-doc', source: { file: `${OPENCV}/chicky_512.png` }, present: ['dog'] },
  {
    id: 'opencv-fruits',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/fruits.jpg` },
    present: ['orange'],
    uncertain: ['apple', 'banana'],
  },
  // Birds circle the towers of the palace.
  {
    id: 'opencv-palace-birds',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/home.jpg` },
    present: ['bird'],
  },
  {
    id: 'opencv-leuven-street',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/leuvenA.jpg` },
    present: ['street', 'city'],
    uncertain: ['potted plant'],
  },
  {
    id: 'opencv-car-motion',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/licenseplate_motion.jpg` },
    present: ['car', 'street'],
  },
  {
    id: 'opencv-messi',
    from: 'opencv-doc',
    source: { file: `${OPENCV}/messi5.jpg` },
    present: ['person', 'sports ball'],
    faces: [{ box: [0.385, 0.17, 0.05, 0.09], identity: 'lionel-messi' }],
    flags: ['unlabelled-faces'],
  },
  { id: 'opencv-orange', from: 'opencv-doc', source: { file: `${OPENCV}/orange.jpg` }, present: ['orange'] },
  { id: 'opencv-squirrel', from: 'opencv-doc', source: { file: `${OPENCV}/squirrel_cls.jpg` }, present: [] },
  { id: 'opencv-sweets', from: 'opencv-doc', source: { file: `${OPENCV}/smarties.png` }, present: [] },
  { id: 'opencv-desk-things', from: 'opencv-doc', source: { file: `${OPENCV}/stuff.jpg` }, present: [] },

  // MATE's nature wallpapers (photographs)
  {
    id: 'mate-water-drop',
    from: 'mate-backgrounds',
    source: { file: `${MATE}/Aqua.jpg` },
    present: ['water'],
  },
  { id: 'mate-leaf', from: 'mate-backgrounds', source: { file: `${MATE}/Blinds.jpg` }, present: [] },
  {
    id: 'mate-dune',
    from: 'mate-backgrounds',
    source: { file: `${MATE}/Dune.jpg` },
    present: ['sea', 'water'],
    uncertain: ['beach'],
  },
  {
    id: 'mate-fresh-flower',
    from: 'mate-backgrounds',
    source: { file: `${MATE}/FreshFlower.jpg` },
    present: ['flowers'],
  },
  {
    id: 'mate-marigold',
    from: 'mate-backgrounds',
    source: { file: `${MATE}/Garden.jpg` },
    present: ['flowers'],
  },
  { id: 'mate-meadow', from: 'mate-backgrounds', source: { file: `${MATE}/GreenMeadow.jpg` }, present: [] },
  // A ladybird on forget-me-nots: no bird.
  {
    id: 'mate-ladybird',
    from: 'mate-backgrounds',
    source: { file: `${MATE}/LadyBird.jpg` },
    present: ['flowers'],
  },
  { id: 'mate-rain-drops', from: 'mate-backgrounds', source: { file: `${MATE}/RainDrops.jpg` }, present: [] },
  {
    id: 'mate-storm',
    from: 'mate-backgrounds',
    source: { file: `${MATE}/Storm.jpg` },
    present: [],
    uncertain: ['street'],
  },
  {
    id: 'mate-dandelion-seeds',
    from: 'mate-backgrounds',
    source: { file: `${MATE}/TwoWings.jpg` },
    present: [],
    uncertain: ['flowers'],
  },
  { id: 'mate-wood', from: 'mate-backgrounds', source: { file: `${MATE}/Wood.jpg` }, present: [] },
  {
    id: 'mate-yellow-flower',
    from: 'mate-backgrounds',
    source: { file: `${MATE}/YellowFlower.jpg` },
    present: ['flowers'],
  },

  // Lomiri's and UKUI's wallpapers (the photographs among them)
  {
    id: 'lomiri-bridge-cables',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/Bridge_by_Sander_Klootwijk.jpg` },
    present: [],
    uncertain: ['beach', 'sea', 'water'],
  },
  {
    id: 'lomiri-dragonfly',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/Dragonfly_by_Bolly.jpg` },
    present: [],
  },
  {
    id: 'lomiri-nuthatch',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/Kleiber_by_Lukas_Baubkus.jpg` },
    present: ['bird'],
  },
  {
    id: 'lomiri-fig-bowl',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/Picture_0B_by_freespace.jpg` },
    present: ['bowl'],
  },
  {
    id: 'lomiri-brushes',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/Picture_1A_by_freespace.jpg` },
    present: [],
  },
  {
    id: 'lomiri-wine',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/Wine_by_Jakkub_Mede.jpg` },
    present: ['bottle', 'wine glass'],
    uncertain: ['dining table', 'chair'],
  },
  {
    id: 'lomiri-aitzgorri',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/aitzgorri_by_Aitzol_Berasategi.jpg` },
    present: ['mountain'],
    uncertain: ['forest'],
  },
  // A toy bird hanging from a lamp.
  {
    id: 'lomiri-toy-bird',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/free_by_Peter_Nerlich.jpg` },
    present: [],
    uncertain: ['bird'],
  },
  {
    id: 'lomiri-dogs-window',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/friends_by_Aitzol_Berasategi.jpg` },
    present: ['dog'],
  },
  {
    id: 'lomiri-clock',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/greentock_by_Peter_Nerlich.jpg` },
    present: ['clock'],
  },
  {
    id: 'lomiri-forest-stream',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/life_by_Aitzol_Berasategi.jpg` },
    present: ['forest', 'water'],
  },
  {
    id: 'lomiri-picos-de-europa',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/picosdeeuropa_by_Aitzol_Berasategi.jpg` },
    present: ['mountain', 'snow'],
  },
  {
    id: 'lomiri-dandelions',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/seeding_by_Clements_Engelhardt.jpg` },
    present: [],
    uncertain: ['flowers'],
  },
  {
    id: 'lomiri-sunset',
    from: 'lomiri-wallpapers',
    source: { file: `${BACKGROUNDS}/sunset_by_Aitzol_Berasategi.jpg` },
    present: ['sunset'],
    uncertain: ['mountain', 'sunrise'],
  },

  // KDE Plasma's wallpapers (the photographs among them)
  {
    id: 'plasma-by-the-water',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('BytheWater') },
    present: ['lake', 'water'],
  },
  {
    id: 'plasma-pier-fog',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('ColdRipple') },
    present: ['lake', 'water'],
  },
  {
    id: 'plasma-cups',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('ColorfulCups', '2560x1600') },
    present: ['cup'],
  },
  {
    id: 'plasma-dark-lake',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('DarkestHour') },
    present: [],
    uncertain: ['lake', 'water'],
  },
  {
    id: 'plasma-boats-sunset',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('EveningGlow') },
    present: ['boat', 'lake', 'water', 'sunset', 'mountain'],
    uncertain: ['sunrise'],
  },
  {
    id: 'plasma-fallen-leaf',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('FallenLeaf') },
    present: [],
  },
  {
    id: 'plasma-facade',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('Grey') },
    present: [],
    uncertain: ['city'],
  },
  {
    id: 'plasma-kite',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('Kite') },
    present: ['kite'],
  },
  {
    id: 'plasma-moss',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('OneStandsOut') },
    present: [],
  },
  {
    id: 'plasma-forest-path',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('Path') },
    present: ['forest'],
  },
  {
    id: 'plasma-lake-dusk',
    from: 'plasma-workspace-wallpapers',
    source: { file: PLASMA('summer_1am') },
    present: ['lake', 'water'],
    uncertain: ['sunset', 'sunrise'],
  },

  // Composites: held-out johns chips pasted on real photos (sizes chosen for the face-size buckets).
  {
    id: 'composite-forest-trio',
    from: 'libdlib19.1 + plasma-workspace-wallpapers',
    source: {
      background: PLASMA('Path'),
      longSide: 1280,
      faces: [
        placed('John_Salley', 'a', 200, 300, 200),
        placed('John_Savage', 'a', 540, 280, 200),
        placed('John_Simm', 'a', 880, 310, 200),
      ],
    },
    present: ['person', 'forest'],
    flags: ['composite', 'group'],
  },
  {
    id: 'composite-dune-pair',
    from: 'libdlib19.1 + mate-backgrounds',
    source: {
      background: `${MATE}/Dune.jpg`,
      longSide: 1280,
      faces: [placed('John_Schneider', 'a', 400, 300, 140), placed('John_Shimkus', 'a', 700, 320, 140)],
    },
    present: ['person', 'sea', 'water'],
    uncertain: ['beach'],
    flags: ['composite'],
  },
  {
    id: 'composite-lake-four',
    from: 'libdlib19.1 + plasma-workspace-wallpapers',
    source: {
      background: PLASMA('BytheWater'),
      longSide: 1280,
      faces: [
        placed('John_Salley', 'b', 300, 350, 70),
        placed('John_Savage', 'b', 450, 360, 70),
        placed('John_Schneider', 'b', 600, 340, 70),
        placed('John_Simm', 'b', 750, 355, 70),
      ],
    },
    present: ['person', 'lake', 'water'],
    flags: ['composite', 'group'],
  },
  {
    id: 'composite-meadow-five',
    from: 'libdlib19.1 + mate-backgrounds',
    source: {
      background: `${MATE}/GreenMeadow.jpg`,
      longSide: 1280,
      faces: [
        placed('John_Salley', 'a', 200, 300, 50),
        placed('John_Savage', 'a', 350, 310, 50),
        placed('John_Schneider', 'a', 500, 300, 50),
        placed('John_Shimkus', 'a', 650, 320, 50),
        placed('John_Simm', 'a', 800, 300, 50),
      ],
    },
    present: ['person'],
    flags: ['composite', 'group'],
  },
  {
    id: 'composite-mountain-small',
    from: 'libdlib19.1 + lomiri-wallpapers',
    source: {
      background: `${BACKGROUNDS}/aitzgorri_by_Aitzol_Berasategi.jpg`,
      longSide: 1280,
      faces: [
        placed('John_Shimkus', 'b', 400, 450, 34),
        placed('John_Simm', 'b', 500, 460, 34),
        placed('John_Salley', 'b', 600, 450, 34),
      ],
    },
    present: ['person', 'mountain'],
    uncertain: ['forest'],
    flags: ['composite', 'group', 'small-faces'],
  },
  {
    id: 'composite-leuven-street',
    from: 'libdlib19.1 + opencv-doc',
    source: {
      background: `${OPENCV}/leuvenA.jpg`,
      longSide: 1280,
      faces: [
        placed('John_Savage', 'b', 300, 400, 90),
        placed('John_Schneider', 'b', 520, 380, 90),
        placed('John_Shimkus', 'b', 800, 420, 45),
        placed('John_Simm', 'a', 900, 430, 45),
      ],
    },
    present: ['person', 'street', 'city'],
    uncertain: ['potted plant'],
    flags: ['composite', 'group'],
  },
  {
    id: 'composite-dogs-window',
    from: 'libdlib19.1 + lomiri-wallpapers',
    source: {
      background: `${BACKGROUNDS}/friends_by_Aitzol_Berasategi.jpg`,
      longSide: 1280,
      faces: [placed('John_Salley', 'a', 560, 620, 160)],
    },
    present: ['person', 'dog'],
    flags: ['composite', 'pet-with-person'],
  },
  {
    id: 'composite-dog-porch',
    from: 'libdlib19.1 + darknet',
    source: {
      background: `${DARKNET}/dog.jpg`,
      longSide: 1280,
      faces: [placed('John_Shimkus', 'a', 900, 380, 150)],
    },
    present: ['person', 'dog', 'bicycle'],
    uncertain: ['car', 'truck', 'potted plant'],
    flags: ['composite', 'pet-with-person'],
  },
  {
    id: 'composite-storm-tiny',
    from: 'libdlib19.1 + mate-backgrounds',
    source: {
      background: `${MATE}/Storm.jpg`,
      longSide: 1280,
      faces: [
        placed('John_Savage', 'a', 500, 500, 28),
        placed('John_Schneider', 'b', 560, 505, 28),
        placed('John_Simm', 'b', 620, 500, 28),
      ],
    },
    present: ['person'],
    uncertain: ['street'],
    flags: ['composite', 'group', 'small-faces'],
  },
  {
    id: 'composite-boats-pair',
    from: 'libdlib19.1 + plasma-workspace-wallpapers',
    source: {
      background: PLASMA('EveningGlow'),
      longSide: 1280,
      faces: [placed('John_Salley', 'b', 400, 200, 100), placed('John_Shimkus', 'a', 700, 220, 100)],
    },
    present: ['person', 'boat', 'lake', 'water', 'sunset', 'mountain'],
    uncertain: ['sunrise'],
    flags: ['composite'],
  },
  {
    id: 'composite-pier-four',
    from: 'libdlib19.1 + plasma-workspace-wallpapers',
    source: {
      background: PLASMA('ColdRipple'),
      longSide: 1280,
      faces: [
        placed('John_Savage', 'a', 300, 300, 60),
        placed('John_Schneider', 'a', 450, 310, 60),
        placed('John_Shimkus', 'b', 600, 300, 60),
        placed('John_Salley', 'a', 750, 305, 60),
      ],
    },
    present: ['person', 'lake', 'water'],
    flags: ['composite', 'group'],
  },
  {
    id: 'composite-kite-beach',
    from: 'libdlib19.1 + darknet',
    source: {
      background: `${DARKNET}/kite.jpg`,
      longSide: 1280,
      faces: [
        placed('John_Simm', 'a', 300, 500, 80),
        placed('John_Savage', 'b', 450, 520, 80),
        placed('John_Schneider', 'a', 600, 510, 80),
      ],
    },
    present: ['person', 'kite', 'beach', 'sea', 'water'],
    flags: ['composite', 'group', 'unlabelled-faces'],
  },
];
