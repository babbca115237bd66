import { stampOf } from '../../../shared/merge/merge-record';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit';
import { GENESIS_HASH, parseStamp } from '../../../shared/model';
import { loadRecordHistory } from '../queries/audit';
import { setAnalystName, getWorkstation } from '../settings';
import { dumpDatabase, freshDatabase } from '../test-support';
import { createCase } from './cases';
import { createPerson, deletePerson, updatePerson } from './persons';

async function caseWithAnalyst() {
  let now = 1_750_000_000_000;
  const db = await freshDatabase({ now: () => now });
  await setAnalystName(db, 'Ana Ruiz');
  const created = await createCase(db, { name: 'Frente de cárceles', marking: 'RESERVADO' });
  if (!created.ok) throw new Error('case not created');
  return { db, caseId: created.value.id, advance: (ms: number) => (now += ms) };
}

describe('persons repository', () => {
  it('creates a person with bookkeeping, and a create audit entry naming the analyst', async () => {
    const { db, caseId } = await caseWithAnalyst();
    const { workstationId } = await getWorkstation(db);
    const result = await createPerson(db, caseId, { primaryName: 'Abu Musa', role: 'leader' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await db.persons.get(result.value.id);
    expect(stored).toEqual(result.value);
    expect(stored).toMatchObject({ primaryName: 'Abu Musa', role: 'leader', caseId, deleted: 0, updatedBy: workstationId, fieldClocks: {} });
    expect(parseStamp(stored!.hlc)?.node).toBe(workstationId);

    const [entry] = await loadRecordHistory(db, result.value.id);
    expect(entry).toMatchObject({ action: 'create', table: 'persons', analyst: 'Ana Ruiz', workstationId, caseId, hlc: stored!.hlc });
    expect(entry!.after).toEqual(stored);
    // The case's creation came first on this workstation's chain.
    expect(entry!.seq).toBe(2);
    expect(entry!.prevHash).not.toBe(GENESIS_HASH);
  });

  it('updates only what changed: changed fields stamped now, the others keep their older stamp, before and after in the audit', async () => {
    const { db, caseId, advance } = await caseWithAnalyst();
    const created = await createPerson(db, caseId, { primaryName: 'Abu Musa', notes: 'first' });
    if (!created.ok) throw new Error('not created');
    advance(1000);
    const updated = await updatePerson(db, created.value.id, { primaryName: 'Abu Musa al-Maghribi', notes: 'first', realName: 'Karim B.' });
    expect(updated.ok).toBe(true);
    if (!updated.ok) return;
    const stamp = (field: string) => stampOf(updated.value, field);
    expect(stamp('primaryName')).toBe(updated.value.hlc);
    expect(stamp('realName')).toBe(updated.value.hlc);
    expect(stamp('notes')).toBe(created.value.hlc);
    expect(stamp('role')).toBe(created.value.hlc);
    expect(updated.value.hlc > created.value.hlc).toBe(true);
    expect(updated.value.createdAt).toBe(created.value.createdAt);
    expect(updated.value.updatedAt).toBe(created.value.updatedAt + 1000);

    const history = await loadRecordHistory(db, created.value.id);
    expect(history.map((e) => e.action)).toEqual(['create', 'update']);
    expect(history[1]!.before).toEqual({ primaryName: 'Abu Musa' });
    expect(history[1]!.after).toEqual({ primaryName: 'Abu Musa al-Maghribi', realName: 'Karim B.' });
  });

  it('writes nothing for a patch that changes nothing', async () => {
    const { db, caseId } = await caseWithAnalyst();
    const created = await createPerson(db, caseId, { primaryName: 'Abu Musa' });
    if (!created.ok) throw new Error('not created');
    const before = await dumpDatabase(db);
    const result = await updatePerson(db, created.value.id, { primaryName: 'Abu Musa' });
    expect(result).toEqual({ ok: true, value: created.value });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('clears an optional field given as undefined', async () => {
    const { db, caseId } = await caseWithAnalyst();
    const created = await createPerson(db, caseId, { primaryName: 'Abu Musa', realName: 'Karim B.' });
    if (!created.ok) throw new Error('not created');
    const result = await updatePerson(db, created.value.id, { realName: undefined });
    expect(result.ok && 'realName' in result.value).toBe(false);
    expect(await db.persons.get(created.value.id)).not.toHaveProperty('realName');
  });

  it('deletes by tombstone: the record stays, marked deleted, with a delete audit entry', async () => {
    const { db, caseId } = await caseWithAnalyst();
    const created = await createPerson(db, caseId, { primaryName: 'Abu Musa' });
    if (!created.ok) throw new Error('not created');
    const deleted = await deletePerson(db, created.value.id);
    expect(deleted.ok).toBe(true);
    const stored = await db.persons.get(created.value.id);
    expect(stored).toMatchObject({ deleted: 1, primaryName: 'Abu Musa' });
    // Only the tombstone is newer; every other field keeps the stamp of its last real change.
    expect(stampOf(stored!, 'deleted')).toBe(stored!.hlc);
    expect(stampOf(stored!, 'primaryName')).toBe(created.value.hlc);
    const history = await loadRecordHistory(db, created.value.id);
    expect(history.at(-1)).toMatchObject({ action: 'delete', before: { deleted: 0 }, after: { deleted: 1 } });
    expect(await updatePerson(db, created.value.id, { notes: 'x' })).toEqual({
      ok: false,
      issues: [{ path: 'id', code: 'record_deleted' }],
    });
  });

  it('chains every change of the workstation into one verifiable hash chain per case', async () => {
    const { db, caseId } = await caseWithAnalyst();
    const created = await createPerson(db, caseId, { primaryName: 'A' });
    if (!created.ok) throw new Error('not created');
    await updatePerson(db, created.value.id, { primaryName: 'B' });
    await deletePerson(db, created.value.id);
    const chain = await db.audit.filter((e) => e.caseId === caseId).toArray();
    expect(chain.map((e) => e.seq).sort()).toEqual([1, 2, 3, 4]);
    expect(verifyAuditChain(chain)).toEqual({ ok: true, count: 4 });
  });

  it('refuses an empty name and writes nothing', async () => {
    const { db, caseId } = await caseWithAnalyst();
    const before = await dumpDatabase(db);
    const result = await createPerson(db, caseId, { primaryName: '   ' });
    expect(result).toEqual({ ok: false, issues: [{ path: 'primaryName', code: 'empty_name' }] });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('refuses a person in a case that does not exist', async () => {
    const { db } = await caseWithAnalyst();
    const before = await dumpDatabase(db);
    const result = await createPerson(db, 'case:missing', { primaryName: 'Abu Musa' });
    expect(result).toEqual({ ok: false, issues: [{ path: 'caseId', code: 'missing_case' }] });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});
