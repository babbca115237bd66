import type { Person } from '../../../shared/model';
import type { MetricKey } from '../../store/analysis-slice';
import type { NetworkMetrics } from '../../workers/analytics-protocol';

/** One person's line in the metrics table. */
export interface MetricRow {
  personId: string;
  name: string;
  role: Person['role'];
  /** Louvain community, numbered from 1 for people (0 is an index, not a name). */
  community: number;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  /** Undefined when closeness was not computed (network above the exact limit). */
  closeness: number | undefined;
  pageRank: number;
  eigenvector: number;
  articulation: boolean;
}

export type SortKey = 'name' | 'community' | MetricKey;
export type SortDirection = 'ascending' | 'descending';
export interface TableSort {
  key: SortKey;
  direction: SortDirection;
}

export function metricRows(metrics: NetworkMetrics, persons: readonly Pick<Person, 'id' | 'primaryName' | 'role'>[]): MetricRow[] {
  const byId = new Map(persons.map((p) => [p.id, p]));
  return metrics.personIds.flatMap((personId, v) => {
    const person = byId.get(personId);
    if (!person) return [];
    return [
      {
        personId,
        name: person.primaryName,
        role: person.role,
        community: metrics.community[v]! + 1,
        degree: metrics.degree[v]!,
        weightedDegree: metrics.weightedDegree[v]!,
        betweenness: metrics.betweenness[v]!,
        closeness: metrics.closeness?.[v],
        pageRank: metrics.pageRank[v]!,
        eigenvector: metrics.eigenvector[v]!,
        articulation: metrics.articulation[v] === 1,
      },
    ];
  });
}

/** A new copy sorted by `key`; ties (and missing values, always last) fall back to name order. */
export function sortMetricRows(rows: readonly MetricRow[], { key, direction }: TableSort): MetricRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: MetricRow, b: MetricRow) => a.name.localeCompare(b.name, 'es') || a.personId.localeCompare(b.personId);
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = a[key];
    const y = b[key];
    if (x === undefined || y === undefined) return x === y ? byName(a, b) : x === undefined ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** Clicking a column sorts by it (names A→Z, numbers highest first); clicking it again reverses. */
export function nextSort(current: TableSort, key: SortKey): TableSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'name' ? 'ascending' : 'descending' };
}
