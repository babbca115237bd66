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
export interface LaneMarks {
  bars: PlacedBar[];
  transfers: { key: string; x: number; transfer: TimelineTransfer }[];
  markers: { key: string; x: number; marker: TimelineMarker }[];
  points: (PlacedPoint | PlacedCluster)[];
}

export interface MarkLimits {
  /** Above this many visible bars a lane draws the union of its stays (a prison lane of a large case). */
  maxBars: number;
  /** Points closer than this many pixels are drawn as one cluster, which zooms in when pressed. */
  clusterPx: number;
}
const LIMITS: MarkLimits = { maxBars: 60, clusterPx: 10 };
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
    transfers: lane.transfers.map((transfer) => ({ key: `${transfer.toStayId}`, x: xOf(scale, transfer.date), transfer })).filter((t) => inView(t.x)),
    markers: lane.markers.map((marker) => ({ key: `${marker.sentenceId}:${marker.kind}`, x: xOf(scale, marker.date), marker })).filter((m) => inView(m.x)),
    points: cluster(lane.points, scale, inView, limits.clusterPx),
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

/** Points in view, in date order, those within `gap` pixels of a group's first point drawn as one cluster. */
function cluster(points: readonly TimelinePoint[], scale: TimeScale, inView: (x: number) => boolean, gap: number): (PlacedPoint | PlacedCluster)[] {
  const out: (PlacedPoint | PlacedCluster)[] = [];
  let group: { x: number; points: TimelinePoint[] } | undefined;
  const flush = () => {
    if (!group) return;
    const [first] = group.points;
    const last = group.points[group.points.length - 1]!;
    out.push(
      group.points.length === 1
        ? { type: 'point', key: `${first!.type}:${first!.id}`, x: group.x, point: first! }
        : { type: 'cluster', key: `cluster:${first!.type}:${first!.id}`, x: group.x, count: group.points.length, from: first!.date, to: last.date },
    );
    group = undefined;
  };
  for (const point of points) {
    const x = xOf(scale, point.date);
    if (!inView(x)) continue;
    if (group && x - group.x < gap) group.points.push(point);
    else {
      flush();
      group = { x, points: [point] };
    }
  }
  flush();
  return out;
}
