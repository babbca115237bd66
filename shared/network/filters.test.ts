import { describe, expect, it } from 'vitest';
import type { LinkKind } from '../model';
import { addDays } from '../model';
import { applyFilters, DEFAULT_FILTERS, filtersAreDefault, isDueForRelease, neighbourhoodOf, prisonsOn } from './filters';
import type { NetworkInput } from './network-input';

function person(id: string, role: 'leader' | 'core' | 'recruit' = 'recruit', monitoring: 'at_risk' | 'recruiter' = 'at_risk') {
  return { id, primaryName: `Name ${id}`, role, monitoring };
}
function link(id: string, fromId: string, toId: string, kind: LinkKind, extra: object = {}) {
  return { id, kind, fromId, toId, directed: kind === 'letter', count: 1, ...extra };
}

const today = '2026-11-24';
const input: NetworkInput = {
  prisons: [
    { id: 'pr-a', name: 'Alcalá Meco', province: 'Madrid' },
    { id: 'pr-b', name: 'Topas', province: 'Salamanca' },
  ],
  persons: [person('lead', 'leader', 'recruiter'), person('x'), person('y', 'core'), person('z')],
  links: [
    link('l1', 'lead', 'x', 'letter', { date: '2024-03-01', grading: { reliability: 'B', credibility: 2 } }),
    link('l2', 'x', 'y', 'call', { date: '2025-06-10', grading: { reliability: 'C', credibility: 3 } }),
    link('l3', 'y', 'z', 'letter', { from: '2023-01-01', to: '2025-12-31', grading: { reliability: 'A', credibility: 1 } }),
    link('l4', 'lead', 'z', 'family'),
  ],
  currentPrisonByPerson: new Map([
    ['lead', 'pr-a'],
    ['x', 'pr-b'],
    ['y', 'pr-b'],
  ]),
  releaseByPerson: new Map([
    ['lead', '2026-12-01'],
    ['x', '2027-06-01'],
    ['y', '2026-01-01'],
  ]),
  stays: [
    { personId: 'lead', prisonId: 'pr-b', from: '2020-01-01', to: '2024-06-01' },
    { personId: 'lead', prisonId: 'pr-a', from: '2024-06-01' },
    { personId: 'x', prisonId: 'pr-b', from: '2022-01-01' },
  ],
};

const ids = (result: NetworkInput) => ({ persons: result.persons.map((p) => p.id), links: result.links.map((l) => l.id) });

describe('applyFilters', () => {
  it('lets the whole case through with the default filters', () => {
    expect(ids(applyFilters(input, DEFAULT_FILTERS, today))).toEqual({ persons: ['lead', 'x', 'y', 'z'], links: ['l1', 'l2', 'l3', 'l4'] });
    expect(filtersAreDefault(DEFAULT_FILTERS)).toBe(true);
  });

  it('keeps only the chosen link kinds, and every person', () => {
    const result = applyFilters(input, { ...DEFAULT_FILTERS, linkKinds: ['letter'] }, today);
    expect(ids(result)).toEqual({ persons: ['lead', 'x', 'y', 'z'], links: ['l1', 'l3'] });
    expect(filtersAreDefault({ ...DEFAULT_FILTERS, linkKinds: ['letter'] })).toBe(false);
  });

  it('keeps links dated, or running, inside the date window, and drops undated ones', () => {
    const result = applyFilters(input, { ...DEFAULT_FILTERS, dateFrom: '2025-01-01', dateTo: '2025-12-31' }, today);
    expect(ids(result).links).toEqual(['l2', 'l3']);
    expect(ids(applyFilters(input, { ...DEFAULT_FILTERS, dateTo: '2023-06-01' }, today)).links).toEqual(['l3']);
  });

  it('shows the network as it stood on a day: stays place people, later links are not there yet', () => {
    const result = applyFilters(input, { ...DEFAULT_FILTERS, asOf: '2024-04-01' }, today);
    expect(ids(result).links).toEqual(['l1', 'l3']);
    expect(result.currentPrisonByPerson.get('lead')).toBe('pr-b');
    expect(result.currentPrisonByPerson.get('x')).toBe('pr-b');
    expect(result.currentPrisonByPerson.has('y')).toBe(false);
  });

  it('filters people by role and monitoring status, dropping their links', () => {
    expect(ids(applyFilters(input, { ...DEFAULT_FILTERS, roles: ['leader', 'core'] }, today))).toEqual({ persons: ['lead', 'y'], links: [] });
    expect(ids(applyFilters(input, { ...DEFAULT_FILTERS, monitoring: ['recruiter'] }, today)).persons).toEqual(['lead']);
  });

  it('keeps links graded at least as strong as the weakest grading asked for; ungraded links stay', () => {
    expect(ids(applyFilters(input, { ...DEFAULT_FILTERS, minGrading: 'B2' }, today)).links).toEqual(['l1', 'l3', 'l4']);
    expect(ids(applyFilters(input, { ...DEFAULT_FILTERS, minGrading: 'A1' }, today)).links).toEqual(['l3', 'l4']);
  });

  it('keeps only the people due for release within N days', () => {
    expect(ids(applyFilters(input, { ...DEFAULT_FILTERS, releaseWithinDays: 30 }, today)).persons).toEqual(['lead']);
    expect(ids(applyFilters(input, { ...DEFAULT_FILTERS, releaseWithinDays: 365 }, today)).persons).toEqual(['lead', 'x']);
  });

  it('hides people, and narrows the view to a person’s neighbourhood by hops', () => {
    expect(ids(applyFilters(input, { ...DEFAULT_FILTERS, hiddenPersonIds: ['x'] }, today))).toEqual({ persons: ['lead', 'y', 'z'], links: ['l3', 'l4'] });
    const oneHop = applyFilters(input, { ...DEFAULT_FILTERS, linkKinds: ['letter', 'call'], neighbourhood: { personId: 'x', hops: 1 } }, today);
    expect(ids(oneHop)).toEqual({ persons: ['lead', 'x', 'y'], links: ['l1', 'l2'] });
  });
});

describe('helpers', () => {
  it('adds calendar days across months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(isDueForRelease('2026-12-01', today, 7)).toBe(true);
    expect(isDueForRelease('2026-12-02', today, 7)).toBe(false);
    expect(isDueForRelease('2026-11-23', today, 7)).toBe(false);
    expect(isDueForRelease(undefined, today, 7)).toBe(false);
  });

  it('finds who is within N hops', () => {
    const links = [
      { fromId: 'a', toId: 'b' },
      { fromId: 'b', toId: 'c' },
      { fromId: 'c', toId: 'd' },
    ];
    expect([...neighbourhoodOf('a', 2, links)].sort()).toEqual(['a', 'b', 'c']);
    expect([...neighbourhoodOf('d', 0, links)]).toEqual(['d']);
  });

  it('places people by their stay on a day, the later stay on a transfer day', () => {
    expect(prisonsOn(input.stays!, '2024-06-01').get('lead')).toBe('pr-a');
    expect(prisonsOn(input.stays!, '2019-01-01').size).toBe(0);
  });
});
