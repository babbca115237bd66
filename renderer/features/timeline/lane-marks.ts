import type { IsoDate } from '../../../shared/model';
import type { TimelineBar, TimelineLane, TimelineMarker, TimelinePoint, TimelineTransfer } from '../../../shared/timeline/model';
import { xOf, type TimeScale } from '../../../shared/timeline/time-scale';

export type PlacedBar =
  | { type: 'bar'; key: string; x: number; width: number; bar: TimelineBar }
  | { type: 'merged'; key: string; x: number; width: number; count: number; from: IsoDate; to: IsoDate; prisonId?: string };
export interface PlacedPoint {
  type: 'point';
  key: string;
  x: number;
  point: TimelinePoint;
}
export interface PlacedCluster {
  type: 'cluster';
  key: string;
  x: number;
  count: number;
  from: IsoDate;
  to: IsoDate;
}
/** Marks of one kind within a few pixels of each other, drawn as one glyph (alone: `items` has one). */
export interface Grouped<T> {
  key: string;
  x: number;
  items: T[];
}
export interface LaneMarks {
  bars: PlacedBar[];
  transfers: Grouped<TimelineTransfer>[];
  markers: Grouped<TimelineMarker>[];
  points: (PlacedPoint | PlacedCluster)[];
}

export interface MarkLimits {
  /** Above this many visible bars a lane draws the union of its stays (a prison lane of a large case). */
  maxBars: number;
  /** Points closer than this many pixels are drawn as one cluster (as wide as its glyph), which zooms in when pressed. */
  clusterPx: number;
  /** Transfers or release markers closer than this are drawn as one glyph. */
  groupPx: number;
}
const LIMITS: MarkLimits = { maxBars: 60, clusterPx: 20, groupPx: 8 };
const SLACK = 8;

/**
 * What one lane draws in a chart `width` pixels wide: only the marks in view, with their x. The DOM
 * stays bounded whatever the case's size: at most `maxBars` bars and one point or cluster per
 * `clusterPx` pixels, so a prison lane of 3,000 letters costs what a person's lane does.
 */
export function laneMarks(lane: TimelineLane, scale: TimeScale, width: number, limits: MarkLimits = LIMITS): LaneMarks {
  const inView = (x: number) => x >= -SLACK && x <= width + SLACK;
  const bars: PlacedBar[] = [];
  for (const bar of lane.bars) {
    // A bar covers its last day too: a stay from 1 to 1 March is a day long, not nothing.
    const x1 = xOf(scale, bar.from);
    const x2 = xOf(scale, bar.to) + scale.pxPerDay;
    if (x2 < -SLACK || x1 > width + SLACK) continue;
    const x = Math.max(-SLACK, x1);
    bars.push({ type: 'bar', key: bar.stayId, x, width: Math.max(1, Math.min(width + SLACK, x2) - x), bar });
  }
  return {
    bars: bars.length > limits.maxBars ? merge(bars) : bars,
    transfers: groupByPixel(lane.transfers, scale, inView, limits.groupPx).map(({ x, items }) => ({ key: `t:${items[0]!.toStayId}`, x, items })),
    markers: groupByPixel(lane.markers, scale, inView, limits.groupPx).map(({ x, items }) => ({ key: `m:${items[0]!.sentenceId}:${items[0]!.kind}`, x, items })),
    points: groupByPixel(lane.points, scale, inView, limits.clusterPx).map(({ x, items }): PlacedPoint | PlacedCluster => {
      const first = items[0]!;
      return items.length === 1
        ? { type: 'point', key: `${first.type}:${first.id}`, x, point: first }
        : { type: 'cluster', key: `cluster:${first.type}:${first.id}`, x, count: items.length, from: first.date, to: items[items.length - 1]!.date };
    }),
  };
}

/** The union of overlapping bars, as bands; a band keeps its prison when all its stays share one. */
function merge(bars: PlacedBar[]): PlacedBar[] {
  const sorted = [...bars].sort((a, b) => a.x - b.x);
  const out: Extract<PlacedBar, { type: 'merged' }>[] = [];
  for (const placed of sorted) {
    if (placed.type !== 'bar') continue;
    const last = out[out.length - 1];
    if (last && placed.x <= last.x + last.width) {
      last.width = Math.max(last.width, placed.x + placed.width - last.x);
      last.count += 1;
      if (placed.bar.from < last.from) last.from = placed.bar.from;
      if (placed.bar.to > last.to) last.to = placed.bar.to;
      if (last.prisonId !== placed.bar.prisonId) delete last.prisonId;
    } else {
      out.push({ type: 'merged', key: `merged:${placed.key}`, x: placed.x, width: placed.width, count: 1, from: placed.bar.from, to: placed.bar.to, prisonId: placed.bar.prisonId });
    }
  }
  return out;
}

/** Items in view, in date order; those within `gap` pixels of a group's first item form one group. */
function groupByPixel<T extends { date: IsoDate }>(items: readonly T[], scale: TimeScale, inView: (x: number) => boolean, gap: number): { x: number; items: T[] }[] {
  const out: { x: number; items: T[] }[] = [];
  for (const item of items) {
    const x = xOf(scale, item.date);
    if (!inView(x)) continue;
    const last = out[out.length - 1];
    if (last && x - last.x < gap) last.items.push(item);
    else out.push({ x, items: [item] });
  }
  return out;
}
