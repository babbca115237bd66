import type { TFunction } from 'i18next';
import type { NetworkSummary } from '../../network-model/elements';
import { LINK_STYLES, SVG_DASH } from '../../network-model/link-styles';
import { MAX_PERSON_SIZE, MIN_PERSON_SIZE } from '../../network-model/styling';

export type LegendSample =
  | { kind: 'node'; color: string; size: number }
  | { kind: 'prison' }
  | { kind: 'prison-summary' }
  | { kind: 'line'; color: string; dash: string | undefined; width: number; arrow: boolean }
  | { kind: 'badge' }
  | { kind: 'map' }
  | { kind: 'none' };

export interface LegendEntry {
  key: string;
  label: string;
  sample: LegendSample;
}

export const AGGREGATE_COLOUR = '#52606D';
export const RELEASE_BADGE_COLOUR = '#E69F00';
export const DERIVED_COLOUR = '#8E44AD';
export const PATH_COLOUR = '#F5B700';

/**
 * The key to the drawing, derived from the summary of what was drawn: the on-screen legend and
 * both exports list exactly these entries, so none of them can disagree with the picture.
 */
export function legendEntries(summary: NetworkSummary, t: TFunction): LegendEntry[] {
  const entries: LegendEntry[] = [];
  if (summary.view === 'map') entries.push({ key: 'map', label: t('views.legendMap'), sample: { kind: 'map' } });
  if (summary.view === 'prisons' || summary.view === 'map') {
    entries.push({ key: 'prison-summary', label: t('network.prisonLevel'), sample: { kind: 'prison-summary' } });
  }
  if (summary.view === 'grouped' || summary.expandedPrisons > 0) {
    entries.push({ key: 'prison', label: t('network.legendPrison'), sample: { kind: 'prison' } });
  }
  if (summary.drawnPeople > 0) {
    for (const colour of summary.colours) {
      const label =
        colour.by === 'role' ? t(`role.${colour.role}`) : colour.by === 'prison' ? colour.name : t('views.legendCommunity', { number: colour.community + 1 });
      entries.push({ key: `colour-${label}`, label, sample: { kind: 'node', color: colour.color, size: 6 } });
    }
    const sizeLabel =
      summary.sizeBy === 'role'
        ? t('views.legendSizeRole')
        : summary.sizeBy === 'degree'
          ? t('views.legendSizeDegree')
          : t('views.legendSizeMetric', { metric: summary.metricName ?? '' });
    entries.push({ key: 'size', label: sizeLabel, sample: { kind: 'node', color: '#9AA5B1', size: (MIN_PERSON_SIZE + MAX_PERSON_SIZE) / 8 } });
    if (summary.releaseSoon > 0) {
      entries.push({ key: 'release', label: t('views.legendRelease', { count: summary.releaseBadgeDays }), sample: { kind: 'badge' } });
    }
  }
  for (const kind of summary.kinds) {
    const style = LINK_STYLES[kind];
    entries.push({ key: `kind-${kind}`, label: t(`linkKind.${kind}`), sample: { kind: 'line', color: style.color, dash: SVG_DASH[style.lineStyle], width: style.width, arrow: false } });
  }
  if (summary.kinds.length > 0) {
    entries.push({ key: 'directed', label: t('network.legendDirected'), sample: { kind: 'line', color: AGGREGATE_COLOUR, dash: undefined, width: 1.5, arrow: true } });
  }
  if (summary.weightedLinks) {
    entries.push({ key: 'weighted', label: t('views.legendWeighted'), sample: { kind: 'line', color: AGGREGATE_COLOUR, dash: undefined, width: 4, arrow: false } });
  }
  if (summary.derivedLinks > 0) {
    entries.push({ key: 'derived', label: t('views.legendDerived'), sample: { kind: 'line', color: DERIVED_COLOUR, dash: '1.5 3', width: 2, arrow: false } });
  }
  if ((summary.strongestPairs ?? 0) > 0) {
    entries.push({ key: 'strongest', label: t('views.legendStrongestPairs', { count: summary.strongestPairs }), sample: { kind: 'line', color: '#3E4C59', dash: undefined, width: 6, arrow: false } });
  }
  if ((summary.quietLinks ?? 0) > 0) {
    entries.push({ key: 'quiet', label: t('views.legendQuietLinks', { count: summary.quietLinks }), sample: { kind: 'none' } });
  }
  if (summary.aggregated) {
    entries.push({ key: 'aggregated', label: t('network.legendAggregated'), sample: { kind: 'line', color: AGGREGATE_COLOUR, dash: undefined, width: 4, arrow: false } });
  }
  // Zoomed out, names, arrows and dash patterns are left out of the drawing (detail-level.ts).
  if (summary.drawnPeople > 0 || summary.kinds.length > 0) {
    entries.push({ key: 'detail', label: t('views.legendDetail'), sample: { kind: 'none' } });
  }
  if (summary.undrawnAggregates > 0) {
    entries.push({ key: 'undrawn', label: t('views.legendUndrawn', { count: summary.undrawnAggregates }), sample: { kind: 'none' } });
  }
  return entries;
}
