import type { Table } from 'dexie';
import { BUNDLE_LIMITS } from '../../../shared/bundle/limits';
import type { CaseTableName } from '../../../shared/model';
import type { VigiaDatabase } from '../database';

/** Who was on the other side of an exchange: the recipients of a sent bundle, the sender of a received one. */
export interface Counterpart {
  name: string;
  fingerprint?: string;
}

/** One bundle this workstation sent or received: what `changes since` and "already imported" read. */
export interface BundleLogEntry {
  /** `sent:<bundleId>` or `received:<bundleId>`: a passphrase bundle can be both on one workstation. */
  id: string;
  bundleId: string;
  direction: 'sent' | 'received';
  caseId: string;
  caseIds: string[];
  at: number;
  counterparts: Counterpart[];
  counts: Partial<Record<CaseTableName, number>>;
  /**
   * Received bundles: the records this bundle brought here for the first time. They have no `create`
   * entry in this workstation's chain, and "the case as known on a date" counts them from `at`.
   */
  addedRecordIds?: string[];
  /** The newest record stamp the bundle carried. */
  clockTo: string | null;
}

export function bundleLogTable(db: VigiaDatabase): Table<BundleLogEntry, string> {
  return db.table('bundleLog');
}

export const logId = (direction: BundleLogEntry['direction'], bundleId: string) => `${direction}:${bundleId}`;

export async function wasReceived(db: VigiaDatabase, bundleId: string): Promise<boolean> {
  return (await bundleLogTable(db).get(logId('received', bundleId))) !== undefined;
}

export async function recordSentBundle(db: VigiaDatabase, entry: Omit<BundleLogEntry, 'id' | 'direction'>): Promise<void> {
  await bundleLogTable(db).put({ ...entry, id: logId('sent', entry.bundleId), direction: 'sent' });
}

/** A case's exchanges, newest first. */
export async function listCaseBundles(db: VigiaDatabase, caseId: string): Promise<BundleLogEntry[]> {
  const entries = await bundleLogTable(db).where('caseId').equals(caseId).toArray();
  return entries.sort((a, b) => b.at - a.at);
}

/**
 * The newest record stamp this workstation and the sender of a bundle are known to share for these
 * cases: the latest whole-case or changes bundle sent to or received from their `fingerprint`, or
 * sent here to anyone (a passphrase names no one) and listed by their bundle as received there
 * (`theirReceived`, the manifest's `receivedBundles`). A field changed on both sides after it is a
 * conflict; one changed only on their side is simply newer. Undefined before a first exchange.
 */
export async function lastExchangeClock(
  db: VigiaDatabase,
  fingerprint: string | undefined,
  caseIds: readonly string[],
  theirReceived: readonly string[] = [],
): Promise<string | undefined> {
  const acknowledged = new Set(theirReceived);
  if (!fingerprint && acknowledged.size === 0) return undefined;
  const entries = await bundleLogTable(db).where('caseId').anyOf([...caseIds]).toArray();
  let latest: string | undefined;
  for (const e of entries) {
    const withThem = fingerprint !== undefined && e.counterparts.some((c) => c.fingerprint === fingerprint);
    const arrivedThere = e.direction === 'sent' && acknowledged.has(e.bundleId);
    if (!e.clockTo || !(withThem || arrivedThere)) continue;
    if (!latest || e.clockTo > latest) latest = e.clockTo;
  }
  return latest;
}

/**
 * The bundles this workstation imported for these cases, newest first, as many as a manifest may
 * list: what an outgoing bundle's `receivedBundles` tells its reader.
 */
export async function receivedBundleIds(db: VigiaDatabase, caseIds: readonly string[]): Promise<string[]> {
  const entries = await bundleLogTable(db).where('caseId').anyOf([...caseIds]).toArray();
  const ids = new Set(
    entries
      .filter((e) => e.direction === 'received')
      .sort((a, b) => b.at - a.at)
      .map((e) => e.bundleId),
  );
  return [...ids].slice(0, BUNDLE_LIMITS.maxReceivedBundles);
}

/** The bundle a "changes since" export to a colleague starts from: its newest record stamp and when it was sent. */
export interface SendAnchor {
  clock: string;
  at: number;
}

/**
 * The last whole-case or changes bundle this workstation SENT to `fingerprint` for these cases, or
 * undefined before a first one. Never a received bundle: work done here before a received bundle
 * whose sender's clock ran ahead would sort before its stamp and never be sent. Selections are
 * logged without a clock and do not count.
 */
export async function lastSentTo(db: VigiaDatabase, fingerprint: string | undefined, caseIds: readonly string[]): Promise<SendAnchor | undefined> {
  if (!fingerprint) return undefined;
  const entries = await bundleLogTable(db).where('caseId').anyOf([...caseIds]).toArray();
  let latest: SendAnchor | undefined;
  for (const e of entries) {
    if (e.direction !== 'sent' || !e.clockTo || !e.counterparts.some((c) => c.fingerprint === fingerprint)) continue;
    if (!latest || e.at > latest.at) latest = { clock: e.clockTo, at: e.at };
  }
  return latest;
}

/** Received bundles, as a "changes since" export to one colleague sorts them. */
export interface ReceivedSinceSend {
  /** Received after that send from anyone else: what they brought may not have reached the colleague, whatever its stamps. */
  fromOthers: Set<string>;
  /** Sent by the colleague (at any time): a version they brought is one they already have. */
  fromThem: Set<string>;
}

export async function receivedSinceSend(db: VigiaDatabase, anchor: { at: number; to: string }, caseIds: readonly string[]): Promise<ReceivedSinceSend> {
  const entries = await bundleLogTable(db).where('caseId').anyOf([...caseIds]).toArray();
  const sorted: ReceivedSinceSend = { fromOthers: new Set(), fromThem: new Set() };
  for (const e of entries) {
    if (e.direction !== 'received') continue;
    if (e.counterparts.some((c) => c.fingerprint === anchor.to)) sorted.fromThem.add(e.bundleId);
    // `>=`: a bundle imported in the same millisecond as the send counts as after it (sending more is harmless).
    else if (e.at >= anchor.at) sorted.fromOthers.add(e.bundleId);
  }
  return sorted;
}
