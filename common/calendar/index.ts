/**
 * The one calendar: days, weeks and weekends, months, seasons by hemisphere, holidays by locale, Easter, "on this
 * day", decades, AMAZON.DATE values and spoken numbers in dates. The skill's slots and the library's free text both
 * read dates through it, so the same phrase gives the same range on both paths.
 */
export * from './calendar-date';
export * from './local-range';
export * from './day-parts';
export * from './time-zone';
export * from './hemisphere';
export * from './seasons';
export * from './easter';
export * from './holidays';
export * from './resolved-date';
export * from './english-names';
export * from './amazon-date';
export * from './holiday-dates';
export * from './on-this-day';
export * from './relative-periods';
export * from './recent-window';
export * from './same-time-years-ago';
export * from './spoken-numbers';
export * from './date-words';
export * from './phrase-of-range';
