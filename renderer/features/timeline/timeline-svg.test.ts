import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../shared/timeline/dates';
import type { TimelineLane } from '../../../shared/timeline/model';
import { timelineSvg, type TimelinePicture } from './timeline-svg';

const scale = { startDay: dayNumber('2020-01-01'), pxPerDay: 1 };
const hostile = 'Abu <script>alert(1)</script> & "Omar" \'al-Hakim\'';
const lanes: TimelineLane[] = [
  {
    key: 'person:1',
    kind: 'person',
    label: hostile,
    personId: 'person:1',
    bars: [{ stayId: 's1', personId: 'person:1', prisonId: 'prison:a', from: '2020-01-11', to: '2020-03-01', open: false }],
    transfers: [{ personId: 'person:1', date: '2020-03-01', fromStayId: 's1', toStayId: 's2', fromPrisonId: 'prison:a', toPrisonId: 'prison:b', gapDays: 0 }],
    markers: [{ sentenceId: 'x', personId: 'person:1', kind: 'expected', date: '2020-06-01' }],
    points: [{ type: 'link', id: 'l1', date: '2020-04-01', kind: 'letter', fromId: 'person:1', toId: 'person:2', personId: 'person:1' }],
  },
  { key: 'person:2', kind: 'person', label: 'Karim Tahiri', personId: 'person:2', bars: [], transfers: [], markers: [], points: [] },
];
const picture: TimelinePicture = {
  lanes,
  labels: new Map(lanes.map((l) => [l.key, l.label])),
  scale,
  width: 400,
  colours: new Map([['prison:a', '#3366cc']]),
  ticks: [{ x: 0, label: '2020' }, { x: 366, label: '2021' }],
  cursor: { x: 100, label: '10 abr 2020' },
  marking: 'RESERVADO',
  title: 'Operación Frontera — cronología',
  subtitle: 'Del 1 ene 2020 al 4 feb 2021 · por persona',
};

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('the timeline as SVG', () => {
  it('is a well-formed document marked at the top and the bottom, with the lanes, ruler and marks', () => {
    const doc = parse(timelineSvg(picture));
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const texts = [...doc.getElementsByTagName('text')].map((t) => t.textContent);
    expect(texts.filter((t) => t === 'RESERVADO')).toHaveLength(2);
    expect(texts).toEqual(expect.arrayContaining(['Operación Frontera — cronología', 'Karim Tahiri', '2020', '2021', '10 abr 2020']));
    // The stay in its prison's colour, the transfer, the release marker and the letter.
    expect([...doc.getElementsByTagName('rect')].some((r) => r.getAttribute('fill') === '#3366cc')).toBe(true);
    expect(doc.getElementsByTagName('circle')).toHaveLength(1);
    expect(doc.getElementsByTagName('path').length).toBeGreaterThanOrEqual(2);
  });

  it('prints a hostile name as text, never as markup, and references nothing outside itself', () => {
    const svg = timelineSvg(picture);
    const doc = parse(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect([...doc.getElementsByTagName('text')].some((t) => t.textContent?.startsWith('Abu <script>alert(1)</scrip'))).toBe(true);
    expect(svg).not.toMatch(/href=|url\((?!#window\))|@import/);
  });
});
