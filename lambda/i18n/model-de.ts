import type { HolidayId } from '../../common/calendar';
import type { EntitySeed } from './model-en';
import { GERMAN_HOLIDAYS } from './vocabulary-de';

/** German interaction-model sources; same template syntax as model-en.ts. */
export const GERMAN_SHORTHANDS: Readonly<Record<string, string>> = {
  $show: '(zeig|zeige|zeig mir|zeige mir|zeig uns|zeige uns|ich möchte)',
  /** Combinations of two or more slots multiply fast: fewer verbs. */
  $brief: '(zeig|zeig mir)',
  $photos: '(fotos|bilder)',
  $from: '(vom|von|aus dem|aus)',
};

export const GERMAN_SHOW_TEMPLATES: readonly string[] = [
  // Alles.
  '$show (meine|alle meine|alle|unsere) $photos',
  '(starte|spiel|spiele) eine diashow',
  '(starte|spiel|spiele) eine diashow (mit|von) (meinen|allen) $photos',
  // Was.
  '$show {subject} $photos',
  '$show (meine|unsere|die) {subject} $photos',
  '$show $photos (vom|von|mit|mit dem|mit der) {subject}',
  '$show {subject}',
  // "zeig mir meine Katzen": without the possessive here, Alexa hears the subject as "meine Katzen" (no match).
  '$show (meine|unsere) {subject}',
  '(starte|spiel) eine diashow (mit|von) {subject} $photos',
  '{subject} $photos',
  '$photos (vom|von|mit) {subject}',
  // Wann.
  '$show $photos $from {date}',
  '$show (meine|unsere) $photos $from {date}',
  '$brief {subject} $photos $from {date}',
  '$brief {subject} $from {date}',
  '$brief $photos (vom|von|mit) {subject} $from {date}',
  '(starte|spiel) eine diashow mit $photos $from {date}',
  '$photos $from {date}',
  '$photos (vom|von|mit) {subject} $from {date}',
  '(was haben wir|was habe ich) {date} gemacht',
  'wo waren wir {date}',
  'was haben wir {date} erlebt',
  // Wo.
  '$show $photos (aus|in|von) {place}',
  '$show $photos (von|aus) (unserer|meiner|der) reise nach {place}',
  '$show $photos (von|aus) (unserem|meinem|dem) urlaub in {place}',
  '$brief {subject} $photos (aus|in) {place}',
  '$show $photos (aus|in|von) {country}',
  '$show $photos (von|aus) (unserer|meiner|der) reise nach {country}',
  '$brief $photos (aus|in) {place} $from {date}',
  '$brief $photos (aus|in) {country} $from {date}',
  '$photos (von|aus) (unserer|meiner) reise nach {place}',
  'was haben wir in {place} gemacht',
  // Wer.
  '$show $photos (von|mit) {person}',
  '$show {person} $photos',
  // Zwei Personen, beide auf jedem Foto.
  '$show $photos (von|mit) {person} und {other_person}',
  '$brief $photos (von|mit) {person} und {other_person} $from {date}',
  '$brief $photos (von|mit) {person} $from {date}',
  '$brief $photos (von|mit) {person} (in|aus) {place}',
  '$brief {subject} $photos mit {person}',
  // Alben.
  '(spiel|zeig|öffne|zeig mir) (mein|das|unser) album {album}',
  '(spiel|zeig|öffne) (mein|das|unser) {album} album',
  '$show $photos aus (dem|meinem|unserem) album {album}',
  '(starte|spiel) eine diashow (mit|von) (dem|meinem) album {album}',
  '$brief das album {album} $from {date}',
  // Feiertage.
  '$show $photos (von|vom|an|zu) {holiday}',
  '$show $photos (vom|von) letzten {holiday}',
  '$brief $photos (von|vom) {holiday} aus {recurrence}',
  '$brief $photos (von|vom) {holiday} (im jahr|aus dem jahr|aus) {date}',
  '$brief {subject} $photos (von|vom|an) {holiday}',
  '$brief $photos (von|mit) {person} (an|zu|vom|von) {holiday}',
  '(was haben wir|was habe ich) (an|zu) {holiday} gemacht',
  'wo waren wir (an|zu) {holiday}',
  '$photos (von|vom) (letzten|) {holiday}',
];

export const GERMAN_SEARCH_TEMPLATES: readonly string[] = [
  '(suche|such|finde|finde mir) {query}',
  '(suche|such) nach {query}',
  '(suche|such) in meinen (fotos|bildern) nach {query}',
];

/** "Was ist das für ein Foto?", "Wann wurde das aufgenommen?", "Wer ist das?": {question} is PHOTO_QUESTION. */
export const GERMAN_PHOTO_INFO_TEMPLATES: readonly string[] = [
  'was ist das für ein (foto|bild)',
  'was sehe ich (da|hier)',
  'erzähl mir (etwas|mehr) über (das|dieses) (foto|bild)',
  '{question} ist das',
  '{question} ist das (hier|da)',
  '{question} wurde (das|dieses) (foto|bild|) aufgenommen',
  '{question} haben wir (das|dieses) (foto|bild|) (aufgenommen|gemacht)',
  '{question} ist (auf|in) (dem|diesem) (foto|bild)',
  '{question} sind die leute auf (dem|diesem) (foto|bild)',
];

/** "Schneller", "langsamer", "zeig jedes Foto länger": {speed} is SLIDESHOW_SPEED. */
export const GERMAN_SPEED_TEMPLATES: readonly string[] = [
  '{speed} bitte',
  '(etwas|ein bisschen|viel) {speed}',
  '(etwas|ein bisschen|viel) {speed} bitte',
  '(mach|spiel|spiele) (es|die diashow|die fotos|die bilder) {speed}',
  '(mach|spiel|spiele) (es|die diashow|die fotos|die bilder) (etwas|ein bisschen) {speed}',
  '(wechsle|wechsel) die (fotos|bilder) {speed}',
  'diashow {speed}',
  '(zeig|zeige) (jedes|jedes einzelne) (foto|bild) {speed}',
  '(lass|lasse) (jedes|die) (foto|bild|fotos|bilder) {speed} (stehen|an)',
];

/** "Das gefällt mir", "zu den Favoriten hinzufügen"; {side} (PHOTO_SIDE: linke/rechte) picks one of a pair. */
export const GERMAN_FAVORITE_TEMPLATES: readonly string[] = [
  '(markiere|speichere) (das|dieses) (foto|bild|) als favorit',
  '(füge|leg) (das|dieses) (foto|bild|) zu (meinen|den) favoriten hinzu',
  '(das|dieses) (foto|bild) zu (meinen|den) favoriten',
  'zu (meinen|den) favoriten hinzufügen',
  'ich (liebe|mag) (das|dieses) (foto|bild)',
  '(das|dieses) (foto|bild|) gefällt mir',
  'das ist ein favorit',
  '(markiere|speichere) das {side} (foto|bild) als favorit',
  '(füge|leg) das {side} (foto|bild) zu (meinen|den) favoriten hinzu',
  'ich (liebe|mag) das {side} (foto|bild)',
  'das {side} (foto|bild) gefällt mir',
];

/** "Verstecke dieses Foto", "zeig das nie wieder". */
export const GERMAN_HIDE_TEMPLATES: readonly string[] = [
  '(verstecke|versteck) (das|dieses) (foto|bild|)',
  'blende (das|dieses) (foto|bild|) aus',
  '(zeig|zeige) (mir|) (das|dieses) (foto|bild|) nie wieder',
  '(das|dieses) (foto|bild) (nicht mehr|nie wieder) zeigen',
  'ich (will|möchte) (das|dieses) (foto|bild|) nicht (mehr|) sehen',
  'entferne (das|dieses) (foto|bild|) aus der diashow',
  '(verstecke|versteck) das {side} (foto|bild)',
  'blende das {side} (foto|bild) aus',
  '(zeig|zeige) (mir|) das {side} (foto|bild) nie wieder',
];

/** "Das ist Mama", während ein Foto zu sehen ist: {name} ist PERSON. */
export const GERMAN_NAME_PERSON_TEMPLATES: readonly string[] = [
  '(das ist|das hier ist) {name}',
  'die person (auf dem|im) (foto|bild) ist {name}',
  '(sie|er) heißt {name}',
  'das ist (meine|mein|unsere|unser) {name}',
];

/** "Verbinde Rahmen 4821": {code} sind die vier Ziffern, die ein Web-Rahmen zeigt. */
export const GERMAN_LINK_FRAME_TEMPLATES: readonly string[] = [
  '(verbinde|koppele|kopple) (den|meinen|) (rahmen|bilderrahmen|bildschirm) {code}',
  '(rahmen|bilderrahmen) {code} (verbinden|koppeln)',
  'der (rahmen|bildschirm) code ist {code}',
];

/** "Zeig mir mehr davon", "mehr Fotos von diesem Tag / von hier / mit ihnen": {similarity} is SIMILARITY. */
export const GERMAN_MORE_LIKE_THIS_TEMPLATES: readonly string[] = [
  '(zeig|zeig mir|zeige mir|) mehr (davon|wie das|wie dieses|solche fotos|solche bilder)',
  '(zeig|zeig mir|zeige mir|) (mehr|ähnliche) (fotos|bilder) wie (das|dieses)',
  '(zeig|zeig mir|zeige mir) ähnliche (fotos|bilder)',
  '(zeig|zeig mir|zeige mir|) mehr (fotos|bilder) (von|vom|aus|mit|an) {similarity}',
  '(zeig|zeig mir|zeige mir|) mehr (von|vom|aus|mit) {similarity}',
];

export function germanHolidays(): EntitySeed[] {
  return (Object.entries(GERMAN_HOLIDAYS) as Array<[HolidayId, (typeof GERMAN_HOLIDAYS)[HolidayId]]>).map(
    ([id, holiday]) => ({ id, value: holiday.value, synonyms: holiday.synonyms }),
  );
}

export const GERMAN_PEOPLE: EntitySeed[] = [
  { id: 'MOM', value: 'mama', synonyms: ['mamas', 'mutti', 'mutter', 'meiner mutter', 'meiner mama'] },
  { id: 'DAD', value: 'papa', synonyms: ['papas', 'vati', 'vater', 'meinem vater', 'meinem papa'] },
  { id: 'GRANDMA', value: 'oma', synonyms: ['omas', 'großmutter', 'omi'] },
  { id: 'GRANDPA', value: 'opa', synonyms: ['opas', 'großvater', 'opi'] },
  { id: 'BROTHER', value: 'meinem bruder', synonyms: ['mein bruder', 'bruder'] },
  { id: 'SISTER', value: 'meiner schwester', synonyms: ['meine schwester', 'schwester'] },
  { id: 'SON', value: 'meinem sohn', synonyms: ['mein sohn', 'sohn'] },
  { id: 'DAUGHTER', value: 'meiner tochter', synonyms: ['meine tochter', 'tochter'] },
];

export const GERMAN_ALBUMS: EntitySeed[] = [
  { id: 'VACATION', value: 'urlaub', synonyms: ['sommerurlaub', 'reise', 'roadtrip'] },
  { id: 'WEDDING', value: 'hochzeit', synonyms: ['unsere hochzeit'] },
  { id: 'FAVORITES', value: 'favoriten', synonyms: ['lieblingsfotos', 'lieblingsbilder'] },
  { id: 'HONEYMOON', value: 'flitterwochen', synonyms: [] },
  { id: 'CAMERA_ROLL', value: 'aufnahmen', synonyms: ['neueste', 'zuletzt'] },
];

export const GERMAN_RECURRENCE: EntitySeed[] = [
  {
    id: 'EVERY_YEAR',
    value: 'allen jahren',
    synonyms: ['jedem jahr', 'all den jahren', 'den letzten jahren'],
  },
];

export const GERMAN_SPEED: EntitySeed[] = [
  { id: 'FASTER', value: 'schneller', synonyms: ['flotter', 'zügiger', 'kürzer', 'weniger lang'] },
  { id: 'SLOWER', value: 'langsamer', synonyms: ['länger', 'ruhiger', 'gemächlicher'] },
];

export const GERMAN_SIDES: EntitySeed[] = [
  { id: 'LEFT', value: 'linke', synonyms: ['linken', 'links'] },
  { id: 'RIGHT', value: 'rechte', synonyms: ['rechten', 'rechts'] },
];

export const GERMAN_SIMILARITY: EntitySeed[] = [
  {
    id: 'DAY',
    value: 'diesem tag',
    synonyms: ['dem tag', 'demselben tag', 'dem gleichen tag', 'selben tag', 'gleichen tag', 'diesem datum'],
  },
  {
    id: 'PLACE',
    value: 'diesem ort',
    synonyms: ['dem ort', 'demselben ort', 'dem gleichen ort', 'selben ort', 'gleichen ort', 'hier', 'dort'],
  },
  {
    id: 'TRIP',
    value: 'dieser reise',
    synonyms: ['derselben reise', 'der reise', 'diesem urlaub', 'dem urlaub', 'demselben urlaub'],
  },
  {
    id: 'PEOPLE',
    value: 'ihnen',
    synonyms: [
      'ihm',
      'ihr',
      'diesen leuten',
      'diesen personen',
      'denselben leuten',
      'den gleichen leuten',
      'dieser person',
    ],
  },
];

export const GERMAN_QUESTIONS: EntitySeed[] = [
  { id: 'WHAT', value: 'was', synonyms: [] },
  { id: 'WHEN', value: 'wann', synonyms: ['an welchem tag', 'in welchem jahr'] },
  { id: 'WHERE', value: 'wo', synonyms: ['an welchem ort', 'in welcher stadt'] },
  { id: 'WHO', value: 'wer', synonyms: [] },
];

/** Extra samples for the built-in controls in German (the built-ins' own German phrases come with them). */
export const GERMAN_BUILT_IN_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.NextIntent': [
    'nächstes (foto|bild)',
    '(zeig|zeige) das nächste (foto|bild)',
    '(dieses|das) (foto|bild) überspringen',
  ],
  'AMAZON.PreviousIntent': [
    'vorheriges (foto|bild)',
    '(zeig|zeige) das vorherige (foto|bild)',
    'ein (foto|bild) zurück',
  ],
  'AMAZON.PauseIntent': ['(halte|halt) die diashow an', 'diashow (anhalten|pausieren)'],
  'AMAZON.ResumeIntent': ['diashow fortsetzen', 'setze die diashow fort', 'mach mit der diashow weiter'],
  'AMAZON.StartOverIntent': [
    'diashow von vorne',
    '(starte|fange) die diashow (neu|von vorne an)',
    'zurück zum (anfang|ersten foto)',
  ],
  'AMAZON.ShuffleOnIntent': [
    '(fotos|bilder) mischen',
    'zufällige reihenfolge',
    '(zeig|zeige) die (fotos|bilder) (zufällig|durcheinander)',
  ],
  'AMAZON.ShuffleOffIntent': [
    'nicht mehr mischen',
    '(zeig|zeige) die (fotos|bilder) (der reihe nach|nach datum)',
  ],
  'AMAZON.LoopOnIntent': ['diashow wiederholen', 'wiederhole die diashow'],
  'AMAZON.LoopOffIntent': ['diashow nicht wiederholen', 'beim letzten (foto|bild) aufhören'],
};
