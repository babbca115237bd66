import { describe, expect, it } from 'vitest';
import { createCase } from '../repositories/cases';
import { createPerson, deletePerson, updatePerson } from '../repositories/persons';
import { freshDatabase } from '../test-support';
import { updateRecord } from '../write';
import { buildPastState, discardPastState, openPastState, PastStateReadOnlyError } from './past-state';

// A case lived over three days: on 1 June the analyst opens it and records Karim and Yusuf; on
// 3 June renames Karim, deletes Yusuf and records Nadia. "Known on 2 June" must show 1 June's case.
const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00`).getTime();

async function threeDays() {
  let now = at('2026-06-01');
  const db = await freshDatabase({ now: () => now });
  const created = await createCase(db, { name: 'Operación Alborán', marking: 'RESERVADO' });
  if (!created.ok) throw new Error('case');
  const caseId = created.value.id;
  const karim = await createPerson(db, caseId, { primaryName: 'Karim B.' });
  const yusuf = await createPerson(db, caseId, { primaryName: 'Yusuf A.' });
  if (!karim.ok || !yusuf.ok) throw new Error('persons');
  now = at('2026-06-03');
  await updatePerson(db, karim.value.id, { primaryName: 'Karim Benali' });
  await deletePerson(db, yusuf.value.id);
  const nadia = await createPerson(db, caseId, { primaryName: 'Nadia R.' });
  if (!nadia.ok) throw new Error('nadia');
  return { db, caseId, karimId: karim.value.id, yusufId: yusuf.value.id, nadiaId: nadia.value.id };
}

describe('the case as known on a day, as a database the workstation reads', () => {
  it('holds the records with their values of that day, later ones absent and later deletions not yet made', async () => {
    const { db, caseId, karimId, yusufId, nadiaId } = await threeDays();
    const progress: number[] = [];
    const built = await buildPastState(db, caseId, '2026-06-02', { onProgress: (done) => progress.push(done) });
    expect(built).toMatchObject({ ok: true, records: 3, undone: 3 });
    if (!built.ok) return;
    const past = await openPastState(built.databaseName);
    expect((await past.persons.get(karimId))?.primaryName).toBe('Karim B.');
    expect((await past.persons.get(yusufId))?.deleted).toBe(0);
    expect(await past.persons.get(nadiaId)).toBeUndefined();
    expect((await past.cases.get(caseId))?.name).toBe('Operación Alborán');
    // The journal as it stood: only the first day's entries.
    expect((await past.audit.toArray()).every((e) => e.at <= at('2026-06-02', 23))).toBe(true);
    expect(progress.at(-1)).toBe(3);
    // The live case is untouched.
    expect((await db.persons.get(karimId))?.primaryName).toBe('Karim Benali');
    past.close();
    await discardPastState(db.name);
  });

  it('is read-only for case data: an edit to the past is refused and changes nothing', async () => {
    const { db, caseId, karimId } = await threeDays();
    const built = await buildPastState(db, caseId, '2026-06-02');
    if (!built.ok) throw new Error('built');
    const past = await openPastState(built.databaseName);
    await expect(updateRecord(past, 'persons', karimId, { primaryName: 'Otro' })).rejects.toBeInstanceOf(PastStateReadOnlyError);
    expect((await past.persons.get(karimId))?.primaryName).toBe('Karim B.');
    past.close();
  });

  it('says the case was not yet known before it was opened here', async () => {
    const { db, caseId } = await threeDays();
    expect(await buildPastState(db, caseId, '2026-05-31')).toEqual({ ok: false, reason: 'not_known', day: '2026-05-31' });
  });

  it('refuses a past state from a journal that no longer verifies, and says where it broke', async () => {
    const { db, caseId } = await threeDays();
    const entries = await db.audit.toArray();
    const second = entries.find((e) => e.seq === 2)!;
    await db.audit.put({ ...second, after: { primaryName: 'Alguien' } });
    expect(await buildPastState(db, caseId, '2026-06-02')).toMatchObject({ ok: false, reason: 'broken_chain', brokenAt: 2 });
  });
});
