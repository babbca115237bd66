import type { PrisonAdministration, PrisonKind } from '../model/vocabulary';

/** One row of the bundled prison gazetteer (prisons-es.csv): public facts, not case data. */
export interface GazetteerPrison {
  /** Stable slug, e.g. `es-madrid-5`; a case's prison keeps it as `gazetteerId`. */
  readonly id: string;
  readonly name: string;
  readonly town: string;
  readonly province: string;
  /** Autonomous community (or autonomous city). */
  readonly region: string;
  readonly administration: Exclude<PrisonAdministration, 'other'>;
  /** WGS84 degrees; mostly town points, see README.md. */
  readonly lat: number;
  readonly lon: number;
  readonly kind: Exclude<PrisonKind, 'other'>;
}

/** The Spain outline (Natural Earth 1:50m): just enough GeoJSON typing to draw it. */
export interface SpainOutline {
  readonly type: 'FeatureCollection';
  readonly bbox: readonly [number, number, number, number];
  readonly features: readonly {
    readonly type: 'Feature';
    readonly bbox: readonly [number, number, number, number];
    readonly properties: Readonly<Record<string, string>>;
    readonly geometry: {
      readonly type: 'MultiPolygon';
      /** polygon → ring → [lon, lat] */
      readonly coordinates: readonly (readonly (readonly (readonly [number, number])[])[])[];
    };
  }[];
}
