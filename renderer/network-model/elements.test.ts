import { describe, expect, it } from 'vitest';
import type { LinkKind } from '../../shared/model';
import { generateDemoCase } from '../../shared/demo';
import { groupBy } from '../db/queries/case-network';
import { currentStay } from '../../shared/model/current-stay';
import { buildNetworkElements, openingView } from './build-elements';
import { sizeKeepingNamesApart } from './elements';
import { PRISON_LEVEL_THRESHOLD, type NetworkInput } from '../../shared/network/network-input';

const labels = { outside: 'Sin prisión actual', formatNumber: (n: number) => new Intl.NumberFormat('es-ES').format(n) };

function person(id: string, role: 'leader' | 'core' | 'recruit' = 'recruit') {
  return { id, primaryName: `Name ${id}`, role, monitoring: 'at_risk' as const };
}
function link(id: string, fromId: string, toId: string, kind: LinkKind = 'letter') {
  return { id, kind, fromId, toId, directed: kind === 'letter', count: 1 };
}

const small: NetworkInput = {
  prisons: [
    { id: 'pr-b', name: 'Topas', province: 'Salamanca' },
    { id: 'pr-a', name: 'Alcalá Meco', province: 'Madrid' },
    { id: 'pr-c', name: 'Zuera', province: 'Zaragoza' },
  ],
  persons: [person('x', 'recruit'), person('y', 'leader'), person('z', 'core'), person('free')],
  links: [link('l1', 'x', 'y'), link('l2', 'y', 'z', 'family'), link('l3', 'z', 'ghost'), link('l4', 'x', 'free', 'visit')],
  currentPrisonByPerson: new Map([
    ['x', 'pr-a'],
    ['y', 'pr-a'],
    ['z', 'pr-b'],
  ]),
};

describe('buildNetworkElements, people level', () => {
  const { elements, summary } = buildNetworkElements(small, labels);
  const byId = new Map(elements.map((e) => [e.data.id, e]));

  it('draws every prison as a box under its current inmates, not as their compound parent', () => {
    const inside = (personId: string, prisonId: string) => {
      const box = byId.get(prisonId)!;
      const at = byId.get(personId)!.position!;
      const half = Number(box.data.side) / 2;
      return Math.abs(at.x - box.position!.x) < half && Math.abs(at.y - box.position!.y) < half;
    };
    expect(byId.get('person|x')?.data).toMatchObject({ prison: 'prison|pr-a' });
    expect(byId.get('person|y')?.data).toMatchObject({ prison: 'prison|pr-a' });
    expect(byId.get('person|z')?.data).toMatchObject({ prison: 'prison|pr-b' });
    expect(elements.some((e) => e.data.parent !== undefined)).toBe(false);
    expect(inside('person|x', 'prison|pr-a') && inside('person|y', 'prison|pr-a') && inside('person|z', 'prison|pr-b')).toBe(true);
    expect(byId.get('prison|pr-c')?.data.type).toBe('prison');
  });

  it('gathers people held in no prison apart, labelled as such', () => {
    expect(byId.get('person|free')?.data).toMatchObject({ prison: 'outside|' });
    expect(byId.get('outside|')?.data.label).toBe('Sin prisión actual');
  });

  it('labels a prison by its short name, with the full name kept for hover and the panel', () => {
    const gazetteer = buildNetworkElements(
      { ...small, prisons: [{ id: 'pr-m', name: 'Centro Penitenciario Madrid VII (Estremera)', province: 'Madrid', gazetteerId: 'es-madrid-7' }] },
      labels,
    );
    const prison = gazetteer.elements.find((e) => e.data.id === 'prison|pr-m')!;
    expect(prison.data).toMatchObject({ label: 'Estremera', fullName: 'Centro Penitenciario Madrid VII (Estremera)' });
    expect(Number(prison.data.labelSize)).toBeGreaterThanOrEqual(26);
  });

  it('draws the leader’s links at every zoom and keeps the others for a closer look', () => {
    expect(byId.get('link|l1')?.data.backbone).toBe(true);
    expect(byId.get('link|l2')?.data.backbone).toBe(true);
    expect(byId.get('link|l4')?.data.backbone).toBeUndefined();
    expect(summary.quietLinks).toBe(1);
  });

  it('draws the strongest ties between prisons as one band per pair, and counts every pair', () => {
    const bands = elements.filter((e) => e.data.type === 'strong-pair');
    // l2 (pr-a–pr-b) and l4 (pr-a–outside) are one link each: a band needs at least two.
    expect(bands).toEqual([]);
    const doubled = buildNetworkElements({ ...small, links: [...small.links, link('l5', 'x', 'z'), link('l6', 'y', 'z', 'call')] }, labels);
    const band = doubled.elements.find((e) => e.data.type === 'strong-pair');
    expect(band?.data).toMatchObject({ source: 'prison|pr-a', target: 'prison|pr-b', count: 3 });
    expect(doubled.summary.strongestPairs).toBe(1);
    expect(doubled.pairs?.find((p) => p.source === 'prison|pr-a' && p.target === 'prison|pr-b')).toMatchObject({ count: 3, sourceName: 'Alcalá Meco', targetName: 'Topas' });
  });

  it('skips links to people who are not in the case', () => {
    expect(byId.has('link|l3')).toBe(false);
    expect(byId.get('link|l1')?.data).toMatchObject({ source: 'person|x', target: 'person|y', kind: 'letter', directed: true });
  });

  it('summarises what is drawn, link kinds in vocabulary order', () => {
    expect(summary).toMatchObject({ level: 'people', view: 'grouped', people: 4, prisons: 3, links: 3, outside: 1, kinds: ['letter', 'visit', 'family'] });
    expect(summary.colours.map((c) => (c.by === 'role' ? c.role : ''))).toEqual(['leader', 'core', 'recruit']);
  });

  it('gives every node a preset position and puts the leader at the heart of the prison', () => {
    const nodes = elements.filter((e) => e.group === 'nodes');
    expect(nodes.every((n) => Number.isFinite(n.position?.x) && Number.isFinite(n.position?.y))).toBe(true);
    const centre = byId.get('prison|pr-a')!.position!;
    const fromCentre = (id: string) => Math.hypot(byId.get(id)!.position!.x - centre.x, byId.get(id)!.position!.y - centre.y);
    expect(fromCentre('person|y')).toBeLessThan(fromCentre('person|x'));
  });

  it('is deterministic', () => {
    expect(buildNetworkElements(small, labels)).toEqual(buildNetworkElements(small, labels));
  });
});

describe('buildNetworkElements, prison level for large cases', () => {
  const count = PRISON_LEVEL_THRESHOLD + 1;
  const persons = Array.from({ length: count }, (_, i) => person(`p${i}`));
  const large: NetworkInput = {
    prisons: small.prisons,
    persons,
    // p0→p1 both in pr-a (inside), p0→p2 pr-a→pr-b, p3→p0 pr-b→pr-a: one aggregated edge of 2.
    links: [link('a', 'p0', 'p1'), link('b', 'p0', 'p2'), link('c', 'p3', 'p0'), link('d', 'p2', 'p5', 'call')],
    currentPrisonByPerson: new Map([
      ['p0', 'pr-a'],
      ['p1', 'pr-a'],
      ['p2', 'pr-b'],
      ['p3', 'pr-b'],
      ['p5', 'pr-c'],
      ...persons.slice(6).map((p) => [p.id, 'pr-c'] as const),
    ]),
  };
  const { elements, summary } = buildNetworkElements(large, labels);
  const byId = new Map(elements.map((e) => [e.data.id, e]));

  it('draws one node per prison, sized by its inmates, and no person nodes', () => {
    expect(elements.some((e) => e.data.type === 'person')).toBe(false);
    expect(byId.get('prison|pr-a')?.data.inmates).toBe(2);
    expect(byId.get('prison|pr-c')?.data.inmates).toBe(count - 6 + 1);
    expect(byId.get('prison|pr-c')?.data.label).toBe(`Zuera\n(${labels.formatNumber(count - 5)})`);
    expect(byId.get('outside|')?.data.inmates).toBe(1);
    expect(byId.get('prison|pr-c')?.data.size).toBeGreaterThan(byId.get('prison|pr-a')?.data.size);
  });

  it('aggregates links between prisons with their count and keeps links inside a prison as a number', () => {
    const edges = elements.filter((e) => e.group === 'edges');
    expect(edges.map((e) => [e.data.source, e.data.target, e.data.count]).sort()).toEqual([
      ['prison|pr-a', 'prison|pr-b', 2],
      ['prison|pr-b', 'prison|pr-c', 1],
    ]);
    expect(byId.get('prison|pr-a')?.data.internalLinks).toBe(1);
    const heavier = edges.find((e) => e.data.count === 2)!;
    const lighter = edges.find((e) => e.data.count === 1)!;
    expect(heavier.data.width).toBeGreaterThan(lighter.data.width);
  });

  it('says it is the prison view and counts everyone', () => {
    expect(summary).toMatchObject({ level: 'prisons', people: count, prisons: 3, links: 4, outside: 1 });
  });
});

describe('sizeKeepingNamesApart', () => {
  it('keeps the size when short names have room, and shrinks it when two long ones sit side by side', () => {
    const short = [
      { at: { x: 0, y: 0 }, label: 'Topas' },
      { at: { x: 400, y: 0 }, label: 'Jaén' },
    ];
    expect(sizeKeepingNamesApart(short, 40)).toBe(40);
    const long = [
      { at: { x: 0, y: 0 }, label: 'Navalcarnero' },
      { at: { x: 300, y: 0 }, label: 'Soto del Real' },
      // Another row: its names are not neighbours of these, however long.
      { at: { x: 0, y: 300 }, label: 'Castellón II' },
    ];
    const size = sizeKeepingNamesApart(long, 40);
    expect(size).toBeLessThan(40);
    // At that size half of each name, plus the gap, fits between the two centres.
    expect(((12 + 13) / 2) * 0.62 * size + size / 2).toBeLessThanOrEqual(300);
  });

  it('puts the demo’s 1,000-person case’s names apart on every row', () => {
    const input = demoInput(1000);
    const { elements } = buildNetworkElements(input, labels, { view: 'grouped' });
    const prisons = elements.filter((e) => e.data.type === 'prison');
    const size = prisons[0]!.data.labelSize as number;
    const rows = groupBy(prisons, (e) => String(e.position!.y));
    for (const row of rows.values()) {
      row.sort((a, b) => a.position!.x - b.position!.x);
      for (let i = 1; i < row.length; i++) {
        const halfWidths = ((String(row[i - 1]!.data.label).length + String(row[i]!.data.label).length) / 2) * 0.62 * size;
        expect(row[i]!.position!.x - row[i - 1]!.position!.x).toBeGreaterThan(halfWidths);
      }
    }
  });
});

function demoInput(size: number): NetworkInput {
  const demo = generateDemoCase({ size, today: '2026-12-05' });
  const currentPrisonByPerson = new Map<string, string>();
  for (const [personId, stays] of groupBy(demo.stays, (s) => s.personId)) {
    const stay = currentStay(stays);
    if (stay) currentPrisonByPerson.set(personId, stay.prisonId);
  }
  return { persons: demo.persons, prisons: demo.prisons, links: demo.links, currentPrisonByPerson };
}

describe('the view a case opens in', () => {
  it('is its people in their prisons for the 270-person demo, whose prison names read on a laptop', () => {
    expect(openingView(demoInput(270), labels)).toBe('grouped');
  });

  it('is its prisons when the grouped view could not name them legibly (the 1,000 and 2,000-person demos), and for large cases', () => {
    // Fifty-odd prisons' boxes of people: their names would be under 10 px at the opening zoom.
    expect(openingView(demoInput(1000), labels)).toBe('prisons');
    expect(openingView(demoInput(2000), labels)).toBe('prisons');
    const large = demoInput(270);
    const many = Array.from({ length: PRISON_LEVEL_THRESHOLD + 1 }, (_, i) => ({ ...large.persons[0]!, id: `p${i}` }));
    expect(openingView({ ...large, persons: many }, labels)).toBe('prisons');
  });
});
