import type { Table } from 'dexie';
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
 * The newest record stamp this workstation and `fingerprint` are known to share for these cases:
 * the latest bundle sent to or received from them. A field changed on both sides after it is a
 * conflict; one changed only on their side is simply newer. Undefined before a first exchange.
 */
export async function lastExchangeClock(db: VigiaDatabase, fingerprint: string | undefined, caseIds: readonly string[]): Promise<string | undefined> {
  if (!fingerprint) return undefined;
  const entries = await bundleLogTable(db).where('caseId').anyOf([...caseIds]).toArray();
  let latest: string | undefined;
  for (const e of entries) {
    if (!e.clockTo || !e.counterparts.some((c) => c.fingerprint === fingerprint)) continue;
    if (!latest || e.clockTo > latest) latest = e.clockTo;
  }
  return latest;
}
