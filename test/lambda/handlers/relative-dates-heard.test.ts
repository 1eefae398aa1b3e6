import assert from 'node:assert/strict';
import { join } from 'node:path';
import { addDays, calendarDateIn, dayYearsAgo, monthName, type CalendarDate } from '../../../common/calendar';
import { writeImage } from '../../metadata-service/fixtures/images';
import { startRealSkill, type RealSkill } from '../helpers/real-skill';

/** Today where the local stack's skill reads dates: this machine's zone (SKILL_TIME_ZONE's default). */
const today = (): CalendarDate =>
  calendarDateIn(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
const exif = (day: CalendarDate): string =>
  `${day.year}:${String(day.month).padStart(2, '0')}:${String(day.day).padStart(2, '0')} 12:00:00`;
const said = (day: CalendarDate): string => `${monthName(day.month)} ${day.day}, ${day.year}`;

/**
 * Windows counted back from today, as people say them and as Alexa splits them over slots: "the last two weeks"
 * heard as a place, "this day" beside "last year" in the date slot. Photos are dated relative to the day the test
 * runs, so each window holds a known number of them.
 */
describe('ShowPhotosIntent: days counted back from today (a real library)', function () {
  this.timeout(90_000);
  let skill: RealSkill;
  const now = today();
  const yearAgo = dayYearsAgo(now, 1);
  const latestValentine = now.month > 2 || (now.month === 2 && now.day >= 14) ? now.year : now.year - 1;
  /** Every photo's day, as written below: counts of whole years are taken from them. */
  const photoDays: CalendarDate[] = [];

  before(async () => {
    skill = await startRealSkill(async (photos) => {
      const camera = join(photos, 'DCIM', 'Camera');
      const days = {
        'year-ago': yearAgo,
        'year-ago-plus-10': addDays(yearAgo, 10),
        'year-ago-minus-20': addDays(yearAgo, -20),
        'days-3': addDays(now, -3),
        'days-10': addDays(now, -10),
        'days-40': addDays(now, -40),
        'years-3': dayYearsAgo(now, 3),
        'years-6': dayYearsAgo(now, 6),
        // Valentine's Day two before the latest that has begun, and none on that latest one.
        'valentine-earlier': { year: latestValentine - 2, month: 2, day: 14 },
      };
      photoDays.push(...Object.values(days));
      for (const [name, day] of Object.entries(days)) {
        await writeImage(join(camera, `${name}.jpg`), { dateTimeOriginal: exif(day), scene: 'stripes' });
      }
    });
  });

  after(() => skill.close());

  it('"the last two weeks", "the past month", "the last few days" heard as a place: windows up to today', async () => {
    const twoWeeks = await skill.say('show photos from the last two weeks');
    assert.deepEqual(twoWeeks.slots, { place: 'the last two weeks' });
    assert.match(twoWeeks.speech, /You have 2 photos from the past 2 weeks/);

    // "the past month" is the month up to today (the photo of 10 days ago), not the calendar month before this one.
    const pastMonth = await skill.say('show photos from the past month');
    assert.match(pastMonth.speech, /You have 2 photos from the past month/);

    const fewDays = await skill.say('show photos from the last few days');
    assert.match(fewDays.speech, /You have 1 photo from the past 3 days/);

    const german = await skill.say('zeige fotos aus den letzten zwei wochen', 'de-DE');
    assert.match(german.speech, /Du hast 2 Fotos aus den letzten 2 Wochen/);
  });

  it('"this day" or "today" beside "last year": that one day a year ago, however Alexa split the words', async () => {
    const todayLastYear = await skill.say('show photos from today last year');
    assert.deepEqual(todayLastYear.slots, { place: 'today', date: String(now.year - 1) });
    assert.match(todayLastYear.speech, new RegExp(`You have 1 photo from ${said(yearAgo)}\\b`));

    const yearAgoToday = await skill.say('show photos from a year ago today');
    assert.equal(yearAgoToday.slots.place, 'a year ago');
    assert.match(yearAgoToday.speech, new RegExp(`You have 1 photo from ${said(yearAgo)}\\b`));

    // The HOLIDAY slot's "on this day" with the year: the day, not "this day in earlier years".
    const onThisDay = await skill.say('show photos from on this day last year');
    assert.equal(onThisDay.slots.holiday, 'on this day');
    assert.match(onThisDay.speech, new RegExp(`You have 1 photo from ${said(yearAgo)}\\b`));

    const german = await skill.say('zeige fotos von heute vor einem jahr', 'de-DE');
    assert.match(german.speech, new RegExp(`Du hast ein Foto vom ${yearAgo.day}\\. `));
  });

  it('"this time last year": the two weeks either side of the day a year ago, never the town of Time', async () => {
    const thisTime = await skill.say('show photos from this time last year');
    assert.deepEqual(thisTime.slots, { place: 'this time', date: String(now.year - 1) });
    assert.match(thisTime.speech, new RegExp(`You have 2 photos from around ${said(yearAgo)}\\b`));
  });

  it('two dates that are not one day a year ago stay two constraints', async () => {
    // "the last two weeks" beside 2024: no photo is in both, and nothing is widened to either alone.
    const both = await skill.say({ place: 'the last two weeks', date: String(now.year - 2) });
    // Nothing found is said; the photos of that year may be offered by what to say, never shown instead.
    assert.match(both.speech, /^<speak>I found no photos in the last two weeks\./);
    assert.equal(both.directives.length, 0);
  });

  it('"a few years ago": the whole years two to four back; a range of years split over two slots is one range', async () => {
    const inYears = (first: number, last: number) =>
      photoDays.filter((day) => day.year >= first && day.year <= last).length;
    const photosSaid = (n: number) => (n === 1 ? '1 photo' : `${n} photos`);

    const fewYears = await skill.say('show photos from a few years ago');
    assert.deepEqual(fewYears.slots, { place: 'a few years ago' });
    assert.match(
      fewYears.speech,
      new RegExp(
        `You have ${photosSaid(inYears(now.year - 4, now.year - 2))} from ${now.year - 4} to ${now.year - 2}\\b`,
      ),
    );

    // Alexa hears "<year> until" as a place and the last year as the date.
    const range = await skill.say(`show photos from ${now.year - 6} until ${now.year - 3}`);
    assert.deepEqual(range.slots, { place: `${now.year - 6} until`, date: String(now.year - 3) });
    assert.match(
      range.speech,
      new RegExp(
        `You have ${photosSaid(inYears(now.year - 6, now.year - 3))} from ${now.year - 6} to ${now.year - 3}\\b`,
      ),
    );

    const german = await skill.say(`zeige fotos von ${now.year - 6} bis ${now.year - 3}`, 'de-DE');
    assert.match(german.speech, new RegExp(`aus den Jahren ${now.year - 6} bis ${now.year - 3}\\b`));
  });

  it('a holiday whose latest occurrence has no photos offers the latest earlier one that has', async () => {
    const valentine = await skill.say("show photos from valentine's day");
    assert.equal(
      valentine.speech.replace(/<\/?speak>/g, ''),
      `I found no photos from Valentine's Day ${latestValentine}. ` +
        `On Valentine's Day ${latestValentine - 2} you took 1 photo. ` +
        `Say, show photos from Valentine's Day ${latestValentine - 2}, to see it.`,
    );
    const german = await skill.say('zeige fotos vom valentinstag', 'de-DE');
    assert.match(
      german.speech,
      new RegExp(`Am Valentinstag ${latestValentine - 2} hast du ein Foto aufgenommen`),
    );
  });
});
