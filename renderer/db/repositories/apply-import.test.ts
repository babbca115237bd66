import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../shared/import/plan';
import { readSpec } from '../../../shared/import/spec';
import { readWorkbook } from '../../../shared/import/read-workbook';
import type { ExistingCase } from '../../../shared/import/plan-types';
import { emptySnapshot } from '../../../shared/model';
import { importSnapshot } from '..';
import { loadCaseAudit, loadCaseRecords } from '../sync/case-contents';
import { dumpDatabase, freshDatabase, meta } from '../test-support';
import { undoAction } from '../undo';
import type { VigiaDatabase } from '../database';
import { applyImport } from './apply-import';

const CASE_ID = 'case:import';
const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../../test/fixtures/import', name)));

async function caseDatabase(): Promise<VigiaDatabase> {
  const db = await freshDatabase();
  const snapshot = emptySnapshot();
  snapshot.cases.push({ ...meta(CASE_ID, CASE_ID), name: 'Listas', description: '', unit: '', openedOn: '2026-01-01', marking: 'RESERVADO', archived: false, synthetic: false });
  await importSnapshot(db, snapshot);
  return db;
}

async function plan(db: VigiaDatabase) {
  const spec = readSpec(new TextDecoder().decode(fixture('internos-y-comunicaciones.spec.json')));
  if (!spec.ok) throw new Error('spec');
  const files = ['internos.xlsx', 'comunicaciones.csv'].map((name, i) => {
    const read = readWorkbook(fixture(name), name);
    if (!read.ok) throw new Error(name);
    return { workbook: read.workbook, sha256: String(i + 1).repeat(64) };
  });
  const existing: ExistingCase = { caseId: CASE_ID, ...(await loadCaseRecords(db, [CASE_ID])) };
  return planImport(spec.spec, files, existing);
}

describe('applying an import', () => {
  it('writes everything as one undoable action, each record audited with the rows it came from', async () => {
    const db = await caseDatabase();
    const progress: number[] = [];
    const outcome = await applyImport(db, CASE_ID, await plan(db), (done) => progress.push(done), () => false);
    expect(outcome).toMatchObject({ ok: true, written: 19 });
    expect(progress.at(-1)).toBe(19);
    const youssef = (await db.persons.toArray()).find((p) => p.primaryName === 'Youssef El Amrani')!;
    const audit = await loadCaseAudit(db, CASE_ID);
    expect(audit.find((e) => e.recordId === youssef.id)?.importedFrom).toEqual([
      { file: 'internos.xlsx', sha256: '1'.repeat(64), sheet: 'internos', row: 2 },
      { file: 'internos.xlsx', sha256: '1'.repeat(64), sheet: 'internos', row: 6 },
    ]);

    // One undo takes the whole import back; importing again restores what the undo tombstoned.
    if (!outcome.ok || !('action' in outcome) || !outcome.action) throw new Error('no action');
    expect((await undoAction(db, outcome.action)).ok).toBe(true);
    expect((await db.persons.toArray()).every((p) => p.deleted === 1)).toBe(true);
    const again = await applyImport(db, CASE_ID, await plan(db), () => undefined, () => false);
    expect(again.ok).toBe(true);
    expect((await db.sources.toArray()).filter((s) => s.deleted === 0)).toHaveLength(2);
    expect((await plan(db)).changes).toEqual([]);
  });

  it('a cancelled import leaves the case exactly as it was', async () => {
    const db = await caseDatabase();
    const before = await dumpDatabase(db);
    let calls = 0;
    const outcome = await applyImport(db, CASE_ID, await plan(db), () => undefined, () => ++calls > 2);
    expect(outcome).toEqual({ ok: false, cancelled: true });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});
