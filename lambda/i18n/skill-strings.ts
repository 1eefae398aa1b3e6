import type { DatePhrase } from '../util/resolved-date';

/** What the user asked for, as understood: only the parts that were given. Names are as the user knows them. */
export interface PhotoSelection {
  /** A library label ("beach"); each locale says it in its own words. */
  subject?: string;
  person?: string;
  album?: string;
  place?: string;
  date?: DatePhrase;
}

/** What the library knows about the photo on screen, for "what is this?". */
export interface PhotoInfo {
  /** Capture-local calendar day, when known. */
  date: { year: number; month: number; day: number } | null;
  /** "Santa Monica, California, United States" as far as known. */
  place: string | null;
  /** Library labels ("beach", "sunset"). */
  subjects: string[];
  people: string[];
}

/** Capture-local times of the first and last photo found (the slideshow page's `span`). */
export interface PhotoSpan {
  first: string;
  last: string;
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
  /** "Here are 42 beach photos from summer 2026, taken between June and August 2026." */
  showing: (found: FoundPhotos) => string;
  /** A device without a screen: the count and a suggestion to ask on a screen. */
  voiceOnly: (found: FoundPhotos) => string;
  noMatches: (selection: PhotoSelection) => string;
  /** Nothing for what was asked, but something once one constraint was dropped: say so. */
  relaxed: (asked: PhotoSelection, found: FoundPhotos, onScreen: boolean) => string;
  badDate: (heard: string) => string;
  unknownSubject: (heard: string) => string;
  unknownPerson: (heard: string) => string;
  unknownAlbum: (heard: string) => string;
  /** Free text ("search for …"), read by the library: what it found, said with the user's own words. */
  textShowing: (heard: string, count: number, span: PhotoSpan | null) => string;
  textVoiceOnly: (heard: string, count: number, span: PhotoSpan | null) => string;
  textNoMatches: (heard: string) => string;
  /** "What is this?" about the photo on screen. */
  photoInfo: (info: PhotoInfo) => string;
  /** "What is this?" with no photo of ours on screen. */
  noPhotoOnScreen: string;
  /** "Next"/"pause"… with no slideshow on screen. */
  noSlideshow: string;
  /** Nothing in the text named anything this library knows. */
  textNotUnderstood: (heard: string) => string;
  /** Account linking is required and the request carries no token: sent with a LinkAccount card. */
  linkAccount: string;
  /** The token was rejected (expired or revoked): sent with a LinkAccount card. */
  relinkAccount: string;
  /** Login with Amazon could not be asked: not the user's fault, so no card. */
  accountCheckUnavailable: string;
}
