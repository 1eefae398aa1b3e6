import { addDays, type CalendarDate } from '../../common/calendar';
import type { SeasonName } from '../../common/calendar';
import type { CalendarUnit, DatePhrase } from '../../common/calendar';
import {
  photoNounOfSelection,
  type FoundPhotos,
  type PhotoInfo,
  type PhotoQuestion,
  type PhotoRef,
  type PhotoSelection,
  type PhotoSpan,
  type SimilarMatch,
  type SkillStrings,
} from './skill-strings';
import { germanNothingFound } from './nothing-found-de';
import { escapeSsml } from './ssml';
import { GERMAN_HOLIDAYS, GERMAN_SUBJECTS, germanOne } from './vocabulary-de';

const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
] as const;
const ORDINALS = ['ersten', 'zweiten', 'dritten', 'vierten'] as const;
const SEASONS: Readonly<Record<SeasonName, string>> = {
  spring: 'Frühling',
  summer: 'Sommer',
  autumn: 'Herbst',
  winter: 'Winter',
};

const month = (m: number): string => MONTHS[m - 1] ?? '';
/** A rolling window up to today: "aus den letzten 2 Wochen", "aus dem letzten Monat". */
const GERMAN_RECENT: Readonly<Record<CalendarUnit, { one: string; many: string }>> = {
  day: { one: 'dem letzten Tag', many: 'Tagen' },
  week: { one: 'der letzten Woche', many: 'Wochen' },
  month: { one: 'dem letzten Monat', many: 'Monaten' },
  year: { one: 'dem letzten Jahr', many: 'Jahren' },
};
const GERMAN_DAY_PARTS = { morning: 'Morgen', afternoon: 'Nachmittag', evening: 'Abend' } as const;
const day = (date: CalendarDate): string => `${date.day}. ${month(date.month)} ${date.year}`;

/** "aus den Jahren 2018 bis 2020", "von Juni bis August 2025", "vom 3. Juni bis 10. Juni 2026". */
function germanSpan({ unit, first, last }: Extract<DatePhrase, { kind: 'span' }>): string {
  const sameYear = first.year === last.year;
  switch (unit) {
    case 'year':
      return `aus den Jahren ${first.year} bis ${last.year}`;
    case 'month':
      return sameYear
        ? `von ${month(first.month)} bis ${month(last.month)} ${last.year}`
        : `von ${month(first.month)} ${first.year} bis ${month(last.month)} ${last.year}`;
    case 'day':
      return `vom ${sameYear ? `${first.day}. ${month(first.month)}` : day(first)} bis ${day(last)}`;
  }
}

function when(phrase: DatePhrase): string {
  switch (phrase.kind) {
    case 'today':
      return 'von heute';
    case 'day':
      return `vom ${day(phrase.date)}`;
    case 'part-of-day':
      return phrase.part === 'night'
        ? `aus der Nacht zum ${day(addDays(phrase.date, 1))}`
        : `vom ${GERMAN_DAY_PARTS[phrase.part]} des ${day(phrase.date)}`;
    case 'around-day':
      return `aus der Zeit um den ${day(phrase.date)}`;
    case 'week':
      return `aus der Woche vom ${day(phrase.monday)}`;
    case 'weekend':
      return `vom Wochenende am ${day(phrase.saturday)}`;
    case 'month':
      return `vom ${month(phrase.month)} ${phrase.year}`;
    case 'season':
      return `vom ${SEASONS[phrase.season]} ${phrase.year}`;
    case 'quarter':
      return `aus dem ${ORDINALS[phrase.quarter - 1] ?? ''} Quartal ${phrase.year}`;
    case 'year':
      return `aus dem Jahr ${phrase.year}`;
    case 'decade':
      return `aus den ${phrase.firstYear}er Jahren`;
    case 'span':
      return germanSpan(phrase);
    case 'recent':
      return phrase.count === 1
        ? `aus ${GERMAN_RECENT[phrase.unit].one}`
        : `aus den letzten ${phrase.count} ${GERMAN_RECENT[phrase.unit].many}`;
    case 'every-day':
      return phrase.onThisDay
        ? 'von diesem Tag in früheren Jahren'
        : `von jedem ${phrase.day}. ${month(phrase.month)}`;
    case 'every-month':
      return `aus jedem ${month(phrase.month)}`;
    case 'every-season':
      return `aus jedem ${SEASONS[phrase.season]}`;
    case 'holiday':
      return `${GERMAN_HOLIDAYS[phrase.holiday].from} ${phrase.year}`;
    case 'every-holiday':
      return GERMAN_HOLIDAYS[phrase.holiday].every;
  }
}

const subjectName = (label: string): string => GERMAN_SUBJECTS[label]?.name ?? label;

const PHOTO_NOUN = { one: 'Foto', many: 'Fotos' } as const;
const VIDEO_NOUN = { one: 'Video', many: 'Videos' } as const;

/** "Lieblingsfotos zum Thema Strand mit Mama in Paris vom Sommer 2026", "Videos aus dem Jahr 2025". */
function photos(selection: PhotoSelection, count: number): string {
  // A kind of photo is its own noun: "2 Selfies", "ein Schwarzweißfoto", not "Fotos zum Thema Selfies".
  const kind = photoNounOfSelection(selection, 'de');
  const forms = kind ?? (selection.media === 'video' ? VIDEO_NOUN : PHOTO_NOUN);
  const noun = count === 1 ? forms.one : forms.many;
  return [
    selection.favorites ? `Lieblings${noun.toLowerCase()}` : noun,
    selection.subject && !kind
      ? ` zum Thema ${escapeSsml(listOf([selection.subject, ...(selection.moreSubjects ?? [])].map(subjectName)))}`
      : '',
    selection.person ? ` mit ${escapeSsml(selection.person)}` : '',
    selection.album ? ` aus dem Album ${escapeSsml(selection.album)}` : '',
    selection.place ? ` in ${escapeSsml(selection.place)}` : '',
    selection.date ? ` ${when(selection.date)}` : '',
  ].join('');
}

const listOf = (items: string[], conjunction = 'und'): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;

function spanOf(span: PhotoSpan): string {
  const [fy, fm, fd] = span.first.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [ly, lm, ld] = span.last.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (fy === ly && fm === lm && fd === ld) return `am ${day({ year: fy, month: fm, day: fd })}`;
  if (fy === ly && fm === lm) return `im ${month(fm)} ${fy}`;
  if (fy === ly) return `zwischen ${month(fm)} und ${month(lm)} ${fy}`;
  return `zwischen ${month(fm)} ${fy} und ${month(lm)} ${ly}`;
}

function taken(found: FoundPhotos): string {
  const short = ['today', 'day', 'holiday', 'week', 'weekend'];
  if (!found.span || (found.selection.date && short.includes(found.selection.date.kind))) return '';
  return `, aufgenommen ${spanOf(found.span)}`;
}

const isFiltered = (s: PhotoSelection): boolean =>
  Boolean(s.subject ?? s.person ?? s.album ?? s.place ?? s.date ?? s.favorites ?? s.media);
/** "ein Foto", but "Du hast einen Screenshot": one is said by the gender of what it is called. */
const howMany = (count: number, selection: PhotoSelection, asObject: boolean): string =>
  count === 1 ? germanOne(photoNounOfSelection(selection, 'de')?.article ?? 'das', asObject) : String(count);

const GERMAN_ORDERS = {
  newest: 'die neuesten zuerst',
  oldest: 'die ältesten zuerst',
  shuffle: 'in zufälliger Reihenfolge',
} as const;

/**
 * The photos counted, as "Hier ist …" shows them ('shown': "dein Foto", "ein Screenshot") or as "Du hast …" has
 * them ('had', the accusative: "ein Foto", "einen Screenshot").
 */
function counted(found: FoundPhotos, as: 'shown' | 'had' = 'shown'): string {
  const owned = as === 'shown';
  const order = found.selection.order ? `, ${GERMAN_ORDERS[found.selection.order]}` : '';
  if (!isFiltered(found.selection)) {
    const all = found.count === 1 ? 'ein Foto' : `${found.count} Fotos`;
    const yours = found.count === 1 ? 'dein Foto' : `deine ${found.count} Fotos`;
    return `${owned ? yours : all}${taken(found)}${order}`;
  }
  return `${howMany(found.count, found.selection, as === 'had')} ${photos(found.selection, found.count)}${taken(found)}${order}`;
}

/** The photo a sentence is about, in the cases German needs: nominative, accusative, dative. */
const PHOTO_NAMED: Readonly<Record<PhotoRef, { nom: string; acc: string; dat: string }>> = {
  this: { nom: 'Dieses Foto', acc: 'dieses Foto', dat: 'diesem Foto' },
  left: { nom: 'Das linke Foto', acc: 'das linke Foto', dat: 'dem linken Foto' },
  right: { nom: 'Das rechte Foto', acc: 'das rechte Foto', dat: 'dem rechten Foto' },
};

/** Everything known ('what'), or just the part asked about. */
function photoInfoOf(info: PhotoInfo, question: PhotoQuestion, which: PhotoRef): string {
  const photo = PHOTO_NAMED[which];
  // A date from the file's modification time is no capture date: say only what it is.
  const captured = info.date && info.dateSource === 'capture' ? info.date : null;
  const on = captured ? ` am ${day(captured)}` : '';
  const inPlace = info.place ? ` in ${escapeSsml(info.place)}` : '';
  const fileIsFrom = info.date && info.dateSource === 'file' ? ` Die Datei ist vom ${day(info.date)}.` : '';
  const people = escapeSsml(listOf(info.people));
  const shown = `Auf ${photo.dat} ${info.people.length === 1 ? 'ist' : 'sind'} ${people} zu sehen.`;
  switch (question) {
    case 'when':
      return on
        ? `${photo.nom} wurde${on} aufgenommen.`
        : `Ich weiß nicht, wann ${photo.acc} aufgenommen wurde.${fileIsFrom}`;
    case 'where':
      return inPlace
        ? `${photo.nom} wurde${inPlace} aufgenommen.`
        : `Ich weiß nicht, wo ${photo.acc} aufgenommen wurde.`;
    case 'who':
      return info.people.length > 0 ? shown : `Ich weiß noch nicht, wer auf ${photo.dat} zu sehen ist.`;
    case 'what': {
      const sentences = [
        on || inPlace
          ? `${photo.nom} wurde${on}${inPlace} aufgenommen.${fileIsFrom}`
          : `Ich weiß nicht, wann oder wo ${photo.acc} aufgenommen wurde.${fileIsFrom}`,
      ];
      if (info.people.length > 0) sentences.push(`Darauf zu sehen: ${people}.`);
      if (info.subjects.length > 0)
        sentences.push(`Stichworte: ${escapeSsml(listOf(info.subjects.map(subjectName)))}.`);
      return sentences.join(' ');
    }
  }
}

/** "vom 14. Juli 2025", "aus Santa Monica", "mit Mama und Alex". */
function matched(match: SimilarMatch): string {
  switch (match.kind) {
    case 'day':
      return `vom ${day(match.date)}`;
    case 'place':
      return `aus ${escapeSsml(match.name)}`;
    case 'people':
      return `mit ${escapeSsml(listOf(match.names))}`;
    case 'trip':
      return `von deiner Reise nach ${escapeSsml(match.name)}`;
  }
}

const EXAMPLE = 'zeig mir Strandfotos vom letzten Sommer';
const SCREEN_TIP =
  'Fotos brauchen einen Bildschirm, frag mich also noch einmal auf einem Echo Show oder Fire TV.';
const WHAT_TO_SEE = 'Was möchtest du sehen?';

export const deDE: SkillStrings = {
  welcome: `Willkommen bei Foto Rahmen. Du kannst sagen: ${EXAMPLE}.`,
  whatToSee: WHAT_TO_SEE,
  help: `Foto Rahmen zeigt deine Fotos als Diashow. Sag, was, wen, wo oder wann, zum Beispiel: ${EXAMPLE}, oder zeig mir Hundefotos. ${WHAT_TO_SEE}`,
  goodbye: 'Tschüss.',
  fallback: `Das kann Foto Rahmen leider nicht. Du kannst sagen: ${EXAMPLE}.`,
  apology: 'Ich komme gerade nicht an deine Fotos. Bitte versuch es gleich noch einmal.',
  libraryUnavailable:
    'Entschuldige, ich erreiche deine Fotobibliothek gerade nicht. Bitte versuch es gleich noch einmal.',

  showing: (found) => `Hier ${found.count === 1 ? 'ist' : 'sind'} ${counted(found)}.`,
  voiceOnly: (found) => `Du hast ${counted(found, 'had')}. ${SCREEN_TIP}`,
  photoCount: (found) => `Du hast ${counted(found, 'had')}.`,
  noMatches: (selection) =>
    isFiltered(selection)
      ? `Ich habe keine ${photos(selection, 2)} gefunden. ${WHAT_TO_SEE}`
      : `Ich habe noch keine Fotos in deiner Bibliothek gefunden. ${WHAT_TO_SEE}`,
  nothingFound: germanNothingFound({ photos, when, month, subjectName }),
  badDate: (heard) =>
    `Das Datum ${escapeSsml(heard)} habe ich nicht verstanden. Sag zum Beispiel letzten Sommer oder Juli 2025. ${WHAT_TO_SEE}`,
  unknownSubject: (heard) =>
    `Nach ${escapeSsml(heard)} kann ich leider nicht suchen. Versuch es mit Strand, Hunde oder Geburtstag. ${WHAT_TO_SEE}`,
  unknownSelf: `Ich weiß noch nicht, auf welchen deiner Fotos du bist. ${WHAT_TO_SEE}`,
  unknownPerson: (heard) =>
    `Ich weiß noch nicht, wer ${escapeSsml(heard)} auf deinen Fotos ist. ${WHAT_TO_SEE}`,
  whichOne: (heard, candidates) =>
    `Meinst du ${escapeSsml(listOf(candidates, 'oder'))}? Sag zum Beispiel: zeige ${escapeSsml(candidates[0] ?? heard)}.`,
  unknownAlbum: (heard) => `Ich habe kein Album namens ${escapeSsml(heard)} gefunden. ${WHAT_TO_SEE}`,
  textShowing: (heard, count, span) =>
    `Hier ${count === 1 ? 'ist ein Foto' : `sind ${count} Fotos`} für ${escapeSsml(heard)}${span ? `, aufgenommen ${spanOf(span)}` : ''}.`,
  textVoiceOnly: (heard, count, span) =>
    `Du hast ${count === 1 ? 'ein Foto' : `${count} Fotos`} für ${escapeSsml(heard)}${span ? `, aufgenommen ${spanOf(span)}` : ''}. ${SCREEN_TIP}`,
  photoInfo: (info, question = 'what', which = 'this') => photoInfoOf(info, question, which),
  noPhotoOnScreen: `Ich kann dir nur etwas über ein Foto sagen, während die Diashow es zeigt. Du kannst sagen: ${EXAMPLE}.`,
  noSlideshow: `Gerade läuft keine Diashow. Du kannst sagen: ${EXAMPLE}.`,
  noPhotoForThat: `Das geht nur, während die Diashow ein Foto zeigt. Du kannst sagen: ${EXAMPLE}.`,
  ambientMemories: 'Hier sind deine Erinnerungen aus dieser Woche.',
  ambientPhotos: 'Hier sind deine Fotos.',
  emptyLibrary:
    'In deiner Bibliothek sind noch keine Fotos. Füge welche hinzu und öffne Foto Rahmen dann noch einmal.',
  launchVoiceOnly: (count, span) =>
    count === 0
      ? 'Foto Rahmen zeigt deine Fotos auf einem Bildschirm, aber in deiner Bibliothek sind noch keine Fotos.'
      : `Foto Rahmen zeigt deine Fotos auf einem Bildschirm. Du hast ${count === 1 ? 'ein Foto' : `${count} Fotos`}` +
        `${span ? `, aufgenommen ${spanOf(span)}` : ''}. Frag mich noch einmal auf einem Echo Show oder Fire TV.`,
  paceChanged: (seconds, faster) =>
    `${faster ? 'Schneller' : 'Langsamer'}: Jedes Foto bleibt jetzt ${seconds} Sekunden.`,
  paceLimit: (seconds, faster) =>
    `${faster ? 'Schneller' : 'Langsamer'} geht es nicht: Jedes Foto bleibt ${seconds} Sekunden.`,
  paceUnclear: 'Du kannst sagen: etwas schneller, oder etwas langsamer.',
  shuffleRestarted: (on, count, same) =>
    `Zufallswiedergabe ${on ? 'an' : 'aus'}. Hier ${count === 1 ? 'ist dein Foto' : `sind ${same ? 'dieselben' : 'deine'} ${count} Fotos`} ` +
    `${on ? 'in zufälliger Reihenfolge' : 'nach Datum sortiert'}.`,
  shuffleSaved: (on) =>
    `Zufallswiedergabe ${on ? 'an' : 'aus'}. Deine nächste Diashow läuft ${on ? 'in zufälliger Reihenfolge' : 'nach Datum sortiert'}.`,
  alreadyShuffled: 'Dein Fotorahmen zeigt deine Fotos schon in zufälliger Reihenfolge.',
  loopSaved: (on) =>
    on
      ? 'Wiederholung an. Deine nächste Diashow beginnt nach dem letzten Foto von vorne.'
      : 'Wiederholung aus. Deine nächste Diashow hält beim letzten Foto an.',
  frameCodeUnclear: 'Welcher Rahmen? Sag: verbinde Rahmen, und die vier Ziffern, die der Rahmen zeigt.',
  frameLinked: (code) =>
    `Erledigt. Der Rahmen mit <say-as interpret-as="digits">${escapeSsml(code)}</say-as> zeigt jetzt deine Fotos.`,
  frameCodeUnknown: (code) =>
    `Ich habe keinen Rahmen mit <say-as interpret-as="digits">${escapeSsml(code)}</say-as> gefunden. Prüfe den Code auf dem Rahmen und versuche es noch einmal.`,
  frameLinkTooManyTries:
    'Das waren zu viele falsche Codes. Bitte warte ein paar Minuten und versuche es dann noch einmal.',
  frameLinkNotNeeded: 'Die Rahmen hier zeigen schon deine Fotos, es gibt nichts zu verbinden.',
  nameUnclear: 'Wer ist das? Sag: das ist, und den Namen.',
  noFaceToName: 'Ich erkenne auf diesem Foto kein Gesicht, dem ich einen Namen geben könnte.',
  tooManyFacesToName: (faces) =>
    `Ich sehe ${faces} Personen auf diesem Foto. Nenne die Person auf einem Foto, auf dem sie allein zu sehen ist.`,
  personNamed: (name, photos) =>
    `Alles klar, das ist ${escapeSsml(name)}. ${photos === 1 ? 'Das ist bisher das einzige Foto' : `Ich habe ${photos} Fotos gefunden`}.`,
  unnamedFaces: (faces) =>
    `Ich weiß noch nicht, wer ${faces === 1 ? 'das ist' : 'diese Personen sind'}. Wenn du es weißt, sag: das ist, und den Namen.`,
  favorited: (which) => `Ich habe ${PHOTO_NAMED[which].acc} zu deinen Favoriten hinzugefügt.`,
  hidden: (which) => `Okay, ${PHOTO_NAMED[which].acc} zeige ich nicht mehr.`,
  morePhotos: (match, count) =>
    `Hier ${count === 1 ? 'ist ein weiteres Foto' : `sind ${count} weitere Fotos`} ${matched(match)}.`,
  noMorePhotos: (kind) =>
    `Ich habe keine weiteren Fotos ${
      {
        day: 'vom selben Tag',
        place: 'vom selben Ort',
        people: 'mit denselben Leuten',
        trip: 'von derselben Reise',
        any: 'vom selben Tag, vom selben Ort oder mit denselben Leuten',
      }[kind ?? 'any']
    } gefunden.`,
  textNotUnderstood: (heard) =>
    `Ich weiß leider nicht, wonach ich bei ${escapeSsml(heard)} suchen soll. Sag, was, wen, wo oder wann, zum Beispiel: ${EXAMPLE}. ${WHAT_TO_SEE}`,
  linkAccount:
    'Um deine Fotos zu zeigen, braucht Foto Rahmen dein Konto. Bitte verknüpfe dein Konto in der Alexa-App und frag mich dann noch einmal.',
  relinkAccount:
    'Die Verknüpfung mit deinem Foto Rahmen Konto ist abgelaufen. Bitte verknüpfe dein Konto in der Alexa-App erneut und frag mich dann noch einmal.',
  accountCheckUnavailable: 'Ich kann dein Konto gerade nicht prüfen. Bitte versuch es gleich noch einmal.',
};
