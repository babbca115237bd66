import { fixtureCase, fixtureMeta, fixturePerson, fixturePrison } from '../bundle/test-support';
import { emptySnapshot, type CaseSnapshot, type Link, type Source, type Stay } from '../model';

/** Test-only records for the exports: a link, a stay and a source of the bundle fixtures' case. */
export function fixtureLink(id: string, fromId: string, toId: string, fields: Partial<Link> = {}): Link {
  return {
    ...fixtureMeta(id),
    kind: 'letter',
    fromId,
    toId,
    directed: true,
    grading: { reliability: 'B', credibility: 2 },
    sourceIds: [],
    notes: '',
    ...fields,
  };
}

export function fixtureStay(id: string, personId: string, prisonId: string, from: string, to?: string): Stay {
  return { ...fixtureMeta(id), personId, prisonId, from, ...(to ? { to } : {}), sourceIds: [] };
}

export function fixtureSource(id: string, title: string): Source {
  return { ...fixtureMeta(id), kind: 'report', title, author: '', keptAt: '', reliability: 'B', attachmentIds: [], notes: '' };
}

/** Two prisons, three people, their stays and links, one source: the as-of cases of the export tests. */
export function exportFixture(): CaseSnapshot {
  const s = emptySnapshot();
  s.cases.push(fixtureCase());
  s.prisons.push(fixturePrison('prison:a'), { ...fixturePrison('prison:b'), name: 'Centro Penitenciario B' });
  s.persons.push(fixturePerson('person:1', 'Youssef'), fixturePerson('person:2', 'Karim'), fixturePerson('person:3', 'Nabil'));
  s.stays.push(
    fixtureStay('stay:1', 'person:1', 'prison:a', '2019-01-01', '2021-06-30'),
    fixtureStay('stay:2', 'person:1', 'prison:b', '2021-06-30'),
    fixtureStay('stay:3', 'person:2', 'prison:a', '2020-01-01'),
  );
  s.sources.push(fixtureSource('source:1', 'Informe 3/2021'));
  s.links.push(
    fixtureLink('link:1', 'person:1', 'person:2', { date: '2020-03-01', sourceIds: ['source:1'] }),
    fixtureLink('link:2', 'person:2', 'person:3', { kind: 'family', directed: false, from: '2022-01-01', to: '2023-01-01' }),
    fixtureLink('link:3', 'person:1', 'person:2', { date: '2021-09-09', count: 4 }),
  );
  return s;
}
