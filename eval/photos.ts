/**
 * The real photographs the acceptance library is made of, from Debian packages (scripts/fetch-acceptance-photos.sh
 * unpacks them under one root). `content` is what a person sees in the picture, written down by looking at each one;
 * it documents the ground truth and is what "what is this?" may describe. A photograph may be used by several files
 * of the library (re-encoded and resized, so every file is distinct), each with its own metadata.
 */
export interface SourcePhoto {
  /** Path below the unpacked packages' root. */
  file: string;
  content: readonly string[];
}

const DARKNET = 'usr/share/darknet/data';
const SKIMAGE = 'usr/lib/python3/dist-packages/skimage/data';
const DLIB = 'usr/share/doc/libdlib19.1/examples';
const MATE = 'usr/share/backgrounds/mate';
const UKUI = 'usr/share/backgrounds';

export const SOURCE_PHOTOS = {
  dog: { file: `${DARKNET}/dog.jpg`, content: ['dog', 'bicycle', 'porch', 'car'] },
  eagle: { file: `${DARKNET}/eagle.jpg`, content: ['eagle', 'bird', 'water'] },
  giraffe: { file: `${DARKNET}/giraffe.jpg`, content: ['giraffe', 'zebra', 'trees'] },
  horses: { file: `${DARKNET}/horses.jpg`, content: ['horse', 'meadow', 'mountains', 'snow on peaks'] },
  kite: { file: `${DARKNET}/kite.jpg`, content: ['beach', 'sea', 'kites', 'people walking'] },
  walker: { file: `${DARKNET}/person.jpg`, content: ['person', 'dog', 'horse', 'moor'] },
  astronaut: { file: `${SKIMAGE}/astronaut.png`, content: ['person', 'astronaut', 'flag', 'space shuttle'] },
  cat: { file: `${SKIMAGE}/chelsea.png`, content: ['cat'] },
  coffee: { file: `${SKIMAGE}/coffee.png`, content: ['coffee cup', 'saucer', 'spoon', 'table'] },
  motorcycleLeft: { file: `${SKIMAGE}/motorcycle_left.png`, content: ['motorcycle', 'garage'] },
  motorcycleRight: { file: `${SKIMAGE}/motorcycle_right.png`, content: ['motorcycle', 'garage'] },
  rocket: { file: `${SKIMAGE}/rocket.jpg`, content: ['rocket', 'launch pad', 'dusk'] },
  cameraman: {
    file: `${SKIMAGE}/camera.png`,
    content: ['person', 'camera', 'tripod', 'grass (black and white)'],
  },
  elders: { file: `${DLIB}/faces/2007_007763.jpg`, content: ['people', 'family', 'living room'] },
  twoFriends: { file: `${DLIB}/faces/2008_001009.jpg`, content: ['two women', 'smiling'] },
  trio: { file: `${DLIB}/faces/2008_001322.jpg`, content: ['two men and a woman', 'suits'] },
  dinner: { file: `${DLIB}/faces/2008_002079.jpg`, content: ['people', 'dinner table', 'restaurant'] },
  restaurant: { file: `${DLIB}/faces/2008_002470.jpg`, content: ['people', 'restaurant', 'drinks'] },
  threeFriends: { file: `${DLIB}/faces/2008_002506.jpg`, content: ['three men', 'party'] },
  elvisShop: { file: `${DLIB}/faces/2008_004176.jpg`, content: ['people', 'Elvis impersonators', 'shop'] },
  girlsNight: { file: `${DLIB}/faces/2008_007676.jpg`, content: ['women', 'bar', 'night'] },
  couple: { file: `${DLIB}/faces/2009_004587.jpg`, content: ['man', 'woman', 'indoors'] },
  dogsCollage: { file: `${DLIB}/faces/dogs.jpg`, content: ['dogs (four photos in one)'] },
  streetCars: { file: `${DLIB}/mmod_cars_test_image.jpg`, content: ['cars', 'street', 'city'] },
  streetCars2: { file: `${DLIB}/mmod_cars_test_image2.jpg`, content: ['cars', 'street', 'parked cars'] },
  johnSimm: { file: `${DLIB}/johns/John_Simm/000288_00470387.jpg`, content: ['man', 'face close-up'] },
  johnSavage: {
    file: `${DLIB}/johns/John_Savage/000264_01099001.jpg`,
    content: ['man', 'face close-up', 'smiling'],
  },
  johnShimkus: { file: `${DLIB}/johns/John_Shimkus/000373_03228153.jpg`, content: ['man', 'face close-up'] },
  marigold: { file: `${MATE}/nature/Garden.jpg`, content: ['flower', 'marigold', 'close-up'] },
  dune: { file: `${MATE}/nature/Dune.jpg`, content: ['dune grass', 'sea', 'sky'] },
  wood: { file: `${MATE}/nature/Wood.jpg`, content: ['wood grain', 'close-up'] },
  waterDrop: { file: `${MATE}/nature/Aqua.jpg`, content: ['water drop', 'splash'] },
  dandelion: { file: `${MATE}/nature/TwoWings.jpg`, content: ['dandelion seeds', 'orange flower behind'] },
  storm: { file: `${MATE}/nature/Storm.jpg`, content: ['storm clouds', 'moorland', 'road'] },
  meadow: { file: `${MATE}/nature/GreenMeadow.jpg`, content: ['grass', 'close-up'] },
  raindrops: { file: `${MATE}/nature/RainDrops.jpg`, content: ['leaves', 'rain drops'] },
  leaf: { file: `${MATE}/nature/Blinds.jpg`, content: ['leaf', 'close-up'] },
  redFlower: { file: `${MATE}/nature/FreshFlower.jpg`, content: ['flower', 'orange petals'] },
  ladybird: { file: `${MATE}/nature/LadyBird.jpg`, content: ['ladybird', 'forget-me-nots', 'grass'] },
  yellowFlower: { file: `${MATE}/nature/YellowFlower.jpg`, content: ['flower', 'yellow petals'] },
  // Not photographs: desktop artwork, used as the phone's screenshots (what a screenshot of a home screen shows).
  artString: { file: `${UKUI}/string.jpg`, content: ['screen: abstract wallpaper'] },
  artCity: { file: `${UKUI}/city.png`, content: ['screen: flat shapes'] },
} as const satisfies Record<string, SourcePhoto>;

export type PhotoKey = keyof typeof SOURCE_PHOTOS;
