import type { CalendarDate } from '../../common/calendar';
import type { DatePhrase } from '../../common/calendar';
import { nearnessOf, type Nearness } from './relative-date';
import type { FailedConstraint, NothingFoundSpeech, PhotoSelection } from './skill-strings';
import { escapeSsml } from './ssml';
import { englishBeforePhotos, photoNounOf } from '../../common/vocabulary';

/** What English speech already knows how to say, handed in by the locale's strings. */
export interface EnglishPhrasing {
  /** "beach photos of Mom in Paris from summer 2026" (no count). */
  photos: (selection: PhotoSelection, count: number) => string;
  /** "from July 2026", "from the weekend of December 12, 2026". */
  when: (phrase: DatePhrase) => string;
  month: (month: number) => string;
  favourites: 'favorites' | 'favourites';
}

const NEAR_NAMES: Readonly<Record<'week' | 'weekend', Partial<Record<Nearness, string>>>> = {
  week: { this: 'this week', last: 'last week', next: 'next week' },
  weekend: { this: 'this weekend', last: 'last weekend', next: 'next weekend' },
};
/** Words the product does not know at all ("blorf", "meaning"): said together, in one sentence. */
const isUnknownWord = (failed: FailedConstraint): boolean =>
  failed.reason === 'unknown' && ['label', 'word', 'favorites', 'video'].includes(failed.kind);
const unknownWords = (failed: readonly FailedConstraint[]): string[] => [
  ...new Set(failed.filter(isUnknownWord).map((constraint) => constraint.text)),
];
const orList = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const quoted = (text: string): string => `"${escapeSsml(text)}"`;

/** "Nothing found" in English: what found nothing and why, then at most one offer of what to say instead. */
export function englishNothingFound(phrasing: EnglishPhrasing): (speech: NothingFoundSpeech) => string {
  /** A date as a name ("this weekend", "July 2026"): relative when people would say it so. */
  function dateName(phrase: DatePhrase, today: CalendarDate): string {
    const near = nearnessOf(phrase, today);
    if (near === 'today' || near === 'tomorrow' || near === 'yesterday') return near;
    if (near && (phrase.kind === 'week' || phrase.kind === 'weekend')) {
      const name = NEAR_NAMES[phrase.kind][near];
      if (name) return name;
    }
    return phrasing.when(phrase).replace(/^from /, '');
  }
  /** "Last weekend", "On July 4, 2026", "In July 2026": a date opening a sentence. */
  function atDate(phrase: DatePhrase, today: CalendarDate): string {
    const name = dateName(phrase, today);
    if (nearnessOf(phrase, today)) return capitalized(name);
    return `${['day', 'weekend', 'holiday'].includes(phrase.kind) ? 'On' : 'In'} ${name}`;
  }
  /** "from last weekend", "from July 2026". */
  const fromDate = (phrase: DatePhrase, today: CalendarDate): string =>
    nearnessOf(phrase, today) ? `from ${dateName(phrase, today)}` : phrasing.when(phrase);

  /** A word or name the product does not know at all. */
  function unknownSentence(failed: FailedConstraint): string {
    const text = escapeSsml(failed.text);
    switch (failed.kind) {
      case 'person':
        return `I don't know who ${text} is.`;
      case 'place':
        return `I don't know a place called ${text}.`;
      case 'album':
        return `I couldn't find an album called ${text}.`;
      case 'date':
        return `I didn't understand the date ${text}.`;
      case 'label':
      case 'favorites':
      case 'video':
      case 'word':
        return `I don't know ${quoted(failed.text)}.`;
    }
  }

  function failedSentence(failed: FailedConstraint, speech: NothingFoundSpeech): string {
    const text = escapeSsml(failed.text);
    const { asked, today } = speech;
    switch (failed.reason) {
      case 'future':
        return `${capitalized(failed.date ? dateName(failed.date, today) : text)} hasn't happened yet.`;
      case 'combination':
        if (Object.keys(asked).length > 0) return `I found no ${phrasing.photos(asked, 2)}.`;
        return `I found no photos for ${quoted(speech.heard ?? failed.text)}.`;
      case 'unknown':
        return unknownSentence(failed);
      case 'no-photos':
        switch (failed.kind) {
          case 'label': {
            const kind = photoNounOf(failed.text, 'en');
            if (kind) return `I found no ${escapeSsml(kind.many)}.`;
            return `I found no ${escapeSsml(englishBeforePhotos(failed.text))} photos.`;
          }
          case 'person':
            return `I found no photos of ${text}.`;
          case 'album':
            return `I found no photos in your ${text} album.`;
          case 'place':
            return `I found no photos in ${text}.`;
          case 'date':
            return `I found no photos ${failed.date ? fromDate(failed.date, today) : `from ${text}`}.`;
          case 'favorites':
            return `You have no ${phrasing.favourites} yet.`;
          case 'video':
            return 'I found no videos.';
          case 'word':
            return `I found no photos for ${quoted(failed.text)}.`;
        }
    }
  }

  function offerSentence(speech: NothingFoundSpeech): string {
    const { offer, today } = speech;
    if (!offer) return '';
    const say = (what: string) => `Say, ${what}, to see ${offer.count === 1 ? 'it' : 'them'}.`;
    if (offer.previousDate) {
      const { date, name } = offer.previousDate;
      const when = date ? atDate(date, today) : capitalized(escapeSsml(name ?? ''));
      const kept = { ...offer.selection };
      delete kept.date;
      const took = `${when} you took ${offer.count} ${phrasing.photos(kept, offer.count)}.`;
      if (offer.words !== undefined) return `${took} ${say(`search for ${escapeSsml(offer.words)}`)}`;
      const asked = date ? `${phrasing.photos(kept, 2)} ${fromDate(date, today)}` : phrasing.photos(kept, 2);
      return `${took} ${say(`show ${asked}`)}`;
    }
    const [year, month] = offer.span.last.slice(0, 7).split('-').map(Number) as [number, number];
    const latest = `${phrasing.month(month)} ${year}`;
    if (offer.words !== undefined) {
      return `I found ${offer.count === 1 ? '1 photo' : `${offer.count} photos`} for ${quoted(offer.words)}, the most recent from ${latest}. ${say(`search for ${escapeSsml(offer.words)}`)}`;
    }
    const selection = offer.selection ?? {};
    // A dated offer is said by its count: "the most recent photo from August 2025 is from August 2025" says nothing.
    const recent = selection.date
      ? `You have ${offer.count} ${phrasing.photos(selection, offer.count)}.`
      : `Your most recent ${phrasing.photos(selection, offer.count)} ${offer.count === 1 ? 'is' : 'are'} from ${latest}.`;
    return `${recent} ${say(`show ${phrasing.photos(selection, 2)}`)}`;
  }

  return (speech) => {
    const combination = speech.failed.find((failed) => failed.reason === 'combination');
    const words = unknownWords(speech.failed);
    const rest = speech.failed.filter((failed) => !isUnknownWord(failed));
    const sentences = combination
      ? [failedSentence(combination, speech)]
      : [
          ...(words.length > 0 ? [`I don't know ${orList(words.map(quoted))}.`] : []),
          ...new Set(rest.map((failed) => failedSentence(failed, speech))),
        ];
    const offer = offerSentence(speech);
    return [...sentences, offer || 'What would you like to see?'].join(' ');
  };
}
