import { describe, expect, it } from 'vitest';
import { chainEntry, type AuditFields } from '../../../shared/audit';
import type { AuditEntry } from '../../../shared/model';
import { getWorkstation } from '../settings';
import { freshDatabase } from '../test-support';
import { loadChangesBetween } from './changes';

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00`).getTime();

function chain(workstationId: string, changes: (Pick<AuditFields, 'action' | 'recordId' | 'before' | 'after' | 'at' | 'table'> & { bundleId?: string })[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const c of changes)
    entries.push(chainEntry(entries.at(-1), { id: `audit:${workstationId}:${entries.length + 1}`, caseId: 'case:1', hlc: `${String(c.at).padStart(13, '0')}-0000-${workstationId}`, analyst: workstationId, workstationId, ...c }));
  return entries;
}

describe('what changed between two days, read from the journal', () => {
  it("counts a bundle's change from when it was applied here and shows the colleague's own date beside it", async () => {
    const db = await freshDatabase();
    const { workstationId } = await getWorkstation(db);
    const theirs = chain('ws-colleague', [
      { action: 'update', table: 'persons', recordId: 'person:1', before: { primaryName: 'Karim' }, after: { primaryName: 'Karim Benali' }, at: at('2026-06-01') },
    ]);
    const mine = chain(workstationId, [
      { action: 'create', table: 'persons', recordId: 'person:1', after: { id: 'person:1', primaryName: 'Karim' }, at: at('2026-05-20') },
      { action: 'update', table: 'persons', recordId: 'person:1', before: { primaryName: 'Karim' }, after: { primaryName: 'Karim Benali' }, at: at('2026-06-05'), bundleId: 'bundle-1' },
    ]);
    await db.audit.bulkAdd([...theirs, ...mine]);

    // The colleague renamed him on 1 June; it arrived here on 5 June: it counts from the 5th.
    const before = await loadChangesBetween(db, 'case:1', '2026-05-30', '2026-06-03');
    expect(before).toEqual({ ok: true, changes: [] });
    const after = await loadChangesBetween(db, 'case:1', '2026-06-03', '2026-06-06');
    expect(after.ok && after.changes).toEqual([
      expect.objectContaining({ recordId: 'person:1', kind: 'changed', theirDates: { [mine[1]!.id]: at('2026-06-01') } }),
    ]);
  });

  it('refuses to read changes from a broken chain, and says which and where', async () => {
    const db = await freshDatabase();
    const { workstationId } = await getWorkstation(db);
    const mine = chain(workstationId, [
      { action: 'create', table: 'persons', recordId: 'person:1', after: { primaryName: 'Karim' }, at: at('2026-05-20') },
      { action: 'update', table: 'persons', recordId: 'person:1', before: { primaryName: 'Karim' }, after: { primaryName: 'K.' }, at: at('2026-05-21') },
    ]);
    mine[1] = { ...mine[1]!, after: { primaryName: 'Otro' } };
    await db.audit.bulkAdd(mine);
    expect(await loadChangesBetween(db, 'case:1', '2026-05-01', '2026-06-01')).toEqual({ ok: false, workstationId, brokenAt: 2 });
  });
});
