import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../shared/timeline/dates';
import type { TimelineLane, TimelinePoint } from '../../../shared/timeline/model';
import { laneMarks } from './lane-marks';

const scale = { startDay: dayNumber('2020-01-01'), pxPerDay: 1 };
const lane = (parts: Partial<TimelineLane>): TimelineLane => ({ key: 'prison:x', kind: 'prison', label: 'X', bars: [], transfers: [], markers: [], points: [], ...parts });
const letter = (id: string, date: string): TimelinePoint => ({ type: 'link', id, date, kind: 'letter', fromId: 'a', toId: 'b', personId: 'a' });
const bar = (i: number, from: string, to: string) => ({ stayId: `s${i}`, personId: `p${i}`, prisonId: 'x', from, to, open: false });

describe('laneMarks', () => {
  it('places only what is in view, a bar covering its last day', () => {
    const marks = laneMarks(lane({ bars: [bar(1, '2020-01-11', '2020-01-20'), bar(2, '2019-01-01', '2019-02-01')], points: [letter('l1', '2020-03-01'), letter('l2', '2024-01-01')] }), scale, 400);
    expect(marks.bars.map((b) => [b.key, b.x, b.width])).toEqual([['s1', 10, 10]]);
    expect(marks.points.map((p) => [p.key, p.x])).toEqual([['link:l1', 60]]);
  });

  it('gathers points closer than a few pixels into a cluster with its date range', () => {
    const marks = laneMarks(lane({ points: [letter('a', '2020-02-01'), letter('b', '2020-02-03'), letter('c', '2020-02-05'), letter('d', '2020-03-01')] }), scale, 400, { maxBars: 60, clusterPx: 10, groupPx: 8 });
    expect(marks.points).toEqual([
      { type: 'cluster', key: 'cluster:link:a', x: 31, count: 3, from: '2020-02-01', to: '2020-02-05' },
      expect.objectContaining({ type: 'point', key: 'link:d' }),
    ]);
  });

  it('draws a crowded lane as bands, and a thousand points as at most one mark per cluster width', () => {
    const bars = Array.from({ length: 500 }, (_, i) => bar(i, '2020-01-01', i < 250 ? '2020-03-01' : '2020-06-01'));
    const points = Array.from({ length: 3000 }, (_, i) => letter(`l${i}`, `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`));
    points.sort((a, b) => (a.date < b.date ? -1 : 1));
    const marks = laneMarks(lane({ bars, points }), scale, 400);
    expect(marks.bars).toEqual([{ type: 'merged', key: 'merged:s0', x: 0, width: 153, count: 500, from: '2020-01-01', to: '2020-06-01', prisonId: 'x' }]);
    expect(marks.points.length).toBeLessThanOrEqual(400 / 20 + 1);
    expect(marks.points.reduce((n, p) => n + (p.type === 'cluster' ? p.count : 1), 0)).toBe(3000);
  });

  it('draws release markers and transfers a few pixels apart as one glyph that holds them all', () => {
    const marker = (id: string, date: string) => ({ sentenceId: id, personId: id, kind: 'expected' as const, date });
    const marks = laneMarks(lane({ markers: [marker('a', '2020-02-01'), marker('b', '2020-02-04'), marker('c', '2020-03-01')] }), scale, 400);
    expect(marks.markers.map((m) => [m.key, m.x, m.items.length])).toEqual([['m:a:expected', 31, 2], ['m:c:expected', 60, 1]]);
  });
});
