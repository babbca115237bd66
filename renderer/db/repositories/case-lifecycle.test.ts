import { describe, expect, it } from 'vitest';
import { listCases } from '../queries/cases';
import { listDeletedCases } from '../queries/deleted-cases';
import { getSetting, setLastOpenedCaseId } from '../settings';
import { freshDatabase } from '../test-support';
import { attachFile } from './attachments';
import { createCase, deleteCase } from './cases';
import { purgeCase, restoreCase, setCaseArchived } from './case-lifecycle';
import { createPerson } from './persons';

async function twoCases() {
  const db = await freshDatabase();
  const kept = await createCase(db, { name: 'Caso que queda', marking: 'RESERVADO' });
  const doomed = await createCase(db, { name: 'Caso que se borra', marking: 'SECRETO' });
  if (!kept.ok || !doomed.ok) throw new Error('cases not created');
  const bytes = new TextEncoder().encode('escaneo');
  for (const caseId of [kept.value.id, doomed.value.id]) {
    const person = await createPerson(db, caseId, { primaryName: 'Yusuf' });
    if (!person.ok) throw new Error('person not created');
    await attachFile(db, caseId, { ownerType: 'person', ownerId: person.value.id, fileName: 'scan.png', bytes });
  }
  await attachFile(db, doomed.value.id, {
    ownerType: 'person',
    ownerId: (await db.persons.where('caseId').equals(doomed.value.id).first())!.id,
    fileName: 'only-here.txt',
    bytes: new TextEncoder().encode('solo en este caso'),
  });
  return { db, keptId: kept.value.id, doomedId: doomed.value.id };
}

describe('case lifecycle', () => {
  it('archives and unarchives a case', async () => {
    const { db, keptId } = await twoCases();
    await setCaseArchived(db, keptId, true);
    expect((await db.cases.get(keptId))?.archived).toBe(true);
    await setCaseArchived(db, keptId, false);
    expect((await db.cases.get(keptId))?.archived).toBe(false);
  });

  it('a deleted case leaves the list, shows among the deleted ones and can be restored', async () => {
    const { db, keptId, doomedId } = await twoCases();
    await deleteCase(db, doomedId);
    expect((await listCases(db)).map((c) => c.id)).toEqual([keptId]);
    expect((await listDeletedCases(db)).map((c) => c.id)).toEqual([doomedId]);
    const restored = await restoreCase(db, doomedId);
    expect(restored.ok).toBe(true);
    expect(await listDeletedCases(db)).toEqual([]);
    expect((await listCases(db)).map((c) => c.id).sort()).toEqual([keptId, doomedId].sort());
  });

  it('purges only a deleted case: its records, audit and unshared bytes go; the other case is untouched', async () => {
    const { db, keptId, doomedId } = await twoCases();
    expect(await purgeCase(db, doomedId)).toEqual({ ok: false, issues: [{ path: 'id', code: 'case_not_deleted' }] });
    await deleteCase(db, doomedId);
    await setLastOpenedCaseId(db, doomedId);
    expect(await db.blobs.count()).toBe(2);

    expect((await purgeCase(db, doomedId)).ok).toBe(true);
    expect(await db.cases.get(doomedId)).toBeUndefined();
    expect(await db.persons.where('caseId').equals(doomedId).count()).toBe(0);
    expect(await db.attachments.where('caseId').equals(doomedId).count()).toBe(0);
    expect(await db.audit.filter((e) => e.caseId === doomedId).count()).toBe(0);
    // The scan is shared by hash with the other case and stays; the other file goes.
    expect(await db.blobs.count()).toBe(1);
    expect(await db.persons.where('caseId').equals(keptId).count()).toBe(1);
    expect(await db.audit.filter((e) => e.caseId === keptId).count()).toBeGreaterThan(0);
    expect(await getSetting(db, 'lastCaseId')).toBeNull();
    expect(await listDeletedCases(db)).toEqual([]);
  });
});
