import { countryCodeFor } from './country-names';
import type { AdminArea, Gazetteer, GazetteerCity } from './gazetteer';
import { metroOf, METRO_RULE } from './metro';
import type { Place } from './place';
import { CITY_SYNONYMS, foldName, REGION_SYNONYMS } from './place-names';
import { placeOf } from './place-of';
import { sharedGazetteer } from './shared-gazetteer';

/** Location names as IPTC IIM / XMP (Photoshop, Iptc4xmpCore, LocationCreated/Shown) write them. */
export interface PlaceNames {
  sublocation?: string | null;
  city?: string | null;
  /** Province-State: a region ("California", "Bayern", "CA") or, in some exports, a county. */
  region?: string | null;
  country?: string | null;
  /** ISO 3166-1 alpha-2 or alpha-3 ("US", "USA", "DEU"). */
  countryCode?: string | null;
}

/**
 * The place for a photo whose only location is its IPTC/XMP names, in the same shape reverse geocoding gives a GPS
 * position: the gazetteer's canonical names at every level (city "München" → "Munich", with its metro, county,
 * region and country), disambiguated by the country and region when given ("Paris" + "Texas" → Paris, TX). A name
 * the gazetteer does not know is kept as written at its own level. Null when no name is given at all.
 */
export function placeFromNames(names: PlaceNames, gazetteer: Gazetteer = sharedGazetteer()): Place | null {
  const text = {
    sublocation: clean(names.sublocation),
    city: clean(names.city),
    region: clean(names.region),
    country: clean(names.country),
    countryCode: clean(names.countryCode),
  };
  if (!text.sublocation && !text.city && !text.region && !text.country && !text.countryCode) return null;

  // "Scotland", "England" written as the country: a region, and the country it is in.
  const countryAsRegion =
    text.country && !countryCodeFor(text.country)
      ? areasNamed(gazetteer, text.country, undefined)[0]
      : undefined;
  const countryCode =
    (text.countryCode ? countryCodeFor(text.countryCode) : undefined) ??
    (text.country ? countryCodeFor(text.country) : undefined) ??
    countryAsRegion?.countryCode;
  // A country written but not known ("Nowhere") must not let a same-named town elsewhere stand in.
  const countryUnknown = (text.country !== undefined || text.countryCode !== undefined) && !countryCode;
  const areas = text.region && !countryUnknown ? areasNamed(gazetteer, text.region, countryCode) : [];
  // Of the areas the region may name ("Orange County", in five states), the one the city is in.
  let area: AdminArea | undefined = areas[0] ?? countryAsRegion;
  let city: GazetteerCity | undefined;
  if (text.city && !countryUnknown) {
    for (const candidate of areas.length > 0 ? areas : [countryAsRegion]) {
      city = cityNamed(gazetteer, text.city, countryCode ?? candidate?.countryCode, candidate);
      if (city) {
        area = candidate;
        break;
      }
    }
  }

  if (city) {
    const nearby = gazetteer.citiesWithin(
      city.latitude,
      city.longitude,
      METRO_RULE.radiusKm,
      city.countryCode,
    );
    const town = city.isSection ? undefined : city;
    return placeOf(gazetteer, {
      countryCode: city.countryCode,
      regionCode: city.regionCode,
      countyCode: city.countyCode,
      // A neighbourhood written as the city ("Schwabing") is the sublocation of the city it is in.
      sublocation: text.sublocation ?? (city.isSection ? city.name : null),
      city: town?.name ?? metroOf(undefined, nearby)?.name ?? city.name,
      metro: metroOf(town, nearby)?.name ?? null,
    });
  }
  const resolvedCountry = countryCode ?? area?.countryCode;
  if (!resolvedCountry) {
    // Nothing the gazetteer knows: keep the names as written, so the photo is still found by them.
    return {
      sublocation: text.sublocation ?? null,
      city: text.city ?? null,
      metro: null,
      county: null,
      region: text.region ?? null,
      country: text.country ?? null,
      countryCode: null,
      regionCode: null,
      countyCode: null,
    };
  }
  const place = placeOf(gazetteer, {
    countryCode: resolvedCountry,
    regionCode: area?.regionCode,
    countyCode: area?.countyCode,
    sublocation: text.sublocation ?? null,
    city: text.city ?? null,
  });
  // A region the gazetteer does not know ("Outer Hebrides" in an old export) is still the photo's region.
  return area || !text.region ? place : { ...place, region: text.region };
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed.slice(0, 128) : undefined;
}

/**
 * The areas a name may mean, regions (admin-1) before counties (admin-2), each biggest first: by name, German
 * synonym or abbreviation ("CA", "NSW").
 */
function areasNamed(gazetteer: Gazetteer, text: string, countryCode: string | undefined): AdminArea[] {
  const folded = foldName(text);
  const inCountry = (a: { countryCode: string }) =>
    countryCode === undefined || a.countryCode === countryCode;
  const synonym = REGION_SYNONYMS[folded];
  if (synonym && inCountry(synonym)) {
    return [{ countryCode: synonym.countryCode, regionCode: synonym.adminCode, countyCode: '', name: text }];
  }
  const byLevelThenSize = (a: AdminArea, b: AdminArea) =>
    Number(a.countyCode !== '') - Number(b.countyCode !== '') ||
    gazetteer.areaPopulation(b) - gazetteer.areaPopulation(a);
  const areas = gazetteer.areasNamed(folded).filter(inCountry).sort(byLevelThenSize);
  if (areas.length > 0) return areas;
  // US states, Canadian provinces and others whose GeoNames code is the postal one: "CA", "NY", "BC".
  if (countryCode && /^[a-z0-9]{2,3}$/.test(folded)) {
    const code = folded.toUpperCase();
    if (gazetteer.regionName(countryCode, code))
      return [{ countryCode, regionCode: code, countyCode: '', name: text }];
  }
  return [];
}

/**
 * The most populous place of that name in the country and region given (sections only when nothing else is): its
 * own name first, then a nickname ("New York" → New York City), then an alternate name ("München").
 */
function cityNamed(
  gazetteer: Gazetteer,
  text: string,
  countryCode: string | undefined,
  area: AdminArea | undefined,
): GazetteerCity | undefined {
  const folded = foldName(text);
  const fits = (c: GazetteerCity) =>
    (countryCode === undefined || c.countryCode === countryCode) &&
    (!area ||
      (c.regionCode === area.regionCode && (area.countyCode === '' || c.countyCode === area.countyCode)));
  const best = (cities: readonly GazetteerCity[]) => {
    const matches = cities.filter(fits);
    return matches.find((c) => !c.isSection) ?? matches[0];
  };
  const alias = CITY_SYNONYMS[folded];
  const nicknamed = alias ? gazetteer.citiesNamed(foldName(alias.name)) : [];
  return best(gazetteer.citiesNamed(folded)) ?? best(nicknamed) ?? best(gazetteer.citiesAlsoNamed(folded));
}
