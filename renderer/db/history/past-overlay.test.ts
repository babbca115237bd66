import { describe, expect, it } from 'vitest';
import { openVigiaDatabase } from '../database';
import { loadCaseJournal } from '../queries/audit';
import { createCase } from '../repositories/cases';
import { recordExport } from '../repositories/exports';
import { createPerson, deletePerson, updatePerson } from '../repositories/persons';
import { freshDatabase } from '../test-support';
import { updateRecord } from '../write';
import { PastStateReadOnlyError } from './overlay-middleware';
import { discardPastOverlay, pastStateName } from './overlay-store';
import { buildPastOverlay } from './past-overlay';

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

describe('the case as known on a day, read through the live database', () => {
  it('shows the records with their values of that day, later ones absent and later deletions not yet made', async () => {
    const { db, caseId, karimId, yusufId, nadiaId } = await threeDays();
    const built = await buildPastOverlay(db, caseId, '2026-06-02');
    // Only what changed since is kept: three records and the journal's three later entries.
    expect(built).toEqual({ ok: true, day: '2026-06-02', changed: 6, undone: 3 });
    const past = await openVigiaDatabase(db.addressOf(pastStateName(db.name)));
    expect(past.openedAs).toBe(pastStateName(db.name));
    expect(past.knownOn).toBe('2026-06-02');
    expect((await past.persons.get(karimId))?.primaryName).toBe('Karim B.');
    expect((await past.persons.get(yusufId))?.deleted).toBe(0);
    expect(await past.persons.get(nadiaId)).toBeUndefined();
    const listed = await past.persons.where('caseId').equals(caseId).toArray();
    expect(listed.map((p) => p.primaryName).sort()).toEqual(['Karim B.', 'Yusuf A.']);
    expect(await past.persons.where('caseId').equals(caseId).count()).toBe(2);
    expect((await past.cases.get(caseId))?.name).toBe('Operación Alborán');
    // The journal as it stood: only the first day's entries.
    const journal = await loadCaseJournal(past, caseId);
    expect(journal.length).toBe(3);
    expect(journal.every((e) => e.at <= at('2026-06-02', 23))).toBe(true);
    // The live case is untouched.
    expect((await db.persons.get(karimId))?.primaryName).toBe('Karim Benali');
    past.close();
    await discardPastOverlay(db.name);
    await expect(openVigiaDatabase(db.addressOf(pastStateName(db.name)))).rejects.toThrow();
  });

  it('is read-only for case data: an edit to the past is refused and changes nothing', async () => {
    const { db, caseId, karimId } = await threeDays();
    await buildPastOverlay(db, caseId, '2026-06-02');
    const past = await openVigiaDatabase(db.addressOf(pastStateName(db.name)));
    await expect(updateRecord(past, 'persons', karimId, { primaryName: 'Otro' })).rejects.toBeInstanceOf(PastStateReadOnlyError);
    await expect(createPerson(past, caseId, { primaryName: 'Nadie' })).rejects.toBeInstanceOf(PastStateReadOnlyError);
    expect((await past.persons.get(karimId))?.primaryName).toBe('Karim B.');
    expect((await db.persons.get(karimId))?.primaryName).toBe('Karim Benali');
    // An export of the past happened today: the live journal notes it, with the day it showed.
    await recordExport(past, caseId, { fileName: 'red.graphml', format: 'graphml', scope: 'case', persons: 2, links: 0, marking: 'RESERVADO' });
    const noted = (await loadCaseJournal(db, caseId))[0]!;
    expect(noted).toMatchObject({ action: 'export', after: { fileName: 'red.graphml', knownOn: '2026-06-02' } });
    past.close();
  });

  it('says the case was not yet known before it was opened here', async () => {
    const { db, caseId } = await threeDays();
    expect(await buildPastOverlay(db, caseId, '2026-05-31')).toEqual({ ok: false, reason: 'not_known', day: '2026-05-31' });
  });

  it('refuses a past state from a journal that no longer verifies, and says where it broke', async () => {
    const { db, caseId } = await threeDays();
    const entries = await db.audit.toArray();
    const second = entries.find((e) => e.seq === 2)!;
    await db.audit.put({ ...second, after: { primaryName: 'Alguien' } });
    expect(await buildPastOverlay(db, caseId, '2026-06-02')).toMatchObject({ ok: false, reason: 'broken_chain', brokenAt: 2 });
  });
});
