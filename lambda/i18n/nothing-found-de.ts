import { photoNounOf } from '../../common/vocabulary';
import type { CalendarDate } from '../../common/calendar';
import type { DatePhrase } from '../../common/calendar';
import { nearnessOf, type Nearness } from './relative-date';
import {
  photoNounOfSelection,
  type FailedConstraint,
  type NothingFoundSpeech,
  type PhotoSelection,
} from './skill-strings';
import { escapeSsml } from './ssml';
import { germanOne } from './vocabulary-de';

/** "Dein neuester Screenshot", "Dein neuestes Foto". */
const YOUR_NEWEST = { der: 'Dein neuester', die: 'Deine neueste', das: 'Dein neuestes' } as const;

/** What German speech already knows how to say, handed in by the locale's strings. */
export interface GermanPhrasing {
  /** "Fotos zum Thema Strand mit Mama in Paris vom Sommer 2026" (no count). */
  photos: (selection: PhotoSelection, count: number) => string;
  /** "vom Juli 2026", "vom Wochenende am 12. Dezember 2026". */
  when: (phrase: DatePhrase) => string;
  month: (month: number) => string;
  subjectName: (label: string) => string;
}

type NearKind = 'week' | 'weekend';
/** Relative dates as a subject ("Dieses Wochenende …") and after "von" ("vom letzten Wochenende"). */
const NEAR: Readonly<Record<NearKind, Partial<Record<Nearness, { name: string; from: string }>>>> = {
  week: {
    this: { name: 'diese Woche', from: 'aus dieser Woche' },
    last: { name: 'letzte Woche', from: 'aus der letzten Woche' },
    next: { name: 'nächste Woche', from: 'aus der nächsten Woche' },
  },
  weekend: {
    this: { name: 'dieses Wochenende', from: 'von diesem Wochenende' },
    last: { name: 'letztes Wochenende', from: 'vom letzten Wochenende' },
    next: { name: 'nächstes Wochenende', from: 'vom nächsten Wochenende' },
  },
};
const DAYS: Partial<Record<Nearness, { name: string; from: string }>> = {
  today: { name: 'heute', from: 'von heute' },
  tomorrow: { name: 'morgen', from: 'von morgen' },
  yesterday: { name: 'gestern', from: 'von gestern' },
};
/** Words the product does not know at all ("blorf", "meaning"): said together, in one sentence. */
const isUnknownWord = (failed: FailedConstraint): boolean =>
  failed.reason === 'unknown' && ['label', 'word', 'favorites', 'video'].includes(failed.kind);
const unknownWords = (failed: readonly FailedConstraint[]): string[] => [
  ...new Set(failed.filter(isUnknownWord).map((constraint) => constraint.text)),
];
const andList = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const quoted = (text: string): string => `„${escapeSsml(text)}“`;

/** "Nichts gefunden" auf Deutsch: was nichts fand und warum, dann höchstens ein Angebot, was man sagen kann. */
export function germanNothingFound(phrasing: GermanPhrasing): (speech: NothingFoundSpeech) => string {
  function near(phrase: DatePhrase, today: CalendarDate): { name: string; from: string } | undefined {
    const nearness = nearnessOf(phrase, today);
    if (!nearness) return undefined;
    const day = DAYS[nearness];
    if (day) return day;
    return phrase.kind === 'week' || phrase.kind === 'weekend' ? NEAR[phrase.kind][nearness] : undefined;
  }
  /** "dieses Wochenende", else the phrase after its preposition ("Juli 2027", "Wochenende am 12. Dezember 2026"). */
  const dateName = (phrase: DatePhrase, today: CalendarDate): string =>
    near(phrase, today)?.name ?? phrasing.when(phrase).replace(/^(vom|von|aus dem|aus der|aus den|aus) /, '');
  /** "Letztes Wochenende", "Am 4. Juli 2026", "Im Juli 2026": a date opening a sentence. */
  const atDate = (phrase: DatePhrase, today: CalendarDate): string => {
    const nearby = near(phrase, today);
    if (nearby) return capitalized(nearby.name);
    return `${['day', 'weekend', 'holiday'].includes(phrase.kind) ? 'Am' : 'Im'} ${dateName(phrase, today)}`;
  };
  const fromDate = (phrase: DatePhrase, today: CalendarDate): string =>
    near(phrase, today)?.from ?? phrasing.when(phrase);

  /** A word or name the product does not know at all. */
  function unknownSentence(failed: FailedConstraint): string {
    const text = escapeSsml(failed.text);
    switch (failed.kind) {
      case 'person':
        return `Ich weiß nicht, wer ${text} ist.`;
      case 'place':
        return `Ich kenne keinen Ort namens ${text}.`;
      case 'album':
        return `Ich habe kein Album namens ${text} gefunden.`;
      case 'date':
        return `Das Datum ${text} habe ich nicht verstanden.`;
      case 'label':
      case 'favorites':
      case 'video':
      case 'word':
        return `Ich kenne ${quoted(failed.text)} nicht.`;
    }
  }

  function failedSentence(failed: FailedConstraint, speech: NothingFoundSpeech): string {
    const text = escapeSsml(failed.text);
    const { asked, today } = speech;
    switch (failed.reason) {
      case 'future':
        return `${capitalized(failed.date ? dateName(failed.date, today) : text)} liegt noch in der Zukunft.`;
      case 'combination':
        if (Object.keys(asked).length > 0) return `Ich habe keine ${phrasing.photos(asked, 2)} gefunden.`;
        return `Ich habe keine Fotos für ${quoted(speech.heard ?? failed.text)} gefunden.`;
      case 'unknown':
        return unknownSentence(failed);
      case 'no-photos':
        switch (failed.kind) {
          case 'label': {
            const kind = photoNounOf(failed.text, 'de');
            if (kind) return `Ich habe keine ${escapeSsml(kind.many)} gefunden.`;
            return `Ich habe keine Fotos zum Thema ${escapeSsml(phrasing.subjectName(failed.text))} gefunden.`;
          }
          case 'person':
            return `Ich habe keine Fotos mit ${text} gefunden.`;
          case 'album':
            return `Im Album ${text} sind keine Fotos.`;
          case 'place':
            return `Ich habe keine Fotos in ${text} gefunden.`;
          case 'date':
            return `Ich habe keine Fotos ${failed.date ? fromDate(failed.date, today) : `von ${text}`} gefunden.`;
          case 'favorites':
            return 'Du hast noch keine Lieblingsfotos.';
          case 'video':
            return 'Ich habe keine Videos gefunden.';
          case 'word':
            return `Ich habe keine Fotos für ${quoted(failed.text)} gefunden.`;
        }
    }
  }

  function offerSentence(speech: NothingFoundSpeech): string {
    const { offer, today } = speech;
    if (!offer) return '';
    const say = (what: string) => `Sag: ${what}, um ${offer.count === 1 ? 'es' : 'sie'} zu sehen.`;
    const count = offer.count === 1 ? 'ein' : String(offer.count);
    if (offer.previousDate) {
      const { date, name } = offer.previousDate;
      const when = date ? atDate(date, today) : capitalized(escapeSsml(name ?? ''));
      const kept = { ...offer.selection };
      delete kept.date;
      const took = `${when} hast du ${count} ${phrasing.photos(kept, offer.count)} aufgenommen.`;
      if (offer.words !== undefined) return `${took} ${say(`suche nach ${escapeSsml(offer.words)}`)}`;
      const asked = date ? `${phrasing.photos(kept, 2)} ${fromDate(date, today)}` : phrasing.photos(kept, 2);
      return `${took} ${say(`zeige ${asked}`)}`;
    }
    const [year, month] = offer.span.last.slice(0, 7).split('-').map(Number) as [number, number];
    const latest = `${phrasing.month(month)} ${year}`;
    if (offer.words !== undefined) {
      return `Für ${quoted(offer.words)} habe ich ${count} ${offer.count === 1 ? 'Foto' : 'Fotos'} gefunden, das neueste vom ${latest}. ${say(`suche nach ${escapeSsml(offer.words)}`)}`;
    }
    const selection = offer.selection ?? {};
    const article = photoNounOfSelection(selection, 'de')?.article ?? 'das';
    // A dated offer is said by its count: "dein neuestes Foto vom August 2025 ist vom August 2025" says nothing.
    const recent = selection.date
      ? `Du hast ${offer.count === 1 ? germanOne(article, true) : offer.count} ${phrasing.photos(selection, offer.count)}.`
      : offer.count === 1
        ? `${YOUR_NEWEST[article]} ${phrasing.photos(selection, 1)} ist vom ${latest}.`
        : `Deine neuesten ${phrasing.photos(selection, 2)} sind vom ${latest}.`;
    return `${recent} ${say(`zeige ${phrasing.photos(selection, 2)}`)}`;
  }

  return (speech) => {
    const combination = speech.failed.find((failed) => failed.reason === 'combination');
    const words = unknownWords(speech.failed);
    const rest = speech.failed.filter((failed) => !isUnknownWord(failed));
    const sentences = combination
      ? [failedSentence(combination, speech)]
      : [
          ...(words.length > 0 ? [`Ich kenne ${andList(words.map(quoted))} nicht.`] : []),
          ...new Set(rest.map((failed) => failedSentence(failed, speech))),
        ];
    const offer = offerSentence(speech);
    return [...sentences, offer || 'Was möchtest du sehen?'].join(' ');
  };
}
