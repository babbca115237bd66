import Dexie from 'dexie';
import { CASE_TABLE_NAMES, type Case, type Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { CASE_KEYS_TABLE } from '../vault/record-keys';
import { getSetting, setLastOpenedCaseId } from '../settings';
import { arrivalsTable, deleteCaseArrivals } from '../sync/arrivals';
import { deleteCaseImportSpecs, importSpecsTable } from './import-specs';
import { restoreRecord } from '../write';
import { updateCase } from './cases';

/** Archiving keeps the case as it is, out of the way; it can be taken out of the archive at any time. */
export function setCaseArchived(db: VigiaDatabase, caseId: string, archived: boolean): Promise<Validated<Case>> {
  return updateCase(db, caseId, { archived });
}

/** Brings back a deleted (tombstoned) case, with everything in it, as long as it has not been purged. */
export function restoreCase(db: VigiaDatabase, caseId: string): Promise<Validated<Case>> {
  return restoreRecord(db, 'cases', caseId);
}

/**
 * Removes a deleted case from the workstation for good: its records, its audit log, its saved views
 * and layouts, its arrivals (which bundle brought each record), and the attachment bytes no other
 * case uses. The only true removal in Vigía, so it is refused for a case that is not deleted first.
 * One transaction: all of it or none.
 */
export async function purgeCase(db: VigiaDatabase, caseId: string): Promise<Validated<{ caseId: string }>> {
  const scope = [
    ...CASE_TABLE_NAMES.map((table) => db.table(table)),
    ...[db.audit, db.blobs, db.views, db.layouts, db.settings, arrivalsTable(db), importSpecsTable(db), db.table(CASE_KEYS_TABLE)],
  ];
  return db.transaction('rw', scope, async () => {
    const found = await db.cases.get(caseId);
    if (!found) return { ok: false as const, issues: [{ path: 'id', code: 'not_found' }] };
    if (!found.deleted) return { ok: false as const, issues: [{ path: 'id', code: 'case_not_deleted' }] };

    const hashes = new Set((await db.attachments.where('caseId').equals(caseId).toArray()).map((a) => a.sha256));
    for (const table of CASE_TABLE_NAMES) {
      if (table !== 'cases') await db.caseTable(table).where('caseId').equals(caseId).delete();
    }
    await db.cases.delete(caseId);
    await db.audit.where('[caseId+hlc]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete();
    await db.views.where('caseId').equals(caseId).delete();
    await deleteCaseArrivals(db, caseId);
    await deleteCaseImportSpecs(db, caseId);
    await db.layouts.where('[caseId+viewId]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete();
    // Bytes are shared by hash: keep those another case still points at.
    for (const hash of hashes) {
      const stillUsed = await db.attachments.filter((a) => a.sha256 === hash).count();
      if (stillUsed === 0) await db.blobs.delete(hash);
    }
    if ((await getSetting(db, 'lastCaseId')) === caseId) await setLastOpenedCaseId(db, null);
    // Last, the case's key: any copy of its sealed records left in the disk's free pages, a backup or
    // a copied profile can no longer be opened (docs/security.md).
    await db.table(CASE_KEYS_TABLE).delete(caseId);
    db.recordKeys?.forget(caseId);
    return { ok: true as const, value: { caseId } };
  });
}
