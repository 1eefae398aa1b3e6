/** Which half of the world a user's seasons follow: "summer" is June–August in one and December–February in the other. */
export type Hemisphere = 'northern' | 'southern';
/** The library API's short form (`hemisphere: 'N' | 'S'`). */
export type HemisphereCode = 'N' | 'S';

export function hemisphereOfCode(code: HemisphereCode): Hemisphere {
  return code === 'S' ? 'southern' : 'northern';
}

/** Locales whose users mostly live south of the equator. A per-user setting overrides this. */
const SOUTHERN_LOCALES: ReadonlySet<string> = new Set(['en-AU', 'en-NZ', 'en-ZA', 'pt-BR', 'es-AR']);

export function defaultHemisphere(locale: string | undefined): Hemisphere {
  return locale !== undefined && SOUTHERN_LOCALES.has(locale) ? 'southern' : 'northern';
}

/**
 * Zones wholly or mostly south of the equator, where summer is December–February. A default only: a person can
 * always say which hemisphere they are in (the search CLI's --hemisphere, the skill's setting).
 */
const SOUTHERN_ZONES = [
  /^Australia\//,
  /^Antarctica\//,
  /^Pacific\/(Auckland|Chatham|Fiji|Tongatapu|Apia|Efate|Noumea|Norfolk|Rarotonga|Tahiti|Pago_Pago)$/,
  /^America\/(Argentina\/.*|Buenos_Aires|Santiago|Punta_Arenas|Sao_Paulo|Montevideo|Asuncion|Lima|La_Paz)$/,
  /^America\/(Bahia|Recife|Fortaleza|Maceio|Belem|Cuiaba|Campo_Grande|Porto_Velho|Rio_Branco|Noronha)$/,
  /^Africa\/(Johannesburg|Maputo|Harare|Lusaka|Windhoek|Gaborone|Maseru|Mbabane|Blantyre|Lubumbashi|Luanda)$/,
  /^Africa\/(Dar_es_Salaam|Kinshasa|Brazzaville)$/,
  /^Indian\/(Mauritius|Reunion|Antananarivo|Mayotte|Comoro)$/,
  /^Atlantic\/(Stanley|South_Georgia|St_Helena)$/,
  /^Asia\/(Jakarta|Makassar|Jayapura|Dili)$/,
  /^(NZ|NZ-CHAT)$/,
];

export function hemisphereForTimeZone(timeZone: string): Hemisphere {
  return SOUTHERN_ZONES.some((zone) => zone.test(timeZone)) ? 'southern' : 'northern';
}

/** The same default in the library API's short form. */
export function hemisphereCodeForTimeZone(timeZone: string): HemisphereCode {
  return hemisphereForTimeZone(timeZone) === 'southern' ? 'S' : 'N';
}
