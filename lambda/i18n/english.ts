import { englishSpan, MONTH_NAMES, recentUnits, type CalendarDate } from '../../common/calendar';
import type { SeasonName } from '../../common/calendar';
import type { HolidayId } from '../../common/calendar';
import type { DatePhrase } from '../../common/calendar';
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
import { englishNothingFound } from './nothing-found-en';
import { escapeSsml } from './ssml';
import { englishBeforePhotos } from '../../common/vocabulary';

/** What differs between the English locales' speech. */
export interface EnglishStyle {
  /** "July 14, 2026" (US, Canada) or "14 July 2026" (UK, Australia, India). */
  dayFirst: boolean;
  autumn: 'fall' | 'autumn';
  favourites: 'favorites' | 'favourites';
}

const ORDINALS = ['first', 'second', 'third', 'fourth'] as const;

export const ENGLISH_HOLIDAY_NAMES: Readonly<Record<HolidayId, string>> = {
  CHRISTMAS: 'Christmas',
  CHRISTMAS_EVE: 'Christmas Eve',
  NEW_YEARS_EVE: "New Year's Eve",
  NEW_YEARS_DAY: "New Year's Day",
  THANKSGIVING: 'Thanksgiving',
  EASTER: 'Easter',
  HALLOWEEN: 'Halloween',
  VALENTINES_DAY: "Valentine's Day",
  MOTHERS_DAY: "Mother's Day",
  FATHERS_DAY: "Father's Day",
  BIRTHDAY: 'birthdays',
};

const EXAMPLE = 'show beach photos from last summer';

/** "this photo", "the photo on the left": the photo a sentence is about. */
const PHOTO_NAMED: Readonly<Record<PhotoRef, string>> = {
  this: 'this photo',
  left: 'the photo on the left',
  right: 'the photo on the right',
};
const ENGLISH_ORDERS = {
  newest: 'newest first',
  oldest: 'oldest first',
  shuffle: 'in random order',
} as const;

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function englishStrings(style: EnglishStyle): SkillStrings {
  const month = (m: number): string => MONTH_NAMES[m - 1] ?? '';
  const monthDay = (m: number, d: number): string =>
    style.dayFirst ? `${d} ${month(m)}` : `${month(m)} ${d}`;
  const day = (date: CalendarDate): string =>
    style.dayFirst
      ? `${monthDay(date.month, date.day)} ${date.year}`
      : `${monthDay(date.month, date.day)}, ${date.year}`;
  const season = (name: SeasonName): string => (name === 'autumn' ? style.autumn : name);

  function when(phrase: DatePhrase): string {
    switch (phrase.kind) {
      case 'today':
        return 'from today';
      case 'day':
        return `from ${day(phrase.date)}`;
      case 'part-of-day':
        return `from the ${phrase.part} of ${day(phrase.date)}`;
      case 'around-day':
        return `from around ${day(phrase.date)}`;
      case 'week':
        return `from the week of ${day(phrase.monday)}`;
      case 'weekend':
        return `from the weekend of ${day(phrase.saturday)}`;
      case 'month':
        return `from ${month(phrase.month)} ${phrase.year}`;
      case 'season':
        return `from ${season(phrase.season)} ${phrase.year}`;
      case 'quarter':
        return `from the ${ORDINALS[phrase.quarter - 1] ?? ''} quarter of ${phrase.year}`;
      case 'year':
        return `from ${phrase.year}`;
      case 'decade':
        return `from the ${phrase.firstYear}s`;
      case 'span':
        return `from ${englishSpan(phrase, month, (date) => monthDay(date.month, date.day), day)}`;
      case 'recent':
        return `from the past ${recentUnits(phrase.count, phrase.unit)}`;
      case 'every-day':
        // "On this day" is today's date in earlier years: said as such, not as a date the user never said.
        return phrase.onThisDay
          ? 'from this day in earlier years'
          : `from every ${monthDay(phrase.month, phrase.day)}`;
      case 'every-month':
        return `from every ${month(phrase.month)}`;
      case 'every-season':
        return `from every ${season(phrase.season)}`;
      case 'holiday':
        return `from ${ENGLISH_HOLIDAY_NAMES[phrase.holiday]} ${phrase.year}`;
      case 'every-holiday':
        return `from every ${ENGLISH_HOLIDAY_NAMES[phrase.holiday]}`;
    }
  }

  /** "favorite beach photos of Mom in Paris from summer 2026", "videos from 2025". */
  function photos(selection: PhotoSelection, count: number): string {
    const noun = selection.media === 'video' ? 'video' : 'photo';
    // A kind of photo is its own noun: "2 selfies", not "2 selfie photos".
    const kind = photoNounOfSelection(selection, 'en');
    const parts = [
      selection.favorites ? `${style.favourites.slice(0, -1)} ` : '',
      selection.subject && !kind
        ? `${escapeSsml(listOf([selection.subject, ...(selection.moreSubjects ?? [])].map(englishBeforePhotos)))} `
        : '',
      kind ? (count === 1 ? kind.one : kind.many) : count === 1 ? noun : `${noun}s`,
      selection.person ? ` of ${escapeSsml(selection.person)}` : '',
      selection.album ? ` from your ${escapeSsml(selection.album)} album` : '',
      selection.place ? ` in ${escapeSsml(selection.place)}` : '',
      selection.date ? ` ${when(selection.date)}` : '',
    ];
    return parts.join('');
  }

  const listOf = (items: string[], conjunction = 'and'): string =>
    items.length <= 1
      ? (items[0] ?? '')
      : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;

  function spanOf(span: PhotoSpan): string {
    const [fy, fm, fd] = span.first.slice(0, 10).split('-').map(Number) as [number, number, number];
    const [ly, lm, ld] = span.last.slice(0, 10).split('-').map(Number) as [number, number, number];
    if (fy === ly && fm === lm && fd === ld) return `on ${day({ year: fy, month: fm, day: fd })}`;
    if (fy === ly && fm === lm) return `in ${month(fm)} ${fy}`;
    if (fy === ly) return `between ${month(fm)} and ${month(lm)} ${fy}`;
    return `between ${month(fm)} ${fy} and ${month(lm)} ${ly}`;
  }

  /** ", taken between June and August 2026": what the photos span, unless the date asked for was one day. */
  function taken(found: FoundPhotos): string {
    const short = ['today', 'day', 'holiday', 'week', 'weekend'];
    if (!found.span || (found.selection.date && short.includes(found.selection.date.kind))) return '';
    return `, taken ${spanOf(found.span)}`;
  }

  const isFiltered = (s: PhotoSelection): boolean =>
    Boolean(s.subject ?? s.person ?? s.album ?? s.place ?? s.date ?? s.favorites ?? s.media);

  function counted(found: FoundPhotos, owned = true): string {
    const order = found.selection.order ? `, ${ENGLISH_ORDERS[found.selection.order]}` : '';
    if (!isFiltered(found.selection)) {
      const all = found.count === 1 ? '1 photo' : `${found.count} photos`;
      return `${owned ? `your ${all}` : all}${taken(found)}${order}`;
    }
    return `${found.count} ${photos(found.selection, found.count)}${taken(found)}${order}`;
  }

  const onScreenTip = 'Photos need a screen, so ask me again on an Echo Show or a Fire TV.';

  /** "from July 14, 2025", "from Santa Monica", "with Mom and Alex". */
  function matched(match: SimilarMatch): string {
    switch (match.kind) {
      case 'day':
        return `from ${day(match.date)}`;
      case 'place':
        return `from ${escapeSsml(match.name)}`;
      case 'people':
        return `with ${escapeSsml(listOf(match.names))}`;
      case 'trip':
        return `from your trip to ${escapeSsml(match.name)}`;
    }
  }

  /** Everything known ('what'), or just the part asked about. */
  function photoInfoOf(info: PhotoInfo, question: PhotoQuestion, which: PhotoRef): string {
    const photo = PHOTO_NAMED[which];
    const Photo = capitalized(photo);
    // A date from the file's modification time is no capture date: say only what it is.
    const captured = info.date && info.dateSource === 'capture' ? info.date : null;
    const fileDate = info.date && info.dateSource === 'file' ? info.date : null;
    const on = captured ? ` on ${day(captured)}` : '';
    const inPlace = info.place ? ` in ${escapeSsml(info.place)}` : '';
    const fileIsFrom = fileDate ? ` The file is from ${day(fileDate)}.` : '';
    const shows = info.people.length > 0 ? `${Photo} shows ${escapeSsml(listOf(info.people))}.` : undefined;
    switch (question) {
      case 'when':
        return on ? `${Photo} was taken${on}.` : `I don't know when ${photo} was taken.${fileIsFrom}`;
      case 'where':
        return inPlace ? `${Photo} was taken${inPlace}.` : `I don't know where ${photo} was taken.`;
      case 'who':
        return shows ?? `I don't know who is in ${photo} yet.`;
      case 'what': {
        const sentences = [
          on || inPlace
            ? `${Photo} was taken${on}${inPlace}.${fileIsFrom}`
            : `I don't know when or where ${photo} was taken.${fileIsFrom}`,
        ];
        if (info.people.length > 0) sentences.push(`It shows ${escapeSsml(listOf(info.people))}.`);
        if (info.subjects.length > 0) sentences.push(`It's tagged ${escapeSsml(listOf(info.subjects))}.`);
        return sentences.join(' ');
      }
    }
  }

  return {
    welcome: `Welcome to Photo Frame. You can say, ${EXAMPLE}.`,
    whatToSee: 'What would you like to see?',
    help: `Photo Frame shows your photos as a slideshow. Say what, who, where or when, for example: ${EXAMPLE}, or show my dog pictures. What would you like to see?`,
    goodbye: 'Goodbye.',
    fallback: `Sorry, Photo Frame can't help with that. You can say, ${EXAMPLE}.`,
    apology: "Sorry, I'm having trouble getting your photos right now. Please try again in a moment.",
    libraryUnavailable: "Sorry, I can't reach your photo library right now. Please try again in a moment.",

    showing: (found) => `Here ${found.count === 1 ? 'is' : 'are'} ${counted(found)}.`,
    voiceOnly: (found) => `You have ${counted(found, false)}. ${onScreenTip}`,
    photoCount: (found) => `You have ${counted(found, false)}.`,
    noMatches: (selection) =>
      isFiltered(selection)
        ? `I couldn't find any ${photos(selection, 2)}. What would you like to see?`
        : "I couldn't find any photos in your library yet. What would you like to see?",
    nothingFound: englishNothingFound({ photos, when, month, favourites: style.favourites }),
    badDate: (heard) =>
      `Sorry, I didn't understand the date ${escapeSsml(heard)}. Try something like last summer, or July 2025. What would you like to see?`,
    unknownSubject: (heard) =>
      `Sorry, I don't know how to find ${escapeSsml(heard)} photos. Try beach, dogs, or birthdays. What would you like to see?`,
    unknownSelf: "Sorry, I don't know which of your photos you're in yet. What would you like to see?",
    unknownPerson: (heard) =>
      `Sorry, I don't know who ${escapeSsml(heard)} is in your photos yet. What would you like to see?`,
    whichOne: (heard, candidates) =>
      `Do you mean ${escapeSsml(listOf(candidates, 'or'))}? Say, for example, show ${escapeSsml(candidates[0] ?? heard)}.`,
    unknownAlbum: (heard) =>
      `Sorry, I couldn't find an album called ${escapeSsml(heard)}. What would you like to see?`,
    textShowing: (heard, count, span) =>
      `Here ${count === 1 ? 'is 1 photo' : `are ${count} photos`} for ${escapeSsml(heard)}${span ? `, taken ${spanOf(span)}` : ''}.`,
    textVoiceOnly: (heard, count, span) =>
      `You have ${count === 1 ? '1 photo' : `${count} photos`} for ${escapeSsml(heard)}${span ? `, taken ${spanOf(span)}` : ''}. ${onScreenTip}`,
    photoInfo: (info, question = 'what', which = 'this') => photoInfoOf(info, question, which),
    noPhotoOnScreen: `I can only tell you about a photo while the slideshow shows it. You can say, ${EXAMPLE}.`,
    noSlideshow: `There's no slideshow on the screen right now. You can say, ${EXAMPLE}.`,
    noPhotoForThat: `I can only do that while the slideshow shows a photo. You can say, ${EXAMPLE}.`,
    ambientMemories: 'Here are your memories from this week.',
    ambientPhotos: 'Here are your photos.',
    emptyLibrary: 'There are no photos in your library yet. Add some, then open Photo Frame again.',
    launchVoiceOnly: (count, span) =>
      count === 0
        ? 'Photo Frame shows your photos on a screen, but your library has no photos yet.'
        : `Photo Frame shows your photos on a screen. You have ${count === 1 ? '1 photo' : `${count} photos`}` +
          `${span ? `, taken ${spanOf(span)}` : ''}. Ask me again on an Echo Show or a Fire TV.`,
    paceChanged: (seconds, faster) =>
      `${faster ? 'Faster' : 'Slower'}: each photo now stays ${seconds} seconds.`,
    paceLimit: (seconds, faster) =>
      `That's as ${faster ? 'fast' : 'slow'} as it goes: each photo stays ${seconds} seconds.`,
    paceUnclear: 'You can say, go faster, or go slower.',
    shuffleRestarted: (on, count, same) =>
      `Shuffle is ${on ? 'on' : 'off'}. Here ${count === 1 ? 'is your photo' : `are ${same ? 'the same' : 'your'} ${count} photos`} ` +
      `in ${on ? 'random' : 'date'} order.`,
    shuffleSaved: (on) =>
      `Shuffle is ${on ? 'on' : 'off'}. Your next slideshow will play in ${on ? 'random' : 'date'} order.`,
    alreadyShuffled: 'Your photo frame already shows your photos in random order.',
    loopSaved: (on) =>
      on
        ? 'Loop is on. Your next slideshow will start over after its last photo.'
        : 'Loop is off. Your next slideshow will stop at its last photo.',
    frameCodeUnclear: 'Which frame? Say link frame, and the four digits the frame shows.',
    frameLinked: (code) =>
      `Done. The frame showing <say-as interpret-as="digits">${escapeSsml(code)}</say-as> now shows your photos.`,
    frameCodeUnknown: (code) =>
      `I couldn't find a frame showing <say-as interpret-as="digits">${escapeSsml(code)}</say-as>. Check the code on the frame and try again.`,
    frameLinkTooManyTries: 'That was too many wrong codes. Please wait a few minutes and try again.',
    frameLinkNotNeeded: "Frames here already show your photos, so there's nothing to link.",
    nameUnclear: 'Who is it? Say, this is, and their name.',
    noFaceToName: "I can't make out a face in this photo to name.",
    tooManyFacesToName: (faces) =>
      `I see ${faces} people in this photo. Name someone in a photo where they're on their own.`,
    personNamed: (name, photos) =>
      `Got it, that's ${escapeSsml(name)}. ${photos === 1 ? "That's the only photo" : `I found them in ${photos} photos`} so far.`,
    unnamedFaces: (faces) =>
      `I don't know who ${faces === 1 ? 'this is' : 'these people are'} yet. If you do, say: this is, and their name.`,
    favorited: (which) => `I've added ${PHOTO_NAMED[which]} to your ${style.favourites}.`,
    hidden: (which) => `OK, I won't show ${which === 'this' ? 'that photo' : PHOTO_NAMED[which]} again.`,
    morePhotos: (match, count) =>
      `Here ${count === 1 ? 'is 1 more' : `are ${count} more`} ${matched(match)}.`,
    noMorePhotos: (kind) =>
      `I couldn't find any other photos ${
        {
          day: 'from that day',
          place: 'from that place',
          people: 'with the same people',
          trip: 'from that trip',
          any: 'from the same day or place, or with the same people',
        }[kind ?? 'any']
      }.`,
    textNotUnderstood: (heard) =>
      `Sorry, I couldn't tell what to look for in ${escapeSsml(heard)}. Try what, who, where or when, like ${EXAMPLE}. What would you like to see?`,
    linkAccount:
      'To show your photos, Photo Frame needs your account. Please link your account in the Alexa app, then ask me again.',
    relinkAccount:
      'Your Photo Frame account link has expired. Please link your account again in the Alexa app, then ask me again.',
    accountCheckUnavailable: "Sorry, I can't check your account right now. Please try again in a moment.",
  };
}
