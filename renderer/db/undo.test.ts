import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../shared/audit';
import { loadRecordHistory } from './queries/audit';
import { createCase } from './repositories/cases';
import { createPerson, deletePerson, updatePerson } from './repositories/persons';
import { createPrison } from './repositories/prisons';
import { createStay, transferStay } from './repositories/stays';
import { dumpDatabase, freshDatabase } from './test-support';
import { recordUndoable, undoAction, type UndoableAction } from './undo';

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result.value;
}

async function openCase() {
  const db = await freshDatabase();
  const caseId = ok(await createCase(db, { name: 'Frente de cárceles', marking: 'RESERVADO' })).id;
  const auditCount = () => db.audit.where('recordId').notEqual('').count();
  const chainOk = async () => verifyAuditChain(await db.audit.filter((e) => e.caseId === caseId).toArray()).ok;
  return { db, caseId, auditCount, chainOk };
}

function actionOf(recorded: { action: UndoableAction | undefined }): UndoableAction {
  if (!recorded.action) throw new Error('nothing was recorded');
  return recorded.action;
}

describe('undo and redo', () => {
  it('undoes a create by a tombstone and redoes it by a restore, each an audited change', async () => {
    const { db, caseId, auditCount, chainOk } = await openCase();
    const created = await recordUndoable(db, caseId, () => createPerson(db, caseId, { primaryName: 'Abu Musa' }));
    const personId = ok(created.result).id;
    const entriesAfterCreate = await auditCount();

    const undone = ok(await undoAction(db, actionOf(created)));
    expect(await db.persons.get(personId)).toMatchObject({ deleted: 1, primaryName: 'Abu Musa' });
    expect(await auditCount()).toBe(entriesAfterCreate + 1);

    ok(await undoAction(db, undone));
    expect(await db.persons.get(personId)).toMatchObject({ deleted: 0, primaryName: 'Abu Musa' });
    expect((await loadRecordHistory(db, personId)).map((e) => e.action)).toEqual(['create', 'delete', 'restore']);
    expect(await chainOk()).toBe(true);
  });

  it('undoes an update of two fields: both come back, a field the action added is cleared, redo puts them again', async () => {
    const { db, caseId, auditCount } = await openCase();
    const person = ok(await createPerson(db, caseId, { primaryName: 'Abu Musa', role: 'contact', notes: 'Escribe desde Topas' }));
    const updated = await recordUndoable(db, caseId, () =>
      updatePerson(db, person.id, { primaryName: 'Abu Musa al-Maghribi', role: 'leader', realName: 'Karim B.' }),
    );
    ok(updated.result);
    const before = await auditCount();

    const redo = ok(await undoAction(db, actionOf(updated)));
    const restored = await db.persons.get(person.id);
    expect(restored).toMatchObject({ primaryName: 'Abu Musa', role: 'contact', notes: 'Escribe desde Topas' });
    expect(restored).not.toHaveProperty('realName');
    expect(await auditCount()).toBe(before + 1);
    const [, , undoEntry] = await loadRecordHistory(db, person.id);
    expect(undoEntry).toMatchObject({
      action: 'update',
      before: { primaryName: 'Abu Musa al-Maghribi', role: 'leader', realName: 'Karim B.' },
      after: { primaryName: 'Abu Musa', role: 'contact' },
    });

    ok(await undoAction(db, redo));
    expect(await db.persons.get(person.id)).toMatchObject({ primaryName: 'Abu Musa al-Maghribi', role: 'leader', realName: 'Karim B.' });
    expect(await auditCount()).toBe(before + 2);
  });

  it('undoes a delete by restoring the record as it was', async () => {
    const { db, caseId } = await openCase();
    const person = ok(await createPerson(db, caseId, { primaryName: 'Omar', notes: 'núcleo' }));
    const deleted = await recordUndoable(db, caseId, () => deletePerson(db, person.id));
    ok(await undoAction(db, actionOf(deleted)));
    expect(await db.persons.get(person.id)).toMatchObject({ deleted: 0, primaryName: 'Omar', notes: 'núcleo' });
  });

  it('refuses to undo an update whose field was changed again since, and writes nothing', async () => {
    const { db, caseId } = await openCase();
    const person = ok(await createPerson(db, caseId, { primaryName: 'Omar' }));
    const renamed = await recordUndoable(db, caseId, () => updatePerson(db, person.id, { primaryName: 'Omar B.' }));
    ok(await updatePerson(db, person.id, { primaryName: 'Omar Benali' }));
    const before = await dumpDatabase(db);
    expect(await undoAction(db, actionOf(renamed))).toEqual({ ok: false, issues: [{ path: 'primaryName', code: 'changed_since' }] });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('records nothing for a refused write or for one that changes nothing', async () => {
    const { db, caseId } = await openCase();
    const person = ok(await createPerson(db, caseId, { primaryName: 'Omar' }));
    const before = await dumpDatabase(db);
    const refused = await recordUndoable(db, caseId, () => createPerson(db, caseId, { primaryName: ' ' }));
    expect(refused).toEqual({ result: { ok: false, issues: [{ path: 'primaryName', code: 'empty_name' }] }, action: undefined });
    const same = await recordUndoable(db, caseId, () => updatePerson(db, person.id, { primaryName: 'Omar' }));
    expect(same.action).toBeUndefined();
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('undoes a transfer as one action: the new stay goes, the old one is open again', async () => {
    const { db, caseId } = await openCase();
    const person = ok(await createPerson(db, caseId, { primaryName: 'Omar' }));
    const topas = ok(await createPrison(db, caseId, { name: 'Topas' }));
    const alcala = ok(await createPrison(db, caseId, { name: 'Alcalá-Meco' }));
    const first = ok(await createStay(db, caseId, { personId: person.id, prisonId: topas.id, from: '2016-01-01' }));
    const moved = await recordUndoable(db, caseId, () =>
      transferStay(db, caseId, { personId: person.id, prisonId: alcala.id, date: '2018-03-01' }),
    );
    const next = ok(moved.result);
    expect(actionOf(moved).entryIds).toHaveLength(2);

    ok(await undoAction(db, actionOf(moved)));
    expect(await db.stays.get(first.id)).not.toHaveProperty('to');
    expect(await db.stays.get(next.id)).toMatchObject({ deleted: 1 });
  });
});
