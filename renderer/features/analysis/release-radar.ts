import { daysBetween, type IsoDate, type Person } from '../../../shared/model';
import type { MetricKey } from '../../store/analysis-slice';
import type { NetworkMetrics } from '../../workers/analytics-protocol';

/** Release radar: who walks out within N days, most central first. */
export const DEFAULT_RADAR_DAYS = 90;

/**
 * Eigenvector centrality by default: being linked to the people who are themselves well linked is
 * what a leader's standing looks like in letters. In the demo case the leader is first by
 * eigenvector, closeness and degree but second by betweenness, where a core member who writes to
 * two cells outranks him; the analyst can rank by any metric.
 */
export const DEFAULT_RADAR_RANKING: MetricKey = 'eigenvector';

export interface RadarRow {
  personId: string;
  name: string;
  role: Person['role'];
  releaseDate: IsoDate;
  daysLeft: number;
  /** The ranking metric; undefined until the metrics are computed (or when not computed). */
  centrality: number | undefined;
  pageRank: number | undefined;
  linkCount: number;
}

export interface RadarInput {
  persons: readonly Pick<Person, 'id' | 'primaryName' | 'role'>[];
  releaseByPerson: ReadonlyMap<string, IsoDate>;
  linkCount: ReadonlyMap<string, number>;
  metrics: NetworkMetrics | undefined;
  today: IsoDate;
  withinDays: number;
  rankBy: MetricKey;
}

/**
 * People due out between today and `withinDays` days from now, ranked by the chosen centrality,
 * then PageRank, then the soonest release, then name.
 */
export function releaseRadar({ persons, releaseByPerson, linkCount, metrics, today, withinDays, rankBy }: RadarInput): RadarRow[] {
  const index = new Map(metrics?.personIds.map((id, v) => [id, v]));
  const ranking = metrics?.[rankBy];
  const rows: RadarRow[] = [];
  for (const person of persons) {
    const releaseDate = releaseByPerson.get(person.id);
    if (!releaseDate) continue;
    const daysLeft = daysBetween(today, releaseDate);
    if (daysLeft < 0 || daysLeft > withinDays) continue;
    const v = index.get(person.id);
    rows.push({
      personId: person.id,
      name: person.primaryName,
      role: person.role,
      releaseDate,
      daysLeft,
      centrality: v === undefined ? undefined : ranking?.[v],
      pageRank: v === undefined ? undefined : metrics?.pageRank[v],
      linkCount: linkCount.get(person.id) ?? 0,
    });
  }
  return rows.sort(
    (a, b) =>
      (b.centrality ?? -1) - (a.centrality ?? -1) ||
      (b.pageRank ?? -1) - (a.pageRank ?? -1) ||
      a.daysLeft - b.daysLeft ||
      a.name.localeCompare(b.name, 'es'),
  );
}
