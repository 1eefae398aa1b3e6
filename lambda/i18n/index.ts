import type { HandlerInput } from 'ask-sdk-core';
import { deDE } from './de-DE';
import { enAU } from './en-AU';
import { enCA } from './en-CA';
import { enGB } from './en-GB';
import { enIN } from './en-IN';
import { enUS } from './en-US';
import type { SkillStrings } from './skill-strings';

export type {
  FailedConstraint,
  FoundPhotos,
  MediaKind,
  NothingFoundOffer,
  NothingFoundSpeech,
  PhotoInfo,
  PhotoQuestion,
  PhotoRef,
  PhotoSelection,
  PhotoSpan,
  SimilarMatch,
  SimilarityKind,
  SkillStrings,
} from './skill-strings';

/** The locales the skill has an interaction model and speech for. */
export const SKILL_LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN', 'de-DE'] as const;
export type SkillLocale = (typeof SKILL_LOCALES)[number];

const STRINGS: Readonly<Record<SkillLocale, SkillStrings>> = {
  'en-US': enUS,
  'en-GB': enGB,
  'en-CA': enCA,
  'en-AU': enAU,
  'en-IN': enIN,
  'de-DE': deDE,
};

export function isSkillLocale(locale: string | undefined): locale is SkillLocale {
  return locale !== undefined && (SKILL_LOCALES as readonly string[]).includes(locale);
}

/** The speech for a request's locale; another English locale falls back to en-US, anything else too. */
export function stringsFor(locale: string | undefined): SkillStrings {
  return isSkillLocale(locale) ? STRINGS[locale] : enUS;
}

/** The strings for the locale the request was spoken in (falls back to en-US for locales we don't ship). */
export function stringsOf({ requestEnvelope }: Pick<HandlerInput, 'requestEnvelope'>): SkillStrings {
  return stringsFor(requestEnvelope.request.locale);
}
