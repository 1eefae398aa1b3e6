import {
  addDays,
  addMonths,
  formatIsoDate,
  fromUtcDate,
  isoWeekOf,
  spokenNumbersToDigits,
  type CalendarDate,
  type SeasonName,
} from '../../common/calendar';
import { namedDayValue, yearOfNamedMonth } from './next-occurrence';
import { relativeSeasonValue } from './season-values';

const MONATE = [
  'januar',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
];
const JAHRESZEITEN: Record<string, { code: string; season: SeasonName }> = {
  frühling: { code: 'SP', season: 'spring' },
  frühjahr: { code: 'SP', season: 'spring' },
  sommer: { code: 'SU', season: 'summer' },
  herbst: { code: 'FA', season: 'autumn' },
  winter: { code: 'WI', season: 'winter' },
};

const pad2 = (value: number): string => String(value).padStart(2, '0');
/** Outside English Alexa sends months as `YYYY-MM-XX` and years as `YYYY-XX-XX`. */
const monthValue = (date: CalendarDate): string => `${date.year}-${pad2(date.month)}-XX`;
const yearValue = (year: number): string => `${year}-XX-XX`;
const weekValue = (date: CalendarDate): string => {
  const { year, week } = isoWeekOf(date);
  return `${year}-W${pad2(week)}`;
};

/**
 * German date phrases as Alexa's de-DE AMAZON.DATE resolver sends them (northern seasons), spoken numbers included
 * ("vierter juli zweitausendneunzehn", "sommer zweitausendzwanzig").
 */
export function germanAmazonDateOf(phrase: string, now: Date): string | undefined {
  const words = spokenNumbersToDigits(phrase.replace(/[,]/g, ' '), 'de-DE')
    .replace(/\s+/g, ' ')
    .replace(/^(im|vom|von|aus dem|aus|am|in|an) /, '');
  const today = fromUtcDate(now);
  switch (words) {
    case 'heute':
      return formatIsoDate(today);
    case 'gestern':
      return formatIsoDate(addDays(today, -1));
    case 'jetzt':
    case 'gerade':
      return 'PRESENT_REF';
    case 'diese woche':
      return weekValue(today);
    case 'letzte woche':
    case 'letzter woche':
      return weekValue(addDays(today, -7));
    case 'dieses wochenende':
      return `${weekValue(today)}-WE`;
    case 'nächstes wochenende':
    case 'nächsten wochenende':
      return `${weekValue(addDays(today, 7))}-WE`;
    case 'nächste woche':
    case 'nächster woche':
      return weekValue(addDays(today, 7));
    case 'letztes wochenende':
    case 'letzten wochenende':
      return `${weekValue(addDays(today, -7))}-WE`;
    case 'diesen monat':
    case 'diesem monat':
      return monthValue(today);
    case 'letzten monat':
    case 'letztem monat':
      return monthValue(addMonths({ ...today, day: 1 }, -1));
    case 'dieses jahr':
    case 'diesem jahr':
      return yearValue(today.year);
    case 'letztes jahr':
    case 'letzten jahr':
    case 'letztem jahr':
      return yearValue(today.year - 1);
    default:
      return season(words, today) ?? namedMonth(words, today) ?? year(words);
  }
}

function season(words: string, today: CalendarDate): string | undefined {
  const relative = /^(letzten|letzter|letztem|diesen|dieser|diesem) (\p{L}+)$/u.exec(words);
  const absolute = /^(\p{L}+) (\d{4})$/u.exec(words);
  const spec = JAHRESZEITEN[relative?.[2] ?? absolute?.[1] ?? ''];
  if (!spec) return undefined;
  if (absolute) return `${absolute[2]}-${spec.code}`;
  return relativeSeasonValue(relative?.[1]?.startsWith('letzt') ? 'last' : 'this', spec, today, 'northern');
}

/** "juli" → the next July (this one if we are in it), "juli 2025", "14. juli", "14. juli 2025". */
function namedMonth(words: string, today: CalendarDate): string | undefined {
  const match = /^(?:(\d{1,2})\.? )?(\p{L}+)(?: (\d{4}))?$/u.exec(words);
  if (!match?.[2]) return undefined;
  const month = MONATE.indexOf(match[2]) + 1;
  if (month === 0) return undefined;
  const day = match[1] === undefined ? undefined : Number(match[1]);
  const explicitYear = match[3] === undefined ? undefined : Number(match[3]);
  if (day === undefined) {
    return monthValue({ year: explicitYear ?? yearOfNamedMonth(today, month), month, day: 1 });
  }
  return namedDayValue(today, month, day, explicitYear);
}

function year(words: string): string | undefined {
  const match = /^(?:dem jahr |jahr )?(\d{4})$/.exec(words);
  return match?.[1] === undefined ? undefined : yearValue(Number(match[1]));
}
