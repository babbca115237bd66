import { describe, expect, it } from 'vitest';
import { createCase } from '../repositories/cases';
import { createPerson, updatePerson } from '../repositories/persons';
import { freshDatabase } from '../test-support';
import { loadCaseJournal, loadRecordHistory, verifyCaseAudit } from './audit';

async function caseWithHistory(changes: number) {
  const db = await freshDatabase();
  const created = await createCase(db, { name: 'Caso', marking: 'SECRETO' });
  if (!created.ok) throw new Error('no case');
  const person = await createPerson(db, created.value.id, { primaryName: 'Name 0' });
  if (!person.ok) throw new Error('no person');
  for (let n = 1; n <= changes; n++) await updatePerson(db, person.value.id, { primaryName: `Name ${n}` });
  return { db, caseId: created.value.id, personId: person.value.id };
}

describe('audit log in the database', () => {
  it('verifies an untouched log, and lists a record history and the case journal', async () => {
    const { db, caseId, personId } = await caseWithHistory(3);
    const report = await verifyCaseAudit(db, caseId);
    expect(report.ok).toBe(true);
    expect(report.chains).toEqual([{ workstationId: expect.any(String), report: { ok: true, count: 5 } }]);
    expect((await loadRecordHistory(db, personId)).map((e) => e.action)).toEqual(['create', 'update', 'update', 'update']);
    const journal = await loadCaseJournal(db, caseId, 2);
    expect(journal.map((e) => e.seq)).toEqual([5, 4]);
  });

  it('finds an entry altered in the database at its seq', async () => {
    const { db, caseId } = await caseWithHistory(4);
    const target = (await db.audit.toArray()).find((e) => e.seq === 4)!;
    await db.audit.put({ ...target, after: { primaryName: 'Someone else' } });
    const report = await verifyCaseAudit(db, caseId);
    expect(report.ok).toBe(false);
    expect(report.chains[0]!.report).toEqual({ ok: false, brokenAt: 4, reason: 'hash_mismatch' });
  });

  it('finds an entry removed from the database at its seq', async () => {
    const { db, caseId } = await caseWithHistory(4);
    const target = (await db.audit.toArray()).find((e) => e.seq === 3)!;
    await db.audit.delete(target.id);
    expect((await verifyCaseAudit(db, caseId)).chains[0]!.report).toEqual({ ok: false, brokenAt: 3, reason: 'seq_gap' });
  });
});
