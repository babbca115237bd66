import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { LinkKind } from '../../../shared/model';
import { buildNetworkElements } from '../../network-model/build-elements';
import { legendEntries } from './legend-entries';
import { project } from '../../network-model/map-projection';
import type { NetworkInput } from '../../../shared/network/network-input';
import { categoricalColour, sizeFromValue, widthFromCount, MAX_PERSON_SIZE, MIN_PERSON_SIZE } from '../../network-model/styling';

const labels = { outside: 'Sin prisión actual', formatNumber: (n: number) => String(n) };
const t = ((key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key)) as unknown as TFunction;

function person(id: string, role: 'leader' | 'core' | 'recruit' = 'recruit') {
  return { id, primaryName: `Name ${id}`, role, monitoring: 'at_risk' as const };
}
function link(id: string, fromId: string, toId: string, kind: LinkKind = 'letter', count = 1) {
  return { id, kind, fromId, toId, directed: kind === 'letter', count };
}

// Madrid (Alcalá), Salamanca (Topas) and Tenerife: one prison with no coordinates.
const input: NetworkInput = {
  prisons: [
    { id: 'pr-a', name: 'Alcalá Meco', province: 'Madrid', lat: 40.48, lon: -3.36 },
    { id: 'pr-b', name: 'Topas', province: 'Salamanca', lat: 41.08, lon: -5.6 },
    { id: 'pr-c', name: 'Tenerife II', province: 'Santa Cruz de Tenerife', lat: 28.42, lon: -16.35 },
    { id: 'pr-d', name: 'Sin coordenadas', province: '' },
  ],
  persons: [person('lead', 'leader'), person('x'), person('y', 'core'), person('z'), person('w')],
  links: [link('l1', 'lead', 'x', 'letter', 5), link('l2', 'x', 'y', 'call'), link('l3', 'y', 'z', 'letter'), link('l4', 'lead', 'w', 'family')],
  currentPrisonByPerson: new Map([
    ['lead', 'pr-a'],
    ['x', 'pr-a'],
    ['y', 'pr-b'],
    ['z', 'pr-c'],
    ['w', 'pr-d'],
  ]),
  releaseByPerson: new Map([['lead', '2026-12-01']]),
};

const byIdOf = (elements: { data: { id?: string } }[]) => new Map(elements.map((e) => [e.data.id, e as (typeof elements)[number] & { data: Record<string, unknown>; position?: { x: number; y: number } }]));

describe('prison level with prisons expanded on demand', () => {
  const collapsed = buildNetworkElements(input, labels, { view: 'prisons' });
  const expanded = buildNetworkElements(input, labels, { view: 'prisons', expandedPrisonNodes: new Set(['prison|pr-a']) });
  const byId = byIdOf(expanded.elements);

  it('draws no people until a prison is expanded', () => {
    expect(collapsed.elements.some((e) => e.data.type === 'person')).toBe(false);
    expect(collapsed.summary).toMatchObject({ view: 'prisons', expandedPrisons: 0, drawnPeople: 0, aggregated: true, kinds: [] });
  });

  it('draws the expanded prison as its people, inside it, and counts them for the status line', () => {
    expect(byId.get('prison|pr-a')?.data).toMatchObject({ type: 'prison', expanded: true });
    expect(byId.get('person|lead')?.data.parent).toBe('prison|pr-a');
    expect(byId.get('person|x')?.data.parent).toBe('prison|pr-a');
    expect(byId.has('person|y')).toBe(false);
    expect(expanded.summary).toMatchObject({ expandedPrisons: 1, expandedPeople: 2, drawnPeople: 2, people: 5, links: 4 });
  });

  it('keeps links between two drawn people as links, and aggregates the rest onto prisons', () => {
    expect(byId.get('link|l1')?.data).toMatchObject({ source: 'person|lead', target: 'person|x', kind: 'letter', count: 5 });
    expect(byId.get('links|person|x~prison|pr-b')?.data).toMatchObject({ type: 'aggregate', count: 1 });
    expect(byId.get('links|prison|pr-b~prison|pr-c')?.data.count).toBe(1);
    expect(expanded.summary.kinds).toEqual(['letter']);
  });
});

describe('map view', () => {
  const { elements, summary } = buildNetworkElements(input, labels, { view: 'map' });
  const byId = byIdOf(elements);

  it('places prisons by their coordinates: Salamanca west and north of Madrid', () => {
    const madrid = byId.get('prison|pr-a')!.position!;
    const salamanca = byId.get('prison|pr-b')!.position!;
    expect(salamanca.x).toBeLessThan(madrid.x);
    expect(salamanca.y).toBeLessThan(madrid.y);
    expect(madrid).toEqual(project(40.48, -3.36));
    expect(summary.view).toBe('map');
  });

  it('brings the Canaries closer in, and puts prisons without coordinates apart', () => {
    const tenerife = byId.get('prison|pr-c')!.position!;
    const madrid = byId.get('prison|pr-a')!.position!;
    expect(Math.abs(tenerife.x - madrid.x)).toBeLessThan(1500);
    const unplaced = byId.get('prison|pr-d')!.position!;
    expect(unplaced.y).toBeGreaterThan(tenerife.y);
  });
});

describe('free view', () => {
  it('draws people without prison boxes, at the positions the layout gave', () => {
    const { elements } = buildNetworkElements(input, labels, { view: 'free', positions: new Map([['person|x', { x: 7, y: 9 }]]) });
    const byId = byIdOf(elements);
    expect(elements.some((e) => e.data.type === 'prison')).toBe(false);
    expect(byId.get('person|x')?.position).toEqual({ x: 7, y: 9 });
    expect(byId.get('person|x')?.data.parent).toBeUndefined();
  });
});

describe('styling by data', () => {
  it('sizes people by their contacts when asked, the best connected largest', () => {
    const { elements, summary } = buildNetworkElements(input, labels, { view: 'grouped', styling: { sizeBy: 'degree', colourBy: 'role', releaseBadgeDays: 90 } });
    const byId = byIdOf(elements);
    expect(byId.get('person|lead')?.data.size).toBe(MAX_PERSON_SIZE);
    expect(Number(byId.get('person|z')?.data.size)).toBeLessThan(MAX_PERSON_SIZE);
    expect(summary.sizeBy).toBe('degree');
  });

  it('falls back to contacts and roles while the analytics have no metric or communities, and says so', () => {
    const { summary } = buildNetworkElements(input, labels, { view: 'grouped', styling: { sizeBy: 'metric', colourBy: 'community', releaseBadgeDays: 90 } });
    expect(summary.sizeBy).toBe('degree');
    expect(summary.colours.every((c) => c.by === 'role')).toBe(true);
  });

  it('uses the analytics’ metric and communities once they are there', () => {
    const metric = { name: 'PageRank', values: new Map([['z', 1], ['lead', 0.1]]) };
    const communities = new Map([['lead', 0], ['x', 0], ['y', 1], ['z', 1]]);
    const { elements, summary } = buildNetworkElements(input, labels, {
      view: 'grouped',
      styling: { sizeBy: 'metric', colourBy: 'community', releaseBadgeDays: 90 },
      overlay: { metric, communities },
    });
    const byId = byIdOf(elements);
    expect(byId.get('person|z')?.data.size).toBe(MAX_PERSON_SIZE);
    expect(byId.get('person|w')?.data.size).toBe(MIN_PERSON_SIZE);
    expect(byId.get('person|y')?.data.color).toBe(byId.get('person|z')?.data.color);
    expect(byId.get('person|y')?.data.color).not.toBe(byId.get('person|x')?.data.color);
    expect(summary).toMatchObject({ sizeBy: 'metric', metricName: 'PageRank' });
    expect(summary.colours.map((c) => (c.by === 'community' ? c.community : -1))).toEqual([0, 1]);
  });

  it('colours by prison with one colour per prison drawn', () => {
    const { elements, summary } = buildNetworkElements(input, labels, { view: 'grouped', styling: { sizeBy: 'role', colourBy: 'prison', releaseBadgeDays: 90 } });
    const byId = byIdOf(elements);
    expect(byId.get('person|lead')?.data.color).toBe(byId.get('person|x')?.data.color);
    expect(byId.get('person|lead')?.data.color).not.toBe(byId.get('person|y')?.data.color);
    expect(summary.colours.map((c) => (c.by === 'prison' ? c.name : ''))).toEqual(['Alcalá Meco', 'Sin coordenadas', 'Tenerife II', 'Topas']);
  });

  it('badges people due for release within the window, and widens links that stand for many letters', () => {
    const { elements, summary } = buildNetworkElements(input, labels, { view: 'grouped', today: '2026-11-24' });
    const byId = byIdOf(elements);
    expect(byId.get('person|lead')?.data.releasing).toBe(true);
    expect(byId.get('person|x')?.data.releasing).toBeUndefined();
    expect(summary.releaseSoon).toBe(1);
    expect(Number(byId.get('link|l1')?.data.width)).toBeGreaterThan(Number(byId.get('link|l3')?.data.width));
    expect(summary.weightedLinks).toBe(true);
  });

  it('has helpers that behave at the edges', () => {
    expect(sizeFromValue(0, 10)).toBe(MIN_PERSON_SIZE);
    expect(sizeFromValue(10, 10)).toBe(MAX_PERSON_SIZE);
    expect(widthFromCount(2, 1)).toBe(2);
    expect(widthFromCount(2, 4)).toBe(4);
    expect(new Set(Array.from({ length: 40 }, (_, i) => categoricalColour(i))).size).toBe(40);
  });
});

describe('legend entries', () => {
  it('list what the grouped view draws, and only that', () => {
    const letters = { ...input, links: input.links.filter((l) => l.kind === 'letter') };
    const { summary } = buildNetworkElements(letters, labels, { view: 'grouped', today: '2026-11-24' });
    const keys = legendEntries(summary, t).map((e) => e.key);
    expect(keys).toContain('kind-letter');
    expect(keys).not.toContain('kind-call');
    expect(keys).not.toContain('kind-family');
    expect(keys).toContain('release');
    expect(keys).not.toContain('aggregated');
  });

  it('explain aggregated links and the map in the map view', () => {
    const { summary } = buildNetworkElements(input, labels, { view: 'map' });
    const keys = legendEntries(summary, t).map((e) => e.key);
    expect(keys).toEqual(['map', 'prison-summary', 'aggregated']);
  });
});

describe('derived links', () => {
  const derivedLinks = [
    { personA: 'lead', personB: 'x', prisonId: 'pr-a' },
    { personA: 'lead', personB: 'x', prisonId: 'pr-a' },
    { personA: 'y', personB: 'z', prisonId: 'pr-b' },
  ];

  it('are drawn once per pair and prison between drawn people, and explained in the legend', () => {
    const { elements, summary } = buildNetworkElements(input, labels, { view: 'grouped', derivedLinks });
    expect(elements.filter((e) => e.data.type === 'derived').map((e) => [e.data.source, e.data.target])).toEqual([
      ['person|lead', 'person|x'],
      ['person|y', 'person|z'],
    ]);
    expect(summary.derivedLinks).toBe(2);
    expect(legendEntries(summary, t).map((e) => e.key)).toContain('derived');
  });

  it('are left out where their people are not drawn one by one', () => {
    const { summary } = buildNetworkElements(input, labels, { view: 'prisons', derivedLinks, expandedPrisonNodes: new Set(['prison|pr-a']) });
    expect(summary.derivedLinks).toBe(1);
  });
});
