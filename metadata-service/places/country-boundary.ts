import { iso1A2Code } from '@rapideditor/country-coder';

/**
 * The country (ISO 3166-1 alpha-2, at territory level as GeoNames codes them: PR, GU, GL, HK, JE) whose boundary
 * holds the point, from @rapideditor/country-coder's bundled borders (offline, ~0.2 s to load, ~25 µs a lookup).
 * Its borders include territorial waters, so a photo from a boat near the coast still has a country. Null on the
 * high seas and in Antarctica.
 */
export function countryAt(latitude: number, longitude: number): string | null {
  return iso1A2Code([longitude, latitude], { level: 'territory' }) ?? null;
}
