import type { NothingFound } from '../../common/contracts';
import type { FailedConstraint, NothingFoundOffer, NothingFoundSpeech, PhotoSelection } from '../i18n';
import type { CalendarDate } from '../../common/calendar';
import { selectionWithout } from '../util/photo-request';

/**
 * What to say when a spoken request (slots) found nothing: the library's account of what matched nothing, with each
 * constraint named the way the user asked for it, and its one alternative as an offer of the rest of the request.
 * Without an account (an older library), the whole request found nothing.
 */
export function slotsNothingFound(
  asked: PhotoSelection,
  nothingFound: NothingFound | undefined,
  today: CalendarDate,
): NothingFoundSpeech {
  if (!nothingFound) {
    return { asked, failed: [{ kind: 'word', reason: 'combination', text: '' }], today };
  }
  const failed = nothingFound.failed.map((constraint): FailedConstraint => {
    const subjects = [asked.subject, ...(asked.moreSubjects ?? [])];
    const said = {
      // With several subjects, the one that found nothing; with one, the skill's own word for it.
      label: subjects.length > 1 && subjects.includes(constraint.text) ? constraint.text : asked.subject,
      person: asked.person,
      album: asked.album,
      // One place asked is said as heard: "dc" found nothing, not "Washington" (the library's name for it).
      place: asked.place !== undefined && !asked.place.includes(',') ? asked.place : undefined,
      date: undefined,
      favorites: undefined,
      video: undefined,
      word: undefined,
    }[constraint.kind];
    return {
      ...constraint,
      text: said ?? constraint.text,
      ...(constraint.kind === 'date' && asked.date ? { date: asked.date } : {}),
    };
  });
  const alternative = nothingFound.alternative;
  // A date still to come is offered by the skill itself, in the user's language, before it ever asks the library;
  // the library's English name for the previous occurrence is not said back to a spoken request.
  if (!alternative || alternative.replacement) return { asked, failed, today };
  const kept = selectionWithout(asked, alternative.dropped.kind);
  // An offer must be something else than what found nothing: a dropped part the request did not have is no offer.
  if (JSON.stringify(kept) === JSON.stringify(asked)) return { asked, failed, today };
  const offer: NothingFoundOffer = { selection: kept, count: alternative.total, span: alternative.span };
  return { asked, failed, offer, today };
}

/**
 * The same for free text ("search for …"): the library's words for what failed, and its alternative offered as the
 * text to search for instead (the words that failed left out, or a future date replaced by its previous occurrence).
 * An alternative whose words cannot be found in what was said is not offered: a wrong suggestion is worse than none.
 */
export function textNothingFound(
  heard: string,
  nothingFound: NothingFound | undefined,
  today: CalendarDate,
): NothingFoundSpeech {
  const asked: PhotoSelection = {};
  if (!nothingFound) {
    return { asked, heard, failed: [{ kind: 'word', reason: 'combination', text: heard }], today };
  }
  const alternative = nothingFound.alternative;
  const words = alternative
    ? rewritten(heard, alternative.dropped.text, alternative.replacement?.text ?? '')
    : undefined;
  if (!alternative || words === undefined || words.length === 0) {
    return { asked, heard, failed: nothingFound.failed, today };
  }
  return {
    asked,
    heard,
    failed: nothingFound.failed,
    offer: {
      words,
      count: alternative.total,
      span: alternative.span,
      ...(alternative.replacement ? { previousDate: { name: alternative.replacement.text } } : {}),
    },
    today,
  };
}

/** Words that only tie a left-out phrase to the rest ("beach photos in Italy" → "beach photos"). */
const LINKING_WORDS = 'in|from|at|of|with|on|during|near|von|vom|aus|mit|am|im|bei|in der|in den';

/**
 * `heard` with `part` (as a whole phrase, any case) replaced, or left out with the word that tied it in; undefined
 * when `part` is not in it.
 */
function rewritten(heard: string, part: string, replacement: string): string | undefined {
  const escaped = part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (escaped.length === 0) return undefined;
  const linking = replacement === '' ? `(?:(?:${LINKING_WORDS})\\s+)?` : '';
  const pattern = new RegExp(`(^|\\s)${linking}${escaped}(?=\\s|$)`, 'iu');
  if (!pattern.test(heard)) return undefined;
  return heard
    .replace(pattern, (_, before: string) => `${before}${replacement}`)
    .replace(/\s+/g, ' ')
    .trim();
}
