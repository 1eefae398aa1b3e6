/**
 * The acceptance queries. Each says one request three ways — Alexa's exact slot values for ShowPhotosIntent (as
 * Alexa resolves them: the heard value of a custom slot, the AMAZON.DATE value, the City/Country value), the spoken
 * utterance, and free text — and states its meaning as constraints; the expected photos come from the ground-truth
 * table through expected.ts. All are asked on Wednesday 2026-12-02 (REFERENCE), so "this weekend" is still to come.
 */
import type { Constraints } from './expected';

export const REFERENCE = '2026-12-02T12:00:00';
export const REFERENCE_ZONE = 'America/New_York';
export const REFERENCE_INSTANT = '2026-12-02T12:00:00-05:00';

export interface SearchCase {
  id: string;
  category: string;
  /** ShowPhotosIntent slot values as Alexa resolves them; undefined when no slot form exists. */
  slots?: Record<string, string>;
  utterance?: string;
  text?: string;
  locale?: 'en-US' | 'en-AU' | 'en-GB' | 'de-DE';
  expect: Constraints;
}

export interface WhatIsThisCase {
  id: string;
  category: 'what-is-this';
  /** The photo on screen. */
  path: string;
}

const cases: SearchCase[] = [];
function add(
  category: string,
  id: string,
  forms: { slots?: Record<string, string>; say?: string; text?: string; locale?: SearchCase['locale'] },
  expect: Constraints,
): void {
  cases.push({
    id,
    category,
    slots: forms.slots,
    utterance: forms.say,
    text: forms.text,
    locale: forms.locale,
    expect,
  });
}

// --- Subjects (labels from keywords, hierarchical keywords, descriptions, album names).
const SUBJECTS: Array<[string, string, string]> = [
  ['beach', 'beach', 'beach'],
  ['dog', 'dogs', 'dog'],
  ['cat', 'cats', 'cat'],
  ['horse', 'horses', 'horse'],
  ['bird', 'birds', 'bird'],
  ['eagle', 'eagles', 'eagle'],
  ['giraffe', 'giraffes', 'giraffe'],
  ['zebra', 'zebras', 'zebra'],
  ['coffee', 'coffee', 'coffee'],
  ['motorcycle', 'motorcycles', 'motorcycle'],
  ['rocket', 'rockets', 'rocket'],
  ['birthday', 'birthday', 'birthday'],
  ['lake', 'lake', 'lake'],
  ['animal', 'animals', 'animal'],
];
for (const [slot, spoken, label] of SUBJECTS) {
  add(
    'subject',
    `subject-${label}`,
    { slots: { subject: slot }, say: `show ${slot} photos`, text: `${spoken} photos` },
    {
      labels: [label],
    },
  );
}
add(
  'subject',
  'subject-puppy-synonym',
  { slots: { subject: 'puppy' }, say: 'show puppy pictures', text: 'puppy pictures' },
  {
    labels: ['dog'],
  },
);
add(
  'subject',
  'subject-snow-none',
  { slots: { subject: 'snow' }, say: 'show snow photos', text: 'snow photos' },
  {
    labels: ['snow'],
  },
);
add(
  'subject',
  'subject-mountain-none',
  { slots: { subject: 'mountain' }, say: 'show mountain photos', text: 'mountain photos' },
  {
    labels: ['mountain'],
  },
);
add(
  'subject',
  'subject-sunset-none',
  { slots: { subject: 'sunset' }, say: 'show sunset photos', text: 'sunset photos' },
  {
    labels: ['sunset'],
  },
);
add(
  'subject',
  'subject-unicorn-unknown',
  { slots: { subject: 'unicorns' }, say: 'show unicorn photos', text: 'unicorn photos' },
  {
    unknown: [{ kind: 'label', text: 'unicorn' }],
  },
);
add(
  'subject',
  'subject-gibberish',
  { slots: { subject: 'blorptastic' }, text: 'blorptastic photos' },
  {
    unknown: [{ kind: 'word', text: 'blorptastic' }],
  },
);

// --- Every AMAZON.DATE form (relative ones as Alexa resolves them on Wednesday 2026-12-02).
const DATES: Array<[string, string, string, string]> = [
  [
    'date-day-christmas-eve-2019',
    '2019-12-24',
    'december twenty fourth twenty nineteen',
    'photos from 24 December 2019',
  ],
  ['date-day-july-4-2021', '2021-07-04', 'july fourth twenty twenty one', 'photos from July 4 2021'],
  // Capture-local days: 00:30 on 1 January in Sydney is 31 December in UTC, and belongs to 1 January.
  [
    'date-day-new-year-2020-sydney',
    '2020-01-01',
    'january first twenty twenty',
    'photos from January 1 2020',
  ],
  [
    'date-day-2019-12-31-none',
    '2019-12-31',
    'december thirty first twenty nineteen',
    'photos from December 31 2019',
  ],
  ['date-week', '2019-W27', 'the first week of july twenty nineteen', 'photos from the week of July 1 2019'],
  [
    'date-weekend',
    '2019-W27-WE',
    'the weekend of july sixth twenty nineteen',
    'photos from the weekend of July 6 2019',
  ],
  ['date-month', '2021-07', 'july twenty twenty one', 'photos from July 2021'],
  ['date-year-2019', '2019', 'twenty nineteen', 'photos from 2019'],
  ['date-year-2017', '2017', 'twenty seventeen', 'photos from 2017'],
  ['date-season-summer-2019', '2019-SU', 'summer twenty nineteen', 'photos from summer 2019'],
  ['date-season-winter-2019', '2019-WI', 'winter twenty nineteen', 'photos from winter 2019'],
  ['date-season-spring-2021', '2021-SP', 'spring twenty twenty one', 'photos from spring 2021'],
  ['date-season-autumn-2021', '2021-FA', 'fall twenty twenty one', 'photos from autumn 2021'],
  ['date-decade-2010s', '201X', 'the twenty tens', 'photos from the 2010s'],
  ['date-decade-2020s', '202X', 'the twenty twenties', 'photos from the 2020s'],
  ['date-today', '2026-12-02', 'today', 'photos from today'],
  ['date-yesterday', '2026-12-01', 'yesterday', 'photos from yesterday'],
  ['date-this-week', '2026-W49', 'this week', 'photos from this week'],
  ['date-last-week', '2026-W48', 'last week', 'photos from last week'],
  ['date-this-weekend-future', '2026-W49-WE', 'this weekend', 'photos from this weekend'],
  ['date-last-weekend', '2026-W48-WE', 'last weekend', 'photos from last weekend'],
  ['date-next-week-future', '2026-W50', 'next week', 'photos from next week'],
  ['date-this-month', '2026-12', 'this month', 'photos from this month'],
  ['date-last-month', '2026-11', 'last month', 'photos from last month'],
  ['date-this-year', '2026', 'this year', 'photos from this year'],
  ['date-last-year', '2025', 'last year', 'photos from last year'],
  ['date-last-summer', '2026-SU', 'last summer', 'photos from last summer'],
  ['date-last-winter', '2025-WI', 'last winter', 'photos from last winter'],
  ['date-year-2014-none', '2014', 'twenty fourteen', 'photos from 2014'],
];
for (const [id, amazon, spoken, text] of DATES) {
  add('date', id, { slots: { date: amazon }, say: `show photos from ${spoken}`, text }, { date: { amazon } });
}
// Southern hemisphere: an Australian's "summer 2023" is December 2023 to February 2024.
add(
  'date',
  'date-season-summer-2023-southern',
  {
    slots: { date: '2023-SU' },
    say: 'show photos from summer twenty twenty three',
    text: 'photos from summer 2023',
    locale: 'en-AU',
  },
  { date: { amazon: '2023-SU' } },
);
add(
  'date',
  'date-season-winter-2022-southern',
  {
    slots: { date: '2022-WI' },
    say: 'show photos from winter twenty twenty two',
    text: 'photos from winter 2022',
    locale: 'en-AU',
  },
  { date: { amazon: '2022-WI' } },
);

// --- Holidays, with and without a year; on this day.
type HolidayForm = [string, string, string, number | 'every' | undefined];
const HOLIDAYS: HolidayForm[] = [
  // Alone: the most recent occurrence (Christmas 2025 when asked on 2 December 2026).
  ['CHRISTMAS', 'christmas', 'Christmas', undefined],
  ['THANKSGIVING', 'thanksgiving', 'Thanksgiving', undefined],
  ['EASTER', 'easter', 'Easter', undefined],
  // Every year (the RECURRENCE slot).
  ['CHRISTMAS', 'christmas', 'Christmas', 'every'],
  ['CHRISTMAS_EVE', 'christmas eve', 'Christmas Eve', 'every'],
  ['NEW_YEARS_EVE', "new year's eve", "New Year's Eve", 'every'],
  ['NEW_YEARS_DAY', "new year's day", "New Year's Day", 'every'],
  ['EASTER', 'easter', 'Easter', 'every'],
  ['HALLOWEEN', 'halloween', 'Halloween', 'every'],
  ['VALENTINES_DAY', "valentine's day", "Valentine's Day", 'every'],
  ['MOTHERS_DAY', "mother's day", "Mother's Day", 'every'],
  // With a year.
  ['CHRISTMAS', 'christmas', 'Christmas', 2019],
  ['CHRISTMAS', 'christmas', 'Christmas', 2024],
  ['CHRISTMAS', 'christmas', 'Christmas', 2018],
  ['NEW_YEARS_EVE', "new year's eve", "New Year's Eve", 2023],
  ['NEW_YEARS_EVE', "new year's eve", "New Year's Eve", 2019],
  ['EASTER', 'easter', 'Easter', 2015],
  ['EASTER', 'easter', 'Easter', 2019],
  ['HALLOWEEN', 'halloween', 'Halloween', 2021],
  ['THANKSGIVING', 'thanksgiving', 'Thanksgiving', 2026],
];
const SPOKEN_YEAR: Record<number, string> = {
  2015: 'twenty fifteen',
  2018: 'twenty eighteen',
  2019: 'twenty nineteen',
  2021: 'twenty twenty one',
  2023: 'twenty twenty three',
  2024: 'twenty twenty four',
  2026: 'twenty twenty six',
};
for (const [holiday, spoken, written, when] of HOLIDAYS) {
  const slug = holiday.toLowerCase().replace(/_/g, '-');
  if (when === 'every') {
    add(
      'holiday',
      `holiday-every-${slug}`,
      {
        slots: { holiday: spoken, recurrence: 'every year' },
        say: `show photos from ${spoken} every year`,
        text: `photos from every ${written}`,
      },
      { date: { holiday: holiday as never, every: true } },
    );
    continue;
  }
  add(
    'holiday',
    `holiday-${slug}${when === undefined ? '' : `-${when}`}`,
    {
      slots: { holiday: spoken, ...(when === undefined ? {} : { date: String(when) }) },
      say: `show photos from ${spoken}${when === undefined ? '' : ` ${SPOKEN_YEAR[when]}`}`,
      text: `photos from ${written}${when === undefined ? '' : ` ${when}`}`,
    },
    { date: { holiday: holiday as never, ...(when === undefined ? {} : { year: when }) } },
  );
}
add(
  'holiday',
  'on-this-day',
  { slots: { holiday: 'on this day' }, say: 'show photos from on this day', text: 'on this day' },
  {
    date: { onThisDay: true },
  },
);
add(
  'holiday',
  'on-this-day-history',
  { say: 'show this day in history', text: 'this day in history' },
  {
    date: { onThisDay: true },
  },
);

// --- Places at every level; same-named towns; parks; unknown places.
const PLACES: Array<[string, 'place' | 'country', string, Constraints['place']]> = [
  ['place-sublocation-schwabing', 'place', 'Schwabing', { name: 'Schwabing' }],
  ['place-sublocation-shibuya', 'place', 'Shibuya', { name: 'Shibuya' }],
  ['place-sublocation-englischer-garten', 'place', 'Englischer Garten', { name: 'Englischer Garten' }],
  ['place-city-santa-monica', 'place', 'Santa Monica', { name: 'Santa Monica' }],
  ['place-city-brooklyn', 'place', 'Brooklyn', { name: 'Brooklyn' }],
  ['place-city-munich', 'place', 'Munich', { name: 'Munich' }],
  ['place-city-houston-iptc', 'place', 'Houston', { name: 'Houston' }],
  ['place-city-newquay', 'place', 'Newquay', { name: 'Newquay' }],
  ['place-city-tokyo', 'place', 'Tokyo', { name: 'Tokyo' }],
  ['place-city-cape-town', 'place', 'Cape Town', { name: 'Cape Town' }],
  ['place-city-st-ives', 'place', 'St Ives', { name: 'St Ives' }],
  ['place-metro-los-angeles', 'place', 'Los Angeles', { name: 'Los Angeles' }],
  ['place-metro-new-york', 'place', 'New York City', { name: 'New York City' }],
  ['place-metro-sydney', 'place', 'Sydney', { name: 'Sydney' }],
  ['place-county-cornwall', 'place', 'Cornwall', { name: 'Cornwall' }],
  ['place-region-texas', 'place', 'Texas', { name: 'Texas' }],
  ['place-region-bavaria', 'place', 'Bavaria', { name: 'Bavaria' }],
  ['place-region-california', 'place', 'California', { name: 'California' }],
  ['place-region-wyoming', 'place', 'Wyoming', { name: 'Wyoming' }],
  ['place-region-scotland', 'place', 'Scotland', { name: 'Scotland' }],
  ['place-region-florida', 'place', 'Florida', { name: 'Florida' }],
  ['place-region-england', 'place', 'England', { name: 'England' }],
  ['place-country-france', 'country', 'France', { name: 'France' }],
  ['place-country-germany', 'country', 'Germany', { name: 'Germany' }],
  ['place-country-australia', 'country', 'Australia', { name: 'Australia' }],
  ['place-country-south-africa', 'country', 'South Africa', { name: 'South Africa' }],
  ['place-country-japan', 'country', 'Japan', { name: 'Japan' }],
  ['place-country-uk', 'country', 'United Kingdom', { name: 'United Kingdom' }],
  ['place-country-usa', 'country', 'United States', { name: 'United States' }],
  ['place-paris-any', 'place', 'Paris', { name: 'Paris' }],
  ['place-park-yellowstone', 'place', 'Yellowstone', { name: 'Yellowstone' }],
  ['place-park-kruger', 'place', 'Kruger National Park', { name: 'Kruger' }],
  ['place-park-cairngorms', 'place', 'Cairngorms', { name: 'Cairngorms' }],
  ['place-country-italy-none', 'country', 'Italy', { name: 'Italy' }],
  ['place-city-rome-none', 'place', 'Rome', { name: 'Rome' }],
  ['place-city-chicago-none', 'place', 'Chicago', { name: 'Chicago' }],
];
for (const [id, slot, name, place] of PLACES) {
  add(
    'place',
    id,
    { slots: { [slot]: name }, say: `show photos from ${name.toLowerCase()}`, text: `photos from ${name}` },
    { place },
  );
}
add(
  'place',
  'place-paris-texas',
  { slots: { place: 'Paris Texas' }, text: 'photos from Paris, Texas' },
  {
    place: { name: 'Paris', within: 'Texas' },
  },
);
add(
  'place',
  'place-paris-france',
  { text: 'photos from Paris, France' },
  { place: { name: 'Paris', within: 'France' } },
);
add(
  'place',
  'place-unknown-zorblax',
  { slots: { place: 'Zorblax' }, text: 'photos from Zorblax' },
  {
    unknown: [{ kind: 'place', text: 'Zorblax' }],
  },
);

// --- People (named in Takeout sidecars and in MWG face regions).
const PEOPLE: Array<[string, string, string[]]> = [
  ['person-dad', 'Dad', ['Dad']],
  ['person-mom', 'Mom', ['Mom']],
  ['person-grandma', 'Grandma', ['Grandma']],
  ['person-grandpa', 'Grandpa', ['Grandpa']],
  ['person-anna', 'Anna', ['Anna']],
  ['person-tom', 'Tom', ['Tom']],
];
for (const [id, name, people] of PEOPLE) {
  add(
    'person',
    id,
    { slots: { person: name }, say: `show photos of ${name.toLowerCase()}`, text: `photos of ${name}` },
    { people },
  );
}
add(
  'person',
  'person-my-dad',
  { slots: { person: 'my dad' }, say: 'show photos of my dad', text: 'photos of my dad' },
  {
    people: ['Dad'],
  },
);
add(
  'person',
  'person-unknown-bob',
  { slots: { person: 'Bob' }, say: 'show photos of bob', text: 'photos of Bob' },
  {
    unknown: [{ kind: 'person', text: 'Bob' }],
  },
);
add(
  'person',
  'person-mom-and-dad',
  {
    slots: { person: 'Mom', other_person: 'Dad' },
    say: 'show photos of mom and dad',
    text: 'photos of Mom and Dad',
  },
  { people: ['Mom', 'Dad'] },
);
add(
  'person',
  'person-dad-munich',
  {
    slots: { person: 'Dad', place: 'Munich' },
    say: 'show photos of dad in munich',
    text: 'photos of Dad in Munich',
  },
  {
    people: ['Dad'],
    place: { name: 'Munich' },
  },
);
add(
  'person',
  'person-tom-2021',
  {
    slots: { person: 'Tom', date: '2021' },
    say: 'show photos of tom from twenty twenty one',
    text: 'photos of Tom from 2021',
  },
  {
    people: ['Tom'],
    date: { amazon: '2021' },
  },
);
add(
  'person',
  'person-anna-none-2024',
  { slots: { person: 'Anna', date: '2024' }, text: 'photos of Anna from 2024' },
  {
    people: ['Anna'],
    date: { amazon: '2024' },
  },
);

// --- Albums people made; folders that are not albums.
const ALBUMS: Array<[string, string]> = [
  ['album-yellowstone-2021', 'Yellowstone 2021'],
  ['album-kruger-safari', 'Kruger safari'],
  ['album-summer-trip-cornwall', 'Summer trip to Cornwall'],
  ['album-beach-day', 'Beach day'],
  ['album-annas-birthday', "Anna's birthday"],
];
for (const [id, album] of ALBUMS) {
  add(
    'album',
    id,
    { slots: { album }, say: `show my ${album.toLowerCase()} album`, text: `${album} album` },
    { album },
  );
}
add(
  'album',
  'album-text-whole-name',
  { text: 'Summer trip to Cornwall' },
  { album: 'Summer trip to Cornwall' },
);
add(
  'album',
  'album-not-year-folder',
  { slots: { album: 'Photos from 2019' } },
  {
    unknown: [{ kind: 'album', text: 'Photos from 2019' }],
  },
);
add(
  'album',
  'album-not-misc',
  { slots: { album: 'Misc' }, text: 'Misc album' },
  { unknown: [{ kind: 'album', text: 'Misc' }] },
);
add(
  'album',
  'album-not-dcim',
  { slots: { album: 'DCIM' }, text: 'DCIM album' },
  { unknown: [{ kind: 'album', text: 'DCIM' }] },
);
add(
  'album',
  'album-not-whatsapp',
  { slots: { album: 'WhatsApp Images' }, text: 'WhatsApp Images album' },
  {
    unknown: [{ kind: 'album', text: 'WhatsApp Images' }],
  },
);
add(
  'album',
  'album-unknown-honeymoon',
  { slots: { album: 'honeymoon' }, say: 'show my honeymoon album', text: 'honeymoon album' },
  {
    unknown: [{ kind: 'album', text: 'honeymoon' }],
  },
);

// --- Favourites and media kinds.
add(
  'favorites',
  'favorites',
  { slots: { favorites: 'favorites' }, say: 'show my favorites', text: 'my favorites' },
  {
    favorites: true,
  },
);
add(
  'favorites',
  'favorites-play',
  { slots: { favorites: 'favourites' }, say: 'play my favourites', text: 'favourites' },
  {
    favorites: true,
  },
);
add(
  'favorites',
  'favorites-beach',
  {
    slots: { favorites: 'favorite', subject: 'beach' },
    say: 'show my favorite beach photos',
    text: 'my favorite beach photos',
  },
  {
    favorites: true,
    labels: ['beach'],
  },
);
add(
  'favorites',
  'favorites-2021',
  {
    slots: { favorites: 'favorites', date: '2021' },
    say: 'show my favorites from twenty twenty one',
    text: 'favorites from 2021',
  },
  {
    favorites: true,
    date: { amazon: '2021' },
  },
);
add(
  'favorites',
  'favorites-dog-none',
  { slots: { favorites: 'favorite', subject: 'dog' }, text: 'my favorite dog photos' },
  {
    favorites: true,
    labels: ['dog'],
  },
);
add(
  'media',
  'videos',
  { slots: { media: 'videos' }, say: 'show my videos', text: 'my videos' },
  { media: 'video' },
);
add(
  'media',
  'videos-brooklyn',
  {
    slots: { media: 'videos', place: 'Brooklyn' },
    say: 'show my videos from brooklyn',
    text: 'videos from Brooklyn',
  },
  {
    media: 'video',
    place: { name: 'Brooklyn' },
  },
);
add(
  'media',
  'videos-2019-none',
  { slots: { media: 'videos', date: '2019' }, text: 'videos from 2019' },
  {
    media: 'video',
    date: { amazon: '2019' },
  },
);
add(
  'media',
  'videos-last-weekend',
  { slots: { media: 'clips', date: '2026-W48-WE' }, text: 'videos from last weekend' },
  {
    media: 'video',
    date: { amazon: '2026-W48-WE' },
  },
);

// --- Combinations.
add(
  'combination',
  'beach-2019',
  {
    slots: { subject: 'beach', date: '2019' },
    say: 'show beach photos from twenty nineteen',
    text: 'beach photos from 2019',
  },
  {
    labels: ['beach'],
    date: { amazon: '2019' },
  },
);
add(
  'combination',
  'beach-santa-monica',
  {
    slots: { subject: 'beach', place: 'Santa Monica' },
    say: 'show beach photos from santa monica',
    text: 'beach photos from Santa Monica',
  },
  {
    labels: ['beach'],
    place: { name: 'Santa Monica' },
  },
);
add(
  'combination',
  'beach-los-angeles',
  { slots: { subject: 'beach', place: 'Los Angeles' }, text: 'beach photos from Los Angeles' },
  {
    labels: ['beach'],
    place: { name: 'Los Angeles' },
  },
);
add(
  'combination',
  'dog-2019',
  {
    slots: { subject: 'dog', date: '2019' },
    say: 'show dog photos from twenty nineteen',
    text: 'dog photos from 2019',
  },
  {
    labels: ['dog'],
    date: { amazon: '2019' },
  },
);
add(
  'combination',
  'horse-wyoming',
  { slots: { subject: 'horse', place: 'Wyoming' }, text: 'horse photos from Wyoming' },
  {
    labels: ['horse'],
    place: { name: 'Wyoming' },
  },
);
add(
  'combination',
  'cat-new-york',
  { slots: { subject: 'cat', place: 'New York City' }, text: 'cat photos from New York City' },
  {
    labels: ['cat'],
    place: { name: 'New York City' },
  },
);
add(
  'combination',
  'coffee-paris',
  { slots: { subject: 'coffee', place: 'Paris' }, text: 'coffee photos from Paris' },
  {
    labels: ['coffee'],
    place: { name: 'Paris' },
  },
);
add(
  'combination',
  'motorcycle-texas-2017',
  {
    slots: { subject: 'motorcycle', place: 'Texas', date: '2017' },
    text: 'motorcycle photos from Texas in 2017',
  },
  {
    labels: ['motorcycle'],
    place: { name: 'Texas' },
    date: { amazon: '2017' },
  },
);
add(
  'combination',
  'christmas-munich',
  {
    slots: { holiday: 'christmas', recurrence: 'every year', place: 'Munich' },
    text: 'every Christmas in Munich',
  },
  {
    date: { holiday: 'CHRISTMAS', every: true },
    place: { name: 'Munich' },
  },
);
add(
  'combination',
  'summer-cornwall-2019',
  {
    slots: { date: '2019-SU', place: 'Cornwall' },
    say: 'show photos from cornwall from summer twenty nineteen',
    text: 'photos from Cornwall in summer 2019',
  },
  {
    date: { amazon: '2019-SU' },
    place: { name: 'Cornwall' },
  },
);
add(
  'combination',
  'beach-last-summer-none',
  {
    slots: { subject: 'beach', date: '2026-SU' },
    say: 'show beach photos from last summer',
    text: 'beach photos from last summer',
  },
  {
    labels: ['beach'],
    date: { amazon: '2026-SU' },
  },
);
add(
  'combination',
  'dog-italy-none',
  { slots: { subject: 'dog', country: 'Italy' }, text: 'dog photos from Italy' },
  {
    labels: ['dog'],
    place: { name: 'Italy' },
  },
);
add(
  'combination',
  'giraffe-2019-none',
  { slots: { subject: 'giraffe', date: '2019' }, text: 'giraffe photos from 2019' },
  {
    labels: ['giraffe'],
    date: { amazon: '2019' },
  },
);
add(
  'combination',
  'unknown-word-with-place',
  { text: 'blorptastic photos from Paris' },
  {
    place: { name: 'Paris' },
    unknown: [{ kind: 'word', text: 'blorptastic' }],
  },
);
add(
  'combination',
  'unknown-subject-with-year',
  { slots: { subject: 'unicorns', date: '2019' }, text: 'unicorn photos from 2019' },
  {
    date: { amazon: '2019' },
    unknown: [{ kind: 'label', text: 'unicorn' }],
  },
);
add(
  'combination',
  'paris-last-summer',
  {
    slots: { place: 'Paris', date: '2026-SU' },
    say: 'show photos from paris last summer',
    text: 'paris last summer',
  },
  {
    place: { name: 'Paris' },
    date: { amazon: '2026-SU' },
  },
);
add(
  'combination',
  'santa-monica-july-4-2026',
  { slots: { place: 'Santa Monica', date: '2026-07-04' }, text: 'photos from Santa Monica on July 4 2026' },
  {
    place: { name: 'Santa Monica' },
    date: { amazon: '2026-07-04' },
  },
);

// --- Gibberish and the whole library.
add('zero', 'gibberish-text', { text: 'asdf qwerty zxcv' }, { unknown: [{ kind: 'word', text: 'asdf' }] });
add(
  'zero',
  'gibberish-single',
  { text: 'flibbertigibbet' },
  { unknown: [{ kind: 'word', text: 'flibbertigibbet' }] },
);
add('all', 'all-photos', { slots: {}, say: 'show my photos' }, {});

// --- The README's own examples, run on the acceptance library (README acceptance line 4).
add(
  'readme',
  'readme-alexa-beach-last-summer',
  {
    slots: { subject: 'beach', date: '2026-SU' },
    say: 'show beach photos from last summer',
    text: 'beach photos from last summer',
  },
  {
    labels: ['beach'],
    date: { amazon: '2026-SU' },
  },
);
add(
  'readme',
  'readme-search-santa-monica',
  { text: 'beach photos from last summer in Santa Monica' },
  {
    labels: ['beach'],
    date: { amazon: '2026-SU' },
    place: { name: 'Santa Monica' },
  },
);
add(
  'readme',
  'readme-slot-beach-2026-su',
  { slots: { subject: 'beach', date: '2026-SU' } },
  {
    labels: ['beach'],
    date: { amazon: '2026-SU' },
  },
);
add(
  'readme',
  'readme-photos-from-paris',
  { slots: { place: 'Paris' }, text: 'photos from Paris' },
  { place: { name: 'Paris' } },
);
add(
  'readme',
  'readme-search-for-dog',
  { say: 'search for dog photos', text: 'dog photos' },
  { labels: ['dog'] },
);

// --- de-DE forms.
add(
  'german',
  'de-hunde',
  { slots: { subject: 'Hunde' }, say: 'zeige Fotos von Hunden', text: 'Fotos von Hunden', locale: 'de-DE' },
  {
    labels: ['dog'],
  },
);
add(
  'german',
  'de-lieblingsfotos',
  {
    slots: { favorites: 'Lieblingsfotos' },
    say: 'zeige meine Lieblingsfotos',
    text: 'meine Lieblingsfotos',
    locale: 'de-DE',
  },
  {
    favorites: true,
  },
);
add(
  'german',
  'de-weihnachten-2019',
  {
    slots: { holiday: 'Weihnachten', date: '2019' },
    say: 'zeige Fotos von Weihnachten zwanzig neunzehn',
    text: 'Fotos von Weihnachten 2019',
    locale: 'de-DE',
  },
  {
    date: { holiday: 'CHRISTMAS', year: 2019 },
  },
);
add(
  'german',
  'de-muenchen',
  { slots: { place: 'München' }, say: 'zeige Fotos aus München', text: 'Fotos aus München', locale: 'de-DE' },
  {
    place: { name: 'Munich' },
  },
);

export const SEARCH_CASES: readonly SearchCase[] = cases;

/** "What is this photo?" with one photo on screen: the facts it must speak come from the table row. */
export const WHAT_IS_THIS_CASES: readonly WhatIsThisCase[] = [
  'Takeout/Google Photos/Photos from 2019/IMG_20190706_101500.jpg',
  'Lightroom Export/2022-03-12_Chelsea_0001.jpg',
  'Lightroom Export/2016-06-18_Munich_0042.jpg',
  'Apple Photos Export/IMG_4620.HEIC',
  'Camera Card/DCIM/101MSDCF/DSC00017.JPG',
  'Phone Backup/WhatsApp/Media/WhatsApp Images/IMG-20250712-WA0003.jpg',
  'Takeout/Google Photos/Yellowstone 2021/IMG_20210704_170000.jpg',
  'Phone Backup/DCIM/Camera/IMG_20251129_101500.jpg',
  'Takeout/Google Photos/Photos from 2019/IMG_20191224_193000.jpg',
  'Apple Photos Export/IMG_4501.HEIC',
].map((path, i) => ({ id: `what-is-this-${i + 1}`, category: 'what-is-this', path }));
