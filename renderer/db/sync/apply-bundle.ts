import type { BundleManifest } from '../../../shared/bundle/manifest';
import { canonicalJson, definedFields } from '../../../shared/json';
import { mergeWrites, localRecordsOf, planMerge, type MergePlan, type RecordChange } from '../../../shared/merge';
import { CASE_TABLE_NAMES, type AuditEntry, type CaseSnapshot } from '../../../shared/model';
import { appendAudit } from '../audit-log';
import { signChange } from '../author';
import { observeStamps } from '../clock';
import type { VigiaDatabase } from '../database';
import { getWorkstation } from '../settings';
import { arrivalsTable, recordArrivals } from './arrivals';
import { bundleLogTable, lastExchangeClock, logId, wasReceived, type Counterpart } from './bundle-log';
import { loadCaseRecords } from './case-contents';
import { summarizePlan } from './plan-summary';
import { stagedBlobToStore } from '../vault/blob-cipher';
import type { StoredBlob } from '../local-records';
import { caseIdOf } from '../../../shared/model';
import type { DamagedReason, DamagedRecordError } from '../../../shared/vault/record-cipher';
import { damagedRecordId, damagedRecords, type DamagedRecord } from '../vault/damaged-records';
import { replaceDamagedIn } from '../vault/encryption-middleware';

/** A bundle that was decrypted, verified and staged (in the worker): nothing of it is written yet. */
export interface StagedBundle {
  manifest: BundleManifest;
  snapshot: CaseSnapshot;
  audit: AuditEntry[];
  /**
   * Verified attachment bytes by SHA-256, as Blobs: slices of the worker's staged plaintext, which the
   * browser keeps in its blob store, so they never sit in the page's memory and are stored as they are.
   */
  attachments: Map<string, Blob>;
}

export interface BundlePreview {
  /** This workstation already applied this bundle: applying again would change nothing. */
  alreadyImported: boolean;
  plan: MergePlan;
}

export type ApplyReport =
  | { alreadyImported: true }
  | {
      alreadyImported: false;
      caseIds: string[];
      summary: ReturnType<typeof summarizePlan>;
      auditEntriesAdded: number;
      /** Records whose stamps lay more than a day ahead of this machine's clock (not folded into it). */
      futureStamps: number;
      /** Damaged records here (their stored bytes did not open) that the bundle's copies replaced, by table and key. */
      repaired: DamagedRecord[];
    };

/**
 * What importing would do to the local records of the bundle's cases; reads only. Conflicts are
 * counted from the last exchange with this sender (see `lastExchangeClock`).
 */
export async function previewBundle(db: VigiaDatabase, staged: StagedBundle, sender: Counterpart): Promise<BundlePreview> {
  const local = await loadCaseRecords(db, staged.manifest.caseIds);
  const since = await lastExchangeClock(db, sender.fingerprint, staged.manifest.caseIds, staged.manifest.receivedBundles);
  return {
    alreadyImported: await wasReceived(db, staged.manifest.bundleId),
    plan: planMerge(localRecordsOf(local), staged.snapshot, since ? { since } : {}),
  };
}

/**
 * Applies a staged bundle in ONE `rw` transaction, all or nothing. The plan is made again inside it
 * from the records as they are now (the analyst may have edited since the preview); nothing but
 * Dexie is awaited, because the bundle was decrypted and checked before. What it writes: the merged
 * records; the audit entries that travelled, as they were sent (their hashes cover them, so they keep
 * their own chains); the attachment bytes; one `update`/`delete` audit entry per record the bundle
 * changed here (its `before` keeps the local value that lost, with the bundle's id); one `import`
 * entry per case; the bundle as the arrival of every record it created or whose newest change it
 * brought (what "last changed … through bundle" reads); and the bundle in the log, so that a second
 * import says so and changes nothing.
 */
export async function applyBundle(db: VigiaDatabase, staged: StagedBundle, sender: Counterpart): Promise<ApplyReport> {
  const { manifest } = staged;
  const scope = [...CASE_TABLE_NAMES.map((t) => db.table(t)), db.audit, db.settings, db.blobs, bundleLogTable(db), arrivalsTable(db)];
  // Attachment bytes are read and sealed before the transaction: inside it only IndexedDB is awaited.
  const blobs = await blobsToStore(db, staged);
  const report = await db.transaction('rw', scope, async (tx): Promise<ApplyReport> => {
    if (await wasReceived(db, manifest.bundleId)) return { alreadyImported: true };

    // A damaged record here is read as absent, so the bundle's copy of it is merged as new and
    // replaces it (in a window's database, which reports damage; a strict one fails as before).
    const leftOut = replaceDamagedIn(tx.idbtrans, CASE_TABLE_NAMES);
    const local = await loadCaseRecords(db, manifest.caseIds);
    const since = await lastExchangeClock(db, sender.fingerprint, manifest.caseIds, manifest.receivedBundles);
    const plan = planMerge(localRecordsOf(local), staged.snapshot, since ? { since } : {});
    for (const { table, records } of mergeWrites(plan)) await db.caseTable(table).bulkPut(records as never[]);
    await recordArrivals(db, manifest.bundleId, arrivedVersions(plan));

    const auditEntriesAdded = await addTravelledAudit(db, staged.audit);
    await addAttachmentBytes(db, blobs);

    const { workstationId } = await getWorkstation(db);
    const { refused } = await observeStamps(db, workstationId, allStamps(staged.snapshot));
    const importer = await signChange(db);
    for (const change of [...plan.changed, ...plan.deleted]) {
      const fields = change.fields.map((f) => f.field);
      await appendAudit(db, importer, {
        caseId: caseIdOf(change.table, change.after),
        action: plan.deleted.includes(change) ? 'delete' : 'update',
        table: change.table,
        recordId: change.id,
        before: definedFields(change.before, fields),
        after: definedFields(change.after, fields),
        bundleId: manifest.bundleId,
      });
    }
    const repaired = replacedDamaged(leftOut, plan);
    for (const { table, record } of repaired) {
      // Journalled as an update from the bundle whose `before` says only that nothing readable was
      // here (History shows it so, AuditEntryView.tsx), and whose `after` is the record written.
      await appendAudit(db, importer, {
        caseId: caseIdOf(table, record),
        action: 'update',
        table,
        recordId: record.id,
        before: { damaged: true },
        after: record,
        bundleId: manifest.bundleId,
      });
    }
    const summary = summarizePlan(plan);
    for (const caseId of manifest.caseIds) {
      await appendAudit(db, importer, {
        caseId,
        action: 'import',
        table: 'cases',
        recordId: caseId,
        after: { sender: sender.name, fingerprint: sender.fingerprint ?? null, summary, scope: manifest.scope },
        bundleId: manifest.bundleId,
      });
    }
    await bundleLogTable(db).put({
      id: logId('received', manifest.bundleId),
      bundleId: manifest.bundleId,
      direction: 'received',
      caseId: manifest.caseIds[0]!,
      caseIds: manifest.caseIds,
      at: importer.at,
      counterparts: [sender],
      counts: manifest.counts,
      addedRecordIds: plan.new.map(({ record }) => record.id),
      // A selection does not bring this workstation up to date with the sender's case: not an exchange point.
      clockTo: manifest.scope === 'selection' ? null : (manifest.clock?.to ?? null),
    });
    return {
      alreadyImported: false,
      caseIds: manifest.caseIds,
      summary,
      auditEntriesAdded,
      futureStamps: refused,
      repaired: repaired.map(({ table, record, reason }) => ({ table, key: canonicalJson(record.id), reason })),
    };
  });
  // Once written for good: the window stops naming them as damaged.
  if (!report.alreadyImported) for (const record of report.repaired) damagedRecords.forget(record);
  return report;
}

interface Repaired {
  table: RecordChange['table'];
  record: RecordChange['after'];
  reason: DamagedReason;
}

/** The damaged records left out of the merge's read that the bundle brought again: written now, so repaired. */
function replacedDamaged(leftOut: readonly DamagedRecordError[], plan: MergePlan): Repaired[] {
  const reasons = new Map(leftOut.map((damaged) => [damagedRecordId(damaged), damaged.reason]));
  const repaired: Repaired[] = [];
  for (const { table, record } of plan.new) {
    const reason = reasons.get(damagedRecordId({ table, key: canonicalJson(record.id) }));
    if (reason !== undefined) repaired.push({ table, record, reason });
  }
  return repaired;
}

/** Entries already here (this workstation's own, coming back) are left as they are. */
async function addTravelledAudit(db: VigiaDatabase, entries: readonly AuditEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const present = await db.audit.bulkGet(entries.map((e) => e.id));
  const missing = entries.filter((_, i) => present[i] === undefined);
  await db.audit.bulkAdd(missing);
  return missing.length;
}

async function blobsToStore(db: VigiaDatabase, staged: StagedBundle): Promise<StoredBlob[]> {
  const blobs: StoredBlob[] = [];
  for (const [sha256, data] of staged.attachments) {
    if (await db.blobs.get(sha256)) continue;
    const mimeType = staged.snapshot.attachments.find((a) => a.sha256 === sha256)?.mimeType ?? 'application/octet-stream';
    blobs.push(await stagedBlobToStore(db, sha256, data, mimeType));
  }
  return blobs;
}

async function addAttachmentBytes(db: VigiaDatabase, blobs: readonly StoredBlob[]): Promise<void> {
  for (const blob of blobs) if (!(await db.blobs.get(blob.sha256))) await db.blobs.put(blob);
}

/**
 * The records whose current version this bundle brought: every new one, and every one whose newest
 * stamp now comes from the bundle. A change to older fields only leaves the record's last change
 * (and its arrival) as it was.
 */
function arrivedVersions(plan: MergePlan): Array<{ table: RecordChange['table']; record: RecordChange['after'] }> {
  const changed = [...plan.changed, ...plan.deleted].filter((c) => c.after.hlc !== c.before.hlc);
  return [...plan.new, ...changed.map((c) => ({ table: c.table, record: c.after }))];
}

function* allStamps(snapshot: CaseSnapshot): Iterable<string> {
  for (const table of CASE_TABLE_NAMES) for (const record of snapshot[table]) yield record.hlc;
}
