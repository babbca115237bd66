import { describe, expect, it } from 'vitest';
import { metricRows, nextSort, sortMetricRows, type MetricRow } from './metrics-table';
import type { NetworkMetrics } from '../../workers/analytics-protocol';

function row(name: string, betweenness: number, closeness?: number): MetricRow {
  return {
    personId: `p:${name}`,
    name,
    role: 'contact',
    community: 1,
    degree: 1,
    weightedDegree: 1,
    betweenness,
    closeness,
    pageRank: 0.1,
    eigenvector: 0.1,
    articulation: false,
  };
}

describe('the metrics table', () => {
  const rows = [row('Zoubir', 0.2, 0.5), row('Álvaro', 0.5, undefined), row('Bilal', 0.2, 0.7)];

  it('sorts by a metric, highest first, ties in name order, without touching the input', () => {
    const sorted = sortMetricRows(rows, { key: 'betweenness', direction: 'descending' });
    expect(sorted.map((r) => r.name)).toEqual(['Álvaro', 'Bilal', 'Zoubir']);
    expect(sortMetricRows(rows, { key: 'betweenness', direction: 'ascending' }).map((r) => r.name)).toEqual(['Bilal', 'Zoubir', 'Álvaro']);
    expect(rows.map((r) => r.name)).toEqual(['Zoubir', 'Álvaro', 'Bilal']);
  });

  it('sorts names as Spanish readers expect (Á with A) and keeps missing values last both ways', () => {
    expect(sortMetricRows(rows, { key: 'name', direction: 'ascending' }).map((r) => r.name)).toEqual(['Álvaro', 'Bilal', 'Zoubir']);
    expect(sortMetricRows(rows, { key: 'closeness', direction: 'descending' }).map((r) => r.name)).toEqual(['Bilal', 'Zoubir', 'Álvaro']);
    expect(sortMetricRows(rows, { key: 'closeness', direction: 'ascending' }).map((r) => r.name)).toEqual(['Zoubir', 'Bilal', 'Álvaro']);
  });

  it('a first click sorts numbers highest first and names A→Z; a second click reverses', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'betweenness')).toEqual({ key: 'betweenness', direction: 'descending' });
    expect(nextSort({ key: 'betweenness', direction: 'descending' }, 'betweenness')).toEqual({ key: 'betweenness', direction: 'ascending' });
    expect(nextSort({ key: 'betweenness', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });

  it('builds one row per known person with communities numbered from 1', () => {
    const metrics = {
      personIds: ['a', 'b', 'gone'],
      degree: Float64Array.of(1, 1, 0),
      weightedDegree: Float64Array.of(3, 3, 0),
      betweenness: Float64Array.of(0, 0, 0),
      closeness: undefined,
      pageRank: Float64Array.of(0.4, 0.4, 0.2),
      eigenvector: Float64Array.of(0.7, 0.7, 0),
      community: Int32Array.of(0, 0, 1),
      articulation: Uint8Array.of(0, 1, 0),
    } as unknown as NetworkMetrics;
    const built = metricRows(metrics, [
      { id: 'a', primaryName: 'Ahmed', role: 'core' },
      { id: 'b', primaryName: 'Bilal', role: 'leader' },
    ]);
    expect(built).toHaveLength(2);
    expect(built[1]).toMatchObject({ name: 'Bilal', role: 'leader', community: 1, weightedDegree: 3, closeness: undefined, articulation: true });
  });
});
