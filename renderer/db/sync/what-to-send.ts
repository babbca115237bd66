import { auditOfSelection, selectPeople, selectPeopleUpTo } from '../../../shared/bundle/selection';
import type { BundleManifest } from '../../../shared/bundle/manifest';
import { CASE_TABLE_NAMES, emptySnapshot, type AuditEntry, type CaseSnapshot, type CaseTableName, type Marking } from '../../../shared/model';
import type { WithheldCounts } from '../../../shared/release';
import type { CaseRecord } from '../../../shared/merge/merge-record';
import type { VigiaDatabase } from '../database';
import { getWorkstation } from '../settings';
import { loadArrivals, type Arrival } from './arrivals';
import { receivedSinceSend, type ReceivedSinceSend } from './bundle-log';

/**
 * The sync policy: what a bundle carries, for whom. The bundle worker only runs the job (reads the
 * case, writes and seals the bundle); what goes in it is decided here, beside the tests that pin it
 * (changes-since.test.ts, export-selection.test.ts).
 */

/** What an export asks for: chosen people, the changes since the last bundle sent to a colleague, or the whole case. */
export interface SendRequest {
  caseId: string;
  /** Only these people and what hangs off them (shared/bundle/selection.ts); wins over `since`. */
  personIds?: readonly string[] | undefined;
  /** Only what changed after this clock (the last bundle sent to the recipient, `lastSentTo`). */
  since?: string | undefined;
  /** That send: when, and to whom (fingerprint). */
  sinceSent?: { at: number; to: string } | undefined;
  /** A selection released up to this marking, for a colleague cleared to it (shared/release); only with `personIds`. */
  releaseUpTo?: Marking | undefined;
}

/** What a release kept home from a selection, and the marking the bundle then holds. */
export interface SentRelease {
  upTo: Marking;
  withheld: WithheldCounts;
  marking: Marking;
}

/** The chosen people and what hangs off them, or the changes since the last bundle sent to the recipient, or the whole case. */
export async function whatToSend(
  db: VigiaDatabase,
  whole: CaseSnapshot,
  audit: AuditEntry[],
  request: SendRequest,
): Promise<{ scope: BundleManifest['scope']; snapshot: CaseSnapshot; audit: AuditEntry[]; release?: SentRelease }> {
  // A release applies to selections only: never a whole case or its changes sent above the level asked.
  if (request.releaseUpTo && !request.personIds) throw new Error('a release up to a marking applies to a selection of people only');
  if (request.personIds && request.releaseUpTo) {
    const { snapshot, upTo, withheld, marking } = selectPeopleUpTo(whole, request.caseId, request.personIds, request.releaseUpTo);
    // Only the history of the records sent: a withheld record's entries stay home with it.
    return { scope: 'selection', snapshot, audit: auditOfSelection(audit, snapshot), release: { upTo, withheld, marking } };
  }
  if (request.personIds) {
    const { snapshot } = selectPeople(whole, request.personIds);
    return { scope: 'selection', snapshot, audit: auditOfSelection(audit, snapshot) };
  }
  const { since } = request;
  if (since === undefined) return { scope: 'case', snapshot: whole, audit };
  const received = request.sinceSent ? await receivedSinceSend(db, request.sinceSent, [request.caseId]) : { fromOthers: new Set<string>(), fromThem: new Set<string>() };
  const { snapshot, olderSent } = await changedSince(db, whole, audit, since, received);
  // Their history rides along: the receiver adds only the entries it lacks (by id).
  return { scope: 'changes', snapshot, audit: audit.filter((e) => e.hlc > since || olderSent.has(recordKey(e.table, e.recordId))) };
}

const recordKey = (table: string, id: string) => `${table}\u0000${id}`;

/**
 * What a colleague may lack since the last bundle sent to them (`since`, its newest stamp): the
 * records changed after it (a record's `hlc` is its newest field stamp), and, whatever their stamp,
 * those whose current version arrived in a bundle from someone else received after that send (a
 * colleague whose clock runs behind stamps before `since`) or that a later audit entry made here
 * (not for the colleague's own bundle) is about (an import that changed only older fields leaves the stamp and arrival as they
 * were). A version the colleague's own bundle brought stays home. The case record always travels: it
 * names the case and its marking for a colleague's preview. `olderSent`: records sent despite a stamp
 * not after `since`.
 */
async function changedSince(
  db: VigiaDatabase,
  snapshot: CaseSnapshot,
  audit: readonly AuditEntry[],
  since: string,
  received: ReceivedSinceSend,
): Promise<{ snapshot: CaseSnapshot; olderSent: Set<string> }> {
  // Entries made here: those that travelled here keep their author's workstation and stamp.
  const { workstationId } = await getWorkstation(db);
  const madeHere = audit.filter((e) => e.hlc > since && e.workstationId === workstationId && !(e.bundleId && received.fromThem.has(e.bundleId)));
  const touched = new Set(madeHere.map((e) => recordKey(e.table, e.recordId)));
  const records: Array<{ table: CaseTableName; record: CaseRecord }> = [];
  for (const table of CASE_TABLE_NAMES) for (const record of snapshot[table] as CaseRecord[]) records.push({ table, record });
  // One bulk read (a point read per bucket), and none before anything was received.
  const arrivals = received.fromOthers.size + received.fromThem.size > 0 ? await loadArrivals(db, records) : new Map<string, Arrival>();
  const changed = emptySnapshot();
  const olderSent = new Set<string>();
  for (const { table, record } of records) {
    const key = recordKey(table, record.id);
    const arrival = arrivals.get(record.id);
    const theirs = arrival !== undefined && arrival.hlc === record.hlc && received.fromThem.has(arrival.bundleId);
    const late = arrival !== undefined && received.fromOthers.has(arrival.bundleId);
    const send = table === 'cases' || touched.has(key) || late || (record.hlc > since && !theirs);
    if (!send) continue;
    (changed[table] as CaseRecord[]).push(record);
    if (record.hlc <= since) olderSent.add(key);
  }
  return { snapshot: changed, olderSent };
}

