import type { StateCreator } from 'zustand';
import type { CoLocation } from '../../shared/graph';
import type { MetricsStage, NetworkMetrics } from '../workers/analytics-protocol';
import type { UiState } from './ui-store';

/**
 * Network analysis as UI state: values derived from the case by the analytics worker, recomputable
 * at any time, never a copy of case records. The network view reads `metricByPerson`,
 * `communityByPerson`, `highlighted` and `derivedLinks` (when `showDerivedLinks`) to style the graph.
 */
export type MetricKey = 'degree' | 'weightedDegree' | 'betweenness' | 'closeness' | 'pageRank' | 'eigenvector';
export const METRIC_KEYS: readonly MetricKey[] = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'pageRank', 'eigenvector'];

export type AnalysisTab = 'metrics' | 'radar' | 'paths' | 'derived' | 'whatIf';

export type AnalysisRun =
  | { phase: 'idle' }
  | { phase: 'running'; stage: MetricsStage; done: number; total: number }
  | { phase: 'cancelled' }
  | { phase: 'failed' };

/** People and person pairs (links) to stand out on the graph, e.g. a chain between two people. */
export interface Highlight {
  personIds: readonly string[];
  /** Consecutive people of the chains, as [a, b] pairs. */
  links: readonly (readonly [string, string])[];
}

export interface AnalysisSlice {
  analysisPanelOpen: boolean;
  /** Metrics are computed once asked for (the panel opened, or the view wants to style by them). */
  analysisRequested: boolean;
  analysisTab: AnalysisTab;
  analysisRun: AnalysisRun;
  /** The worker's last complete result for the open case. */
  analysisMetrics: NetworkMetrics | undefined;
  /** Analyse only the links the network view shows (when it has set `viewLinkIds`), or the whole case. */
  analysisScope: 'case' | 'view';
  /** Link ids the network view shows under its filters; undefined while it shows everything. */
  viewLinkIds: ReadonlySet<string> | undefined;
  /** Person ids the network view shows under its filters (the report's "people on screen"); undefined while it shows everyone. */
  viewPersonIds: readonly string[] | undefined;
  /** The metric the view sizes nodes by. */
  styleMetric: MetricKey;
  metricByPerson: ReadonlyMap<string, number>;
  communityByPerson: ReadonlyMap<string, number>;
  highlighted: Highlight | undefined;
  /** "Held in the same prison at the same time", derived from stays. */
  derivedLinks: readonly CoLocation[];
  showDerivedLinks: boolean;

  openAnalysis(tab?: AnalysisTab): void;
  /** Computes the metrics (and keeps them current) without opening the panel. */
  requestAnalysis(): void;
  closeAnalysis(): void;
  setAnalysisTab(tab: AnalysisTab): void;
  setAnalysisRun(run: AnalysisRun): void;
  setAnalysisMetrics(metrics: NetworkMetrics | undefined): void;
  setAnalysisScope(scope: 'case' | 'view'): void;
  /** What the network view shows under its filters: its links and its people; undefined for both while it shows everything. */
  setViewLinkIds(ids: ReadonlySet<string> | undefined, personIds?: readonly string[]): void;
  setStyleMetric(metric: MetricKey): void;
  setHighlighted(highlight: Highlight | undefined): void;
  setDerivedLinks(links: readonly CoLocation[]): void;
  setShowDerivedLinks(show: boolean): void;
  /** Forgets everything derived from the case (the case closed or changed). */
  clearAnalysis(): void;
}

/** The chosen metric per person; empty when it was not computed (closeness above the exact limit). */
export function metricMap(metrics: NetworkMetrics | undefined, metric: MetricKey): Map<string, number> {
  const values = metrics?.[metric];
  const map = new Map<string, number>();
  if (!metrics || !values) return map;
  metrics.personIds.forEach((personId, v) => map.set(personId, values[v]!));
  return map;
}

function communityMap(metrics: NetworkMetrics | undefined): Map<string, number> {
  const map = new Map<string, number>();
  metrics?.personIds.forEach((personId, v) => map.set(personId, metrics.community[v]!));
  return map;
}

const EMPTY = {
  analysisRun: { phase: 'idle' } as AnalysisRun,
  analysisMetrics: undefined,
  metricByPerson: new Map<string, number>(),
  communityByPerson: new Map<string, number>(),
  highlighted: undefined,
  derivedLinks: [] as readonly CoLocation[],
};

export const createAnalysisSlice: StateCreator<UiState, [], [], AnalysisSlice> = (set) => ({
  ...EMPTY,
  analysisPanelOpen: false,
  analysisRequested: false,
  analysisTab: 'metrics',
  analysisScope: 'case',
  viewLinkIds: undefined,
  viewPersonIds: undefined,
  styleMetric: 'betweenness',
  showDerivedLinks: false,

  openAnalysis: (tab) => set((s) => ({ analysisPanelOpen: true, analysisRequested: true, analysisTab: tab ?? s.analysisTab })),
  requestAnalysis: () => set({ analysisRequested: true }),
  closeAnalysis: () => set({ analysisPanelOpen: false }),
  setAnalysisTab: (analysisTab) => set({ analysisTab }),
  setAnalysisRun: (analysisRun) => set({ analysisRun }),
  setAnalysisMetrics: (analysisMetrics) =>
    set((s) => ({
      analysisMetrics,
      metricByPerson: metricMap(analysisMetrics, s.styleMetric),
      communityByPerson: communityMap(analysisMetrics),
    })),
  setAnalysisScope: (analysisScope) => set({ analysisScope }),
  setViewLinkIds: (viewLinkIds, viewPersonIds) => set({ viewLinkIds, viewPersonIds }),
  setStyleMetric: (styleMetric) => set((s) => ({ styleMetric, metricByPerson: metricMap(s.analysisMetrics, styleMetric) })),
  setHighlighted: (highlighted) => set({ highlighted }),
  setDerivedLinks: (derivedLinks) => set({ derivedLinks }),
  setShowDerivedLinks: (showDerivedLinks) => set({ showDerivedLinks }),
  clearAnalysis: () => set({ ...EMPTY, analysisPanelOpen: false, analysisRequested: false }),
});
