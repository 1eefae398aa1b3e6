import type { Hemisphere } from './types';

/**
 * Zones wholly or mostly south of the equator, where summer is December–February. A default only: a person can
 * always say which hemisphere they are in (the CLI's --hemisphere).
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
  return SOUTHERN_ZONES.some((zone) => zone.test(timeZone)) ? 'S' : 'N';
}
