/* eslint-disable @typescript-eslint/no-require-imports -- topojson-client and which-polygon ship no types */
const { feature } = require('topojson-client') as {
  feature: (topology: unknown, object: unknown) => { features: AtlasFeature[] };
};
const whichPolygon = require('which-polygon') as (collection: unknown) => Lookup;
/* eslint-enable @typescript-eslint/no-require-imports */

interface AtlasFeature {
  id?: string | number;
  properties: Record<string, unknown> | null;
}

export interface UsArea {
  /** The state's name as the Census writes it ("Wyoming"). */
  stateName: string;
  /** County FIPS inside the state ("029"): GeoNames' admin-2 code for US counties. */
  countyCode: string;
}

type Lookup = (point: [number, number]) => { id?: string; name?: string } | null;

let lookUpCounty: Lookup | undefined;
let lookUpState: Lookup | undefined;

/**
 * The US state and county whose boundary holds the point, from us-atlas (US Census cartographic boundaries at
 * 1:10 m, 840 KB, ~0.3 s to index): for points far from any town (Yellowstone), where the nearest town may lie
 * across a state line. Null outside the US or in water between polygons.
 */
export function usAreaAt(latitude: number, longitude: number): UsArea | null {
  if (!lookUpCounty || !lookUpState) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const atlas = require('us-atlas/counties-10m.json') as { objects: Record<string, unknown> };
    const withIds = (name: 'states' | 'counties'): Lookup => {
      const collection = feature(atlas, atlas.objects[name]);
      // which-polygon answers with a feature's properties: carry its FIPS id there.
      for (const f of collection.features) f.properties = { ...f.properties, id: String(f.id ?? '') };
      return whichPolygon({ type: 'FeatureCollection', features: collection.features });
    };
    lookUpState = withIds('states');
    lookUpCounty = withIds('counties');
  }
  const point: [number, number] = [longitude, latitude];
  const state = lookUpState(point);
  if (!state?.name) return null;
  const county = lookUpCounty(point);
  const countyId = county?.id ?? '';
  return { stateName: state.name, countyCode: countyId.length === 5 ? countyId.slice(2) : '' };
}
