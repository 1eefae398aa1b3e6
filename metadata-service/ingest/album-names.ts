import { normalizeName } from '../repositories/names';

/**
 * Which names are albums people made. A folder a person named ("Summer trip", "Beach day", "Anna's wedding 2019"),
 * a Takeout album's title or an XMP/IPTC event is an album; the filing that cameras, phones, apps, backup tools and
 * exporters make is not: dates ("2019", "2019-07", "July 2019"), Takeout's automatic year folders in every locale
 * ("Photos from 2019", "Fotos von 2019", "Photos de 2019"), DCF camera folders (DCIM/100CANON), device, app and
 * storage folders (Camera, Phone, Screenshots, WhatsApp Images, Downloads, Misc, Backup, Pictures, Untitled…).
 * One rule for every source of album names, so a folder and a title that say the same thing agree.
 */

/** Why a name is not an album; undefined for an album. Stable codes: tests and logs name them. */
export type NotAlbumReason = 'empty' | 'date' | 'camera-folder' | 'device' | 'filing';

/**
 * Whole names (normalized: lower-case, no accents or apostrophes, single spaces) that are filing, by who makes them.
 * A name made only of these words, filler words and dates is filing too ("WhatsApp Images 2019", "My Photos").
 */
const FILING_NAMES: Readonly<Record<'camera' | 'app' | 'storage' | 'untitled', readonly string[]>> = {
  camera: [
    'dcim', 'camera', 'camera roll', 'cameraroll', 'kamera', 'camara', 'fotocamera', 'appareil photo',
    'phone', 'mobile', 'handy', 'telephone', 'smartphone', 'tablet', 'card', 'sd card', 'memory card',
  ],
  app: [
    'screenshots', 'screenshot', 'screen shots', 'screen shot', 'screen recordings', 'screenrecorder',
    'bildschirmfotos', 'captures decran', 'capturas de pantalla', 'schermafbeeldingen',
    'whatsapp', 'whatsapp images', 'whatsapp video', 'whatsapp animated gifs', 'whatsapp stickers', 'sent', 'private',
    'telegram', 'telegram images', 'telegram video', 'signal', 'instagram', 'facebook', 'messenger', 'snapchat',
    'twitter', 'viber', 'wechat', 'line', 'threema', 'snapseed', 'vsco', 'lightroom', 'picsart', 'facetune',
    'mobile uploads', 'profile pictures', 'cover photos', 'timeline photos', 'instant upload', 'auto backup',
    'google photos', 'google fotos', 'icloud', 'icloud photos', 'photo stream', 'my photo stream', 'onedrive',
    'dropbox', 'camera uploads', 'photos library', 'photo library', 'iphoto library', 'masters', 'shotwell',
    'photoslibrary', 'photolibrary', 'resources', 'derivatives', 'thumbnails', 'previews', 'cache',
  ],
  storage: [
    'download', 'downloads', 'misc', 'miscellaneous', 'sonstiges', 'divers', 'various', 'other', 'others',
    'backup', 'backups', 'sicherung', 'pictures', 'my pictures', 'eigene bilder', 'photos', 'photo', 'fotos',
    'foto', 'bilder', 'images', 'image', 'img', 'imgs', 'pics', 'pix', 'export', 'exports', 'exported', 'import',
    'imports', 'imported', 'takeout', 'google takeout', 'originals', 'original', 'edited', 'edits', 'raw', 'jpeg',
    'jpg', 'heic', 'png', 'videos', 'video', 'movies', 'saved', 'saved pictures', 'received', 'shared', 'temp',
    'tmp', 'unsorted', 'to sort', 'sorted', 'inbox', 'uploads', 'upload', 'archive', 'archived', 'archiv',
    'trash', 'bin', 'recycle bin', 'papierkorb', 'corbeille', 'deleted', 'recently deleted', 'failed videos',
    'library', 'media', 'all photos', 'alle fotos', 'wallpapers', 'wallpaper', 'documents', 'my documents',
    'desktop', 'new', 'old', 'data', 'files', 'dateien', 'stuff',
  ],
  untitled: [
    'untitled', 'untitled album', 'unnamed', 'new folder', 'neuer ordner', 'nouveau dossier', 'nueva carpeta',
    'nuova cartella', 'nieuwe map', 'unbenannt', 'ohne titel', 'sans titre', 'sin titulo', 'senza titolo',
    'zonder titel', 'bez tytulu', 'sem titulo', 'new album',
  ],
}; // prettier-ignore

/**
 * Words that only say "photos of/from" in the six product locales and the Takeout locales: a name made of these and
 * dates is Takeout's automatic year folder or a date folder ("Photos from 2019", "Fotos von 2019", "Foto's uit 2019").
 */
const FILLER_WORDS = [
  'photos', 'photo', 'fotos', 'foto', 'pictures', 'picture', 'pics', 'pic', 'images', 'image', 'bilder', 'bild',
  'zdjecia', 'fotografias', 'fotografie', 'videos', 'video', 'my', 'meine', 'mes', 'mis', 'le', 'la', 'les', 'de',
  'del', 'dal', 'di', 'da', 'do', 'von', 'vom', 'aus', 'from', 'of', 'the', 'du', 'des', 'uit', 'van', 'z', 'in',
  'im', 'and', 'und', 'et', 'y', 'e', 'all', 'alle', 'year', 'jahr', 'annee', 'ano', 'anno', 'jaar', 'rok',
]; // prettier-ignore

/** Month names (en, de, fr, es, it, nl, pt) and their short forms: "July 2019" and "2019 Juli" are date filing. */
const MONTH_WORDS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'januar', 'februar', 'marz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'okt', 'dez',
  'janvier', 'fevrier', 'mars', 'avril', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre',
  'diciembre', 'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'januari', 'februari', 'maart', 'mei', 'augustus', 'janeiro', 'fevereiro', 'marco', 'maio', 'junho', 'julho',
  'setembro', 'outubro', 'novembro', 'dezembro',
]; // prettier-ignore

/** Makers whose name leads a device folder ("iPhone 12 Pro", "Galaxy S21", "Canon EOS R6", "GoPro Hero 9"). */
const DEVICE_BRANDS = [
  'iphone', 'ipad', 'ipod', 'pixel', 'galaxy', 'samsung', 'huawei', 'xiaomi', 'redmi', 'oneplus', 'oppo', 'vivo',
  'motorola', 'moto', 'nokia', 'lg', 'htc', 'sony', 'xperia', 'canon', 'eos', 'nikon', 'fuji', 'fujifilm',
  'olympus', 'panasonic', 'lumix', 'gopro', 'dji', 'leica', 'ricoh', 'pentax', 'kodak', 'android', 'nexus',
]; // prettier-ignore
/** Words a model name is made of besides tokens with digits ("Pro Max", "Mark II", "EOS R"). */
const MODEL_WORDS = [
  'pro', 'max', 'plus', 'mini', 'ultra', 'lite', 'se', 'air', 'note', 'edge', 'fold', 'flip', 'mark', 'ii', 'iii',
  'iv', 'hero', 'eos', 'rebel', 'alpha', 'a', 's', 'x', 'r', 'z', 'fe', 'camera', 'phone',
]; // prettier-ignore

/** DCF camera folders: three digits and five characters (100CANON, 100APPLE, 100MSDCF, 101NIKON, 100_FUJI). */
const DCF_FOLDER = /^\d{3}[a-z0-9_]{5}$/i;
/** Takeout's counter for a second album of the same title: "Trip(1)", "Sans titre(9)". */
const TAKEOUT_COUNTER = /\(\d+\)$/;
const YEAR = /^(18|19|20)\d{2}$/;
/** Date tokens: 2019, 07, 14, 20190714, 2019-07-14 split into its numbers, 1st/2nd. */
const DATE_NUMBER = /^(\d{1,2}|\d{3}|\d{4}|\d{6}|\d{8})(st|nd|rd|th)?$/;
/** A compact timestamp, as Takeout names its archives' folders ("takeout-20231006T063000Z-001"). */
const TIMESTAMP = /^\d{8}t\d{4,6}z?$/;

const filingNames = new Set(Object.values(FILING_NAMES).flat());
const filingWords = new Set([...filingNames].filter((name) => !name.includes(' ')));
const fillerWords = new Set(FILLER_WORDS);
const monthWords = new Set(MONTH_WORDS);
const deviceBrands = new Set(DEVICE_BRANDS);
const modelWords = new Set(MODEL_WORDS);

/** The name an album is shown and matched by: trimmed, with Takeout's duplicate counter dropped. */
export function albumDisplayName(name: string): string {
  return name.trim().replace(TAKEOUT_COUNTER, '').trim();
}

/** Why `name` is not an album a person made, or undefined when it is one. */
export function notAlbumReason(name: string): NotAlbumReason | undefined {
  const normalized = normalizeName(albumDisplayName(name));
  if (normalized.length === 0) return 'empty';
  if (!/\p{L}/u.test(normalized)) return 'date';
  if (DCF_FOLDER.test(name.trim())) return 'camera-folder';
  if (filingNames.has(normalized)) return 'filing';
  // One letter is a bucket ("A"…"Z" indexes, a library's hashed "originals/F"), never a name for an event.
  if (normalized.length === 1) return 'filing';
  const words = normalized.split(' ');
  if (words.every((w) => isDateWord(w) || fillerWords.has(w))) return 'date';
  if (words.every((w) => isDateWord(w) || fillerWords.has(w) || filingWords.has(w))) return 'filing';
  if (isDeviceName(words)) return 'device';
  return undefined;
}

export function isAlbumName(name: string): boolean {
  return notAlbumReason(name) === undefined;
}

function isDateWord(word: string): boolean {
  return YEAR.test(word) || DATE_NUMBER.test(word) || TIMESTAMP.test(word) || monthWords.has(word);
}

function isDeviceName(words: readonly string[]): boolean {
  const [first, ...rest] = words;
  if (first === undefined || !deviceBrands.has(first)) return false;
  return rest.every((w) => /\d/.test(w) || modelWords.has(w) || deviceBrands.has(w) || isDateWord(w));
}
