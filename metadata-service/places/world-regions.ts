import * as countryCoder from '@rapideditor/country-coder';
import { allCountryCodes, countryCodeFor } from './country-names';
import { foldName } from './place-names';

/**
 * Continents and the UN's world regions (M49: "Europe", "North America", "Southeast Asia", "Caribbean"): a photo is
 * in one when its country is. Which countries each holds comes from @rapideditor/country-coder's M49 groups, and
 * the names people say from Intl's English and German names of the M49 codes ("Südostasien"), with country-coder's
 * aliases ("Australasia").
 */
export interface WorldRegion {
  /** M49 code ("150"), or the name of a group of countries that is none ("scandinavia"). */
  code: string;
  /** English name, as search results and speech say it ("Europe"). */
  name: string;
  /** ISO 3166-1 alpha-2 codes of the countries in it. */
  countryCodes: readonly string[];
}

/** country-coder's kinds of M49 group. "world" (001) is everywhere, so it filters nothing. */
const REGION_LEVELS = new Set(['region', 'subregion', 'intermediateRegion']);

/**
 * The home region of the eight countries country-coder only groups by their parts (for their overseas
 * territories): France by its parts would lie in Africa and the Caribbean too, so "photos from the Caribbean"
 * would find Paris. Each is where its mainland is (country-coder's feature for it); Russia is in Europe and in Asia.
 */
const MAINLAND_REGIONS: Readonly<Record<string, readonly string[]>> = {
  DK: ['Q35'], // Denmark
  ES: ['Q16390686'], // Peninsular Spain
  FR: ['FX'], // Metropolitan France
  GB: ['Q21'], // England
  NL: ['Q55'], // Netherlands
  NO: ['Q98059339'], // Mainland Norway
  RU: ['Q875134', 'Q27329'], // European Russia, Asian Russia
  US: ['Q578170'], // Contiguous United States
};

/**
 * Groups of whole countries people name that are no M49 region, with their English and German names (country-coder
 * has none of them). Only groups whose countries lie wholly in them: the Alps or the Balkans would widen a request
 * to all of France or Greece, so they stay unknown.
 */
const COUNTRY_GROUPS: readonly { code: string; names: readonly string[]; countryCodes: readonly string[] }[] =
  [
    { code: 'scandinavia', names: ['Scandinavia', 'Skandinavien'], countryCodes: ['DK', 'NO', 'SE'] },
    {
      code: 'nordics',
      names: ['the Nordic countries', 'Nordic countries', 'the Nordics', 'Nordics', 'die nordischen Länder'],
      countryCodes: ['DK', 'FI', 'IS', 'NO', 'SE'],
    },
    { code: 'benelux', names: ['Benelux', 'the Benelux'], countryCodes: ['BE', 'LU', 'NL'] },
    {
      code: 'british-isles',
      names: ['the British Isles', 'British Isles', 'Britische Inseln'],
      countryCodes: ['GB', 'IE', 'IM'],
    },
    {
      code: 'iberia',
      names: ['Iberia', 'the Iberian Peninsula', 'Iberian Peninsula', 'Iberische Halbinsel'],
      countryCodes: ['AD', 'ES', 'PT'],
    },
    {
      code: 'middle-east',
      names: ['the Middle East', 'Middle East', 'Naher Osten', 'Nahost', 'der Nahe Osten', 'dem Nahen Osten'],
      countryCodes: [
        'AE',
        'BH',
        'CY',
        'EG',
        'IL',
        'IQ',
        'IR',
        'JO',
        'KW',
        'LB',
        'OM',
        'PS',
        'QA',
        'SA',
        'SY',
        'TR',
        'YE',
      ],
    },
  ];

/** The parts of country-coder's features read here (its typings reach GeoJSON types this project does not install). */
interface FeatureProperties {
  m49?: string;
  level?: string;
  nameEn: string;
  aliases?: string[];
  groups?: string[];
}
interface CoderFeature {
  properties: FeatureProperties;
}
const coder = countryCoder as unknown as {
  borders: { features: CoderFeature[] };
  feature(query: string): CoderFeature | null;
};

let byName: ReadonlyMap<string, WorldRegion> | undefined;

/** The continent or world region a name means ("europe", "Nordamerika", "the caribbean"), if any. */
export function worldRegionNamed(text: string): WorldRegion | undefined {
  const folded = foldName(text).replace(/^the /, '');
  // A country is a country first: "America" is the United States, not the Americas.
  if (folded.length === 0 || countryCodeFor(folded) !== undefined) return undefined;
  byName ??= buildIndex();
  return byName.get(folded);
}

function buildIndex(): Map<string, WorldRegion> {
  const members = new Map<string, string[]>();
  for (const code of allCountryCodes()) {
    for (const region of regionsOfCountry(code)) members.set(region, [...(members.get(region) ?? []), code]);
  }
  const index = new Map<string, WorldRegion>();
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const german = new Intl.DisplayNames(['de'], { type: 'region' });
  for (const { properties } of coder.borders.features) {
    const code = properties.m49;
    if (!REGION_LEVELS.has(properties.level ?? '') || code === undefined) continue;
    const countryCodes = members.get(code) ?? [];
    if (countryCodes.length === 0) continue;
    const name = intlName(english, code) ?? properties.nameEn;
    const region: WorldRegion = { code, name, countryCodes };
    const names = [name, properties.nameEn, intlName(german, code), ...(properties.aliases ?? [])];
    for (const spoken of names) {
      const key = spoken === undefined ? '' : foldName(spoken);
      if (key.length > 0 && !index.has(key)) index.set(key, region);
    }
  }
  for (const group of COUNTRY_GROUPS) {
    const region: WorldRegion = {
      code: group.code,
      name: group.names[0] ?? group.code,
      countryCodes: group.countryCodes,
    };
    for (const spoken of group.names) {
      const key = foldName(spoken).replace(/^(?:the|die|der|dem) /, '');
      if (!index.has(key)) index.set(key, region);
    }
  }
  return index;
}

/** The M49 groups a country lies in: its own, or its mainland's when country-coder groups only its parts. */
function regionsOfCountry(code: string): string[] {
  const parts = MAINLAND_REGIONS[code] ?? [code];
  const groups = parts.flatMap((part) => coder.feature(part)?.properties.groups ?? []);
  return groups.filter((group) => /^\d{3}$/.test(group) && group !== '001');
}

function intlName(names: Intl.DisplayNames, code: string): string | undefined {
  const name = names.of(code);
  return name === undefined || name === code ? undefined : name;
}
