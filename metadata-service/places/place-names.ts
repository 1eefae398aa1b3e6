/**
 * Names people use for places that the gazetteer does not carry: nicknames and abbreviations of big cities,
 * regions and countries, and countries' own names for themselves. Keys are folded (see `foldName`).
 */

/** Lower case, accents and punctuation dropped, spaces collapsed: "Zürich" → "zurich", "St. John's" → "st johns". */
export function foldName(text: string): string {
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
  munchen: { name: 'Munich', countryCode: 'DE' },
  cologne: { name: 'Köln', countryCode: 'DE' },
  koln: { name: 'Köln', countryCode: 'DE' },
  nuremberg: { name: 'Nuremberg', countryCode: 'DE' },
  roma: { name: 'Rome', countryCode: 'IT' },
  firenze: { name: 'Florence', countryCode: 'IT' },
  venezia: { name: 'Venice', countryCode: 'IT' },
  milano: { name: 'Milan', countryCode: 'IT' },
  napoli: { name: 'Naples', countryCode: 'IT' },
  geneva: { name: 'Genève', countryCode: 'CH' },
  geneve: { name: 'Genève', countryCode: 'CH' },
  zurich: { name: 'Zürich', countryCode: 'CH' },
  lucerne: { name: 'Luzern', countryCode: 'CH' },
  wien: { name: 'Vienna', countryCode: 'AT' },
  lisboa: { name: 'Lisbon', countryCode: 'PT' },
  praha: { name: 'Prague', countryCode: 'CZ' },
  montreal: { name: 'Montréal', countryCode: 'CA' },
};

/** Region abbreviations people say or write → country and admin1 code. */
export const REGION_SYNONYMS: Readonly<Record<string, { countryCode: string; adminCode: string }>> = {
  cali: { countryCode: 'US', adminCode: 'CA' },
  socal: { countryCode: 'US', adminCode: 'CA' },
  'new york state': { countryCode: 'US', adminCode: 'NY' },
  nsw: { countryCode: 'AU', adminCode: '02' },
  qld: { countryCode: 'AU', adminCode: '04' },
  bc: { countryCode: 'CA', adminCode: '02' },
  bayern: { countryCode: 'DE', adminCode: '02' },
  provence: { countryCode: 'FR', adminCode: '93' },
  'cote d azur': { countryCode: 'FR', adminCode: '93' },
  toscana: { countryCode: 'IT', adminCode: '16' },
  sicilia: { countryCode: 'IT', adminCode: '15' },
  catalunya: { countryCode: 'ES', adminCode: '56' },
  wallis: { countryCode: 'CH', adminCode: 'VS' },
  graubunden: { countryCode: 'CH', adminCode: 'GR' },
};
