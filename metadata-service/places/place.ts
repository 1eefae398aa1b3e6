/** Where a photo was taken, at every level a person might name it ("Santa Monica", "California", "the US"). */
export interface Place {
  city: string | null;
  region: string | null;
  country: string | null;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  countryCode: string | null;
}
