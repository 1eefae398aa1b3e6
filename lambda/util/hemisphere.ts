/** Which half of the world a user's seasons follow: "summer" is June–August in one and December–February in the other. */
export type Hemisphere = 'northern' | 'southern';

/** Locales whose users mostly live south of the equator. A per-user setting overrides this. */
const SOUTHERN_LOCALES: ReadonlySet<string> = new Set(['en-AU', 'en-NZ', 'en-ZA', 'pt-BR', 'es-AR']);

export function defaultHemisphere(locale: string | undefined): Hemisphere {
  return locale !== undefined && SOUTHERN_LOCALES.has(locale) ? 'southern' : 'northern';
}

export type SeasonName = 'spring' | 'summer' | 'autumn' | 'winter';
export type SeasonCode = 'SP' | 'SU' | 'FA' | 'WI';

const SEASON_OF_CODE: Readonly<Record<SeasonCode, SeasonName>> = {
  SP: 'spring',
  SU: 'summer',
  FA: 'autumn',
  WI: 'winter',
};

/** Meteorological seasons: the month each one starts in. */
const FIRST_MONTH: Readonly<Record<Hemisphere, Readonly<Record<SeasonName, number>>>> = {
  northern: { spring: 3, summer: 6, autumn: 9, winter: 12 },
  southern: { spring: 9, summer: 12, autumn: 3, winter: 6 },
};

export function seasonOfCode(code: SeasonCode): SeasonName {
  return SEASON_OF_CODE[code];
}

/** The month a season starts in; a season lasts three months and may run into the next year (December starts). */
export function seasonFirstMonth(season: SeasonName, hemisphere: Hemisphere): number {
  return FIRST_MONTH[hemisphere][season];
}
