import { describe, expect, it } from 'vitest';
import { dumpDatabase, freshDatabase } from '../test-support';
import { createCase } from './cases';
import { createPerson } from './persons';
import { createPrison } from './prisons';
import { createStay, transferStay } from './stays';

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result.value;
}

async function personInTopas() {
  const db = await freshDatabase();
  const caseId = ok(await createCase(db, { name: 'Caso', marking: 'CONFIDENCIAL' })).id;
  const ali = ok(await createPerson(db, caseId, { primaryName: 'Ali' })).id;
  const topas = ok(await createPrison(db, caseId, { name: 'Topas' })).id;
  const alcala = ok(await createPrison(db, caseId, { name: 'Alcalá-Meco' })).id;
  const stay = ok(await createStay(db, caseId, { personId: ali, prisonId: topas, from: '2016-01-01', module: 'M-3' }));
  return { db, caseId, ali, topas, alcala, stay };
}

describe('transferStay', () => {
  it('closes the open stay on the transfer day and opens the next one from that day', async () => {
    const { db, caseId, ali, alcala, stay } = await personInTopas();
    const next = ok(await transferStay(db, caseId, { personId: ali, prisonId: alcala, date: '2018-06-30', module: 'M-10' }));
    expect(await db.stays.get(stay.id)).toMatchObject({ to: '2018-06-30', module: 'M-3' });
    expect(next).toMatchObject({ personId: ali, prisonId: alcala, from: '2018-06-30', module: 'M-10' });
    expect(next).not.toHaveProperty('to');
    const audit = await db.audit.filter((e) => e.table === 'stays').toArray();
    expect(audit.map((e) => e.action).sort()).toEqual(['create', 'create', 'update']);
  });

  it('writes nothing when the transfer day is before the open stay began', async () => {
    const { db, caseId, ali, alcala } = await personInTopas();
    const before = await dumpDatabase(db);
    expect(await transferStay(db, caseId, { personId: ali, prisonId: alcala, date: '2015-01-01' })).toEqual({
      ok: false,
      issues: [{ path: 'date', code: 'period_reversed' }],
    });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('rolls back closing the old stay when the new one is refused', async () => {
    const { db, caseId, ali } = await personInTopas();
    const before = await dumpDatabase(db);
    const result = await transferStay(db, caseId, { personId: ali, prisonId: 'prison:nowhere', date: '2018-06-30' });
    expect(result).toEqual({ ok: false, issues: [{ path: 'prisonId', code: 'missing_prison' }] });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});
