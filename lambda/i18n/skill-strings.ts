import type { NothingFoundKind, NothingFoundReason, PhotoQuery } from '../../common/contracts';
import type { CalendarDate } from '../../common/calendar';
import type { DatePhrase } from '../../common/calendar';
import {
  photoNounOf,
  type GermanPhotoNoun,
  type PhotoNoun,
  type VocabularyLanguage,
} from '../../common/vocabulary';

/** Photos or videos only, when the user said which ("show my videos"). */
export type MediaKind = 'photo' | 'video';

/** What the user asked for, as understood: only the parts that were given. Names are as the user knows them. */
export interface PhotoSelection {
  /** A library label ("beach"); each locale says it in its own words. */
  subject?: string;
  /** Further labels, every one on each photo: "dog and beach photos". */
  moreSubjects?: string[];
  person?: string;
  album?: string;
  place?: string;
  date?: DatePhrase;
  /** Only the owner's favourites ("my favorite beach photos"). */
  favorites?: boolean;
  media?: MediaKind;
  /** An order the person said ("my latest photos"): said back after the count. */
  order?: PhotoQuery['order'];
}

/**
 * The noun a selection of one kind of photo is said by instead of "photo" ("2 selfies", "ein Screenshot"): its one
 * subject's, when it has one and the selection is not of videos.
 */
export function photoNounOfSelection(selection: PhotoSelection, language: 'en'): PhotoNoun | undefined;
export function photoNounOfSelection(selection: PhotoSelection, language: 'de'): GermanPhotoNoun | undefined;
export function photoNounOfSelection(
  selection: PhotoSelection,
  language: VocabularyLanguage,
): PhotoNoun | undefined {
  if (selection.subject === undefined || (selection.moreSubjects ?? []).length > 0) return undefined;
  if (selection.media === 'video') return undefined;
  return language === 'de' ? photoNounOf(selection.subject, 'de') : photoNounOf(selection.subject, 'en');
}

/** What the library knows about the photo on screen, for "what is this?". */
export interface PhotoInfo {
  /** Capture-local calendar day, when known. */
  date: { year: number; month: number; day: number } | null;
  /**
   * Where the date came from: the camera (or a sidecar) knows when it was taken; 'file' is only the file's own
   * modification time, said as "the file is from …", never as a capture date.
   */
  dateSource: 'capture' | 'file';
  /** "Santa Monica, California, United States" as far as known. */
  place: string | null;
  /** Library labels ("beach", "sunset"). */
  subjects: string[];
  people: string[];
}

/** Which photo a sentence is about: the one on screen, or one side of a pair shown side by side. */
export type PhotoRef = 'this' | 'left' | 'right';

/** What the user asked about the photo on screen; 'what' answers everything known. */
export type PhotoQuestion = 'what' | 'when' | 'where' | 'who';

/** What "show more like this" matched the photo on screen by. */
export type SimilarMatch =
  | { kind: 'day'; date: CalendarDate }
  | { kind: 'place'; name: string }
  | { kind: 'people'; names: string[] }
  /** The photos of the trip the photo is from: its state or country, on the run of days around it. */
  | { kind: 'trip'; name: string };
export type SimilarityKind = SimilarMatch['kind'];

/** Capture-local times of the first and last photo found (the slideshow page's `span`). */
export interface PhotoSpan {
  first: string;
  last: string;
}

/** One constraint that found nothing, in the user's own words where the skill has them. */
export interface FailedConstraint {
  kind: NothingFoundKind;
  reason: NothingFoundReason;
  /** As said or typed, or the constraint's display name (a label, a person's or album's name, a place). */
  text: string;
  /** A date constraint the skill understood (said back in the locale's words instead of `text`). */
  date?: DatePhrase;
}

/** At most one thing to offer instead: never shown unasked, only said, with what to say to see it. */
export interface NothingFoundOffer {
  /** What the offer holds, as a selection (voice slots) … */
  selection?: PhotoSelection;
  /** … or as the words to search for (free text). */
  words?: string;
  /** Photos in it, and when they were taken. */
  count: number;
  span: PhotoSpan;
  /** A date still to come was replaced by its previous occurrence ("last weekend"): the date as understood, or its name as typed. */
  previousDate?: { date?: DatePhrase; name?: string };
}

/** Nothing found: what found nothing (and why) and at most one offer; said in the user's locale. */
export interface NothingFoundSpeech {
  asked: PhotoSelection;
  /** The words searched for, for free text. */
  heard?: string;
  failed: FailedConstraint[];
  offer?: NothingFoundOffer;
  /** The user's today, to name dates as people do ("this weekend", "last weekend"). */
  today: CalendarDate;
}

export interface FoundPhotos {
  selection: PhotoSelection;
  count: number;
  span: PhotoSpan | null;
}

/**
 * Everything the skill says, in one locale. Every function escapes what it interpolates, so callers pass plain
 * text (names as heard) and always get SSML-safe speech.
 */
export interface SkillStrings {
  welcome: string;
  whatToSee: string;
  help: string;
  goodbye: string;
  fallback: string;
  apology: string;
  /** The library or display (or its database) does not answer: said instead of any detail, within Alexa's deadline. */
  libraryUnavailable: string;
  /** "Here are 42 beach photos from summer 2026, taken between June and August 2026." */
  showing: (found: FoundPhotos) => string;
  /** A device without a screen: the count and a suggestion to ask on a screen. */
  voiceOnly: (found: FoundPhotos) => string;
  /** "How many beach photos do I have?": the count alone, on any device. */
  photoCount: (found: FoundPhotos) => string;
  noMatches: (selection: PhotoSelection) => string;
  /**
   * Nothing for what was asked (voice or free text): what found nothing and why, and at most one offer said as what
   * to say to see it. Never followed by photos that were not asked for.
   */
  nothingFound: (speech: NothingFoundSpeech) => string;
  badDate: (heard: string) => string;
  unknownSubject: (heard: string) => string;
  unknownPerson: (heard: string) => string;
  /** "Show photos of me" when no person is the owner: who "me" is, the library cannot know. */
  unknownSelf: string;
  /** Several of the owner's people or albums answer to what was heard ("Anna"): a short question. */
  whichOne: (heard: string, candidates: string[]) => string;
  unknownAlbum: (heard: string) => string;
  /** Free text ("search for …"), read by the library: what it found, said with the user's own words. */
  textShowing: (heard: string, count: number, span: PhotoSpan | null) => string;
  textVoiceOnly: (heard: string, count: number, span: PhotoSpan | null) => string;
  /** "What is this?", "when was this taken?"… about the photo on screen (or one side of a pair). */
  photoInfo: (info: PhotoInfo, question?: PhotoQuestion, which?: PhotoRef) => string;
  /** "What is this?" with no photo of ours on screen. */
  noPhotoOnScreen: string;
  /** "Next"/"pause"… with no slideshow on screen. */
  noSlideshow: string;
  /** "Favourite this", "hide this", "more like this" with no photo of ours on screen. */
  noPhotoForThat: string;
  /** "Open Photo Frame" on a screen: the ambient slideshow opens with memories from this week, or not. */
  ambientMemories: string;
  ambientPhotos: string;
  /** "Open Photo Frame" with nothing in the library to show. */
  emptyLibrary: string;
  /** "Open Photo Frame" on a device without a screen: what the library holds and where to watch it. */
  launchVoiceOnly: (count: number, span: PhotoSpan | null) => string;
  /** "Faster"/"slower": the new time each photo stays, or that it can go no further. */
  paceChanged: (seconds: number, faster: boolean) => string;
  paceLimit: (seconds: number, faster: boolean) => string;
  /** "Faster"/"slower" heard, but not which. */
  paceUnclear: string;
  /** Shuffle switched, and the slideshow on screen restarted in that order (`same`: the photos it already had). */
  shuffleRestarted: (on: boolean, count: number, same: boolean) => string;
  /** Shuffle switched with no slideshow to restart: it applies to the next one. */
  shuffleSaved: (on: boolean) => string;
  /** "Shuffle" while the ambient frame (always shuffled) is on screen. */
  alreadyShuffled: string;
  /** Loop switched: it applies to the next slideshow. */
  loopSaved: (on: boolean) => string;
  favorited: (which: PhotoRef) => string;
  /** "Link frame …" without four digits heard. */
  frameCodeUnclear: string;
  /** The web frame showing `code` now shows the owner's photos. */
  frameLinked: (code: string) => string;
  /** No frame shows that code (never shown, used, or expired). */
  frameCodeUnknown: (code: string) => string;
  frameLinkTooManyTries: string;
  /** Frames already show the local owner's library (no accounts): nothing to link. */
  frameLinkNotNeeded: string;
  /** "This is …" without a name heard. */
  nameUnclear: string;
  /** "This is Mom" on a photo where vision found no face. */
  noFaceToName: string;
  /** "This is Mom" on a photo with several people: which face is meant cannot be told by voice. */
  tooManyFacesToName: (faces: number) => string;
  /** A face named: the person's name and how many photos they are in now. */
  personNamed: (name: string, photos: number) => string;
  /** "Who is this?" on a photo with faces nobody has named yet. */
  unnamedFaces: (faces: number) => string;
  /** "Hide this": the photo is never shown again. */
  hidden: (which: PhotoRef) => string;
  /** "More like this": how many other photos matched, and by what. */
  morePhotos: (match: SimilarMatch, count: number) => string;
  /** Nothing else matched (by the criterion asked for, or by any). */
  noMorePhotos: (kind: SimilarityKind | undefined) => string;
  /** Nothing in the text named anything this library knows. */
  textNotUnderstood: (heard: string) => string;
  /** Account linking is required and the request carries no token: sent with a LinkAccount card. */
  linkAccount: string;
  /** The token was rejected (expired or revoked): sent with a LinkAccount card. */
  relinkAccount: string;
  /** Login with Amazon could not be asked: not the user's fault, so no card. */
  accountCheckUnavailable: string;
}
