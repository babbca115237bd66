import { describe, expect, it } from 'vitest';
import { createCase, deleteCase } from '../repositories/cases';
import { createLink, deleteLink } from '../repositories/links';
import { createPerson, deletePerson } from '../repositories/persons';
import { createPrison } from '../repositories/prisons';
import { createSentence } from '../repositories/sentences';
import { createSource } from '../repositories/sources';
import { createStay } from '../repositories/stays';
import { setLastOpenedCaseId } from '../settings';
import { freshDatabase } from '../test-support';
import { loadCaseNetwork } from './case-network';
import { getLastOpenedCase, listCases } from './cases';
import { loadPersonDetails } from './person-details';

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result.value;
}

/**
 * Three inmates in two prisons: the leader moved from Topas to Alcalá and writes to a recruit;
 * a third, deleted person had a call with the leader.
 */
async function handBuiltCase() {
  const db = await freshDatabase();
  const caseId = ok(await createCase(db, { name: 'Frente de cárceles', marking: 'RESERVADO' })).id;
  const topas = ok(await createPrison(db, caseId, { name: 'Topas' }));
  const alcala = ok(await createPrison(db, caseId, { name: 'Alcalá-Meco' }));
  const leader = ok(
    await createPerson(db, caseId, {
      primaryName: 'Abu Musa',
      alternateNames: [{ name: 'El Marroquí', kind: 'alias', sourceIds: [] }],
      realName: 'Karim B.',
      role: 'leader',
    }),
  );
  const recruit = ok(await createPerson(db, caseId, { primaryName: 'Youssef', role: 'recruit' }));
  const gone = ok(await createPerson(db, caseId, { primaryName: 'Borrado' }));
  const press = ok(await createSource(db, caseId, { kind: 'press', title: 'El País, 2018-10-02', reliability: 'B' }));
  const report = ok(await createSource(db, caseId, { kind: 'report', title: 'Informe DGIP', reliability: 'A' }));

  ok(await createStay(db, caseId, { personId: leader.id, prisonId: topas.id, from: '2010-01-01', to: '2016-03-01' }));
  const currentStay = ok(await createStay(db, caseId, { personId: leader.id, prisonId: alcala.id, from: '2016-03-01', module: '10' }));
  ok(await createStay(db, caseId, { personId: recruit.id, prisonId: topas.id, from: '2012-01-01', to: '2019-01-01' }));
  ok(await createSentence(db, caseId, { personId: leader.id, offence: 'Terrorismo', start: '2005-01-01', expectedRelease: '2019-01-01', earlyRelease: '2018-10-10', sourceIds: [report.id] }));
  ok(await createSentence(db, caseId, { personId: recruit.id, offence: 'Robo', start: '2012-01-01', expectedRelease: '2020-06-01' }));

  const letter = ok(await createLink(db, caseId, { kind: 'letter', fromId: leader.id, toId: recruit.id, date: '2018-05-01', grading: { reliability: 'B', credibility: 2 }, sourceIds: [press.id] }));
  // Cited only by a link to a deleted person: the panel must not list it among the leader's sources.
  const callLog = ok(await createSource(db, caseId, { kind: 'call_record', title: 'Registro de llamadas', reliability: 'A' }));
  ok(await createLink(db, caseId, { kind: 'call', fromId: gone.id, toId: leader.id, date: '2018-06-01', grading: { reliability: 'C', credibility: 3 }, sourceIds: [callLog.id] }));
  const removed = ok(await createLink(db, caseId, { kind: 'visit', fromId: recruit.id, toId: leader.id, grading: { reliability: 'F', credibility: 6 } }));
  ok(await deleteLink(db, removed.id));
  ok(await deletePerson(db, gone.id));
  return { db, caseId, topas, alcala, leader, recruit, gone, press, report, letter, currentStay };
}

describe('loadCaseNetwork', () => {
  it('returns live people, prisons and links with each person’s current prison and release date', async () => {
    const c = await handBuiltCase();
    const network = await loadCaseNetwork(c.db, c.caseId);
    expect(network?.case.name).toBe('Frente de cárceles');
    expect(network?.persons.map((p) => p.primaryName).sort()).toEqual(['Abu Musa', 'Youssef']);
    expect(network?.prisons).toHaveLength(2);
    expect(network?.links.map((l) => l.id)).toEqual([c.letter.id]);
    expect(network?.currentPrisonByPerson).toEqual(
      new Map([
        [c.leader.id, c.alcala.id],
        // No open stay: the latest one counts.
        [c.recruit.id, c.topas.id],
      ]),
    );
    expect(network?.releaseByPerson).toEqual(
      new Map([
        [c.leader.id, '2018-10-10'],
        [c.recruit.id, '2020-06-01'],
      ]),
    );
  });

  it('returns nothing for a deleted or unknown case', async () => {
    const c = await handBuiltCase();
    expect(await loadCaseNetwork(c.db, 'case:unknown')).toBeUndefined();
    ok(await deleteCase(c.db, c.caseId));
    expect(await loadCaseNetwork(c.db, c.caseId)).toBeUndefined();
  });
});

describe('loadPersonDetails', () => {
  it('gathers the panel: names, current prison, stays, sentences, links with the other name and sources', async () => {
    const c = await handBuiltCase();
    const details = await loadPersonDetails(c.db, c.leader.id);
    expect(details?.person.alternateNames[0]?.name).toBe('El Marroquí');
    expect(details?.person.realName).toBe('Karim B.');
    expect(details?.currentStay?.id).toBe(c.currentStay.id);
    expect(details?.currentPrison?.name).toBe('Alcalá-Meco');
    expect(details?.stays.map((s) => s.prisonName)).toEqual(['Alcalá-Meco', 'Topas']);
    expect(details?.sentences.map((s) => s.offence)).toEqual(['Terrorismo']);
    expect(details?.releaseDate).toBe('2018-10-10');
    expect(details?.links).toEqual([
      {
        link: c.letter,
        other: { id: c.recruit.id, primaryName: 'Youssef' },
        direction: 'outgoing',
        sources: [{ id: c.press.id, title: 'El País, 2018-10-02', reliability: 'B' }],
      },
    ]);
    expect([...(details?.sourcesById.keys() ?? [])].sort()).toEqual([c.press.id, c.report.id].sort());
  });

  it('sees the letter from the other end as incoming, and hides a deleted person', async () => {
    const c = await handBuiltCase();
    const recruit = await loadPersonDetails(c.db, c.recruit.id);
    expect(recruit?.links.map((l) => [l.other.primaryName, l.direction])).toEqual([['Abu Musa', 'incoming']]);
    expect(recruit?.currentPrison?.name).toBe('Topas');
    expect(await loadPersonDetails(c.db, c.gone.id)).toBeUndefined();
  });
});

describe('case list', () => {
  it('lists live cases by name and reopens the last case while it exists', async () => {
    const db = await freshDatabase();
    const b = ok(await createCase(db, { name: 'Operación B', marking: 'TLP_RED' }));
    const a = ok(await createCase(db, { name: 'Operación A', marking: 'TLP_RED' }));
    const gone = ok(await createCase(db, { name: 'Operación C', marking: 'TLP_RED' }));
    ok(await deleteCase(db, gone.id));
    expect((await listCases(db)).map((x) => x.id)).toEqual([a.id, b.id]);

    expect(await getLastOpenedCase(db)).toBeUndefined();
    await setLastOpenedCaseId(db, b.id);
    expect((await getLastOpenedCase(db))?.id).toBe(b.id);
    ok(await deleteCase(db, b.id));
    expect(await getLastOpenedCase(db)).toBeUndefined();
  });
});
