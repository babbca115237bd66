import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { VigiaDatabase } from '../database';
import type { CachedLayout } from '../local-records';
import type { CaseNetwork } from './case-network';
import { networkFromStored, storedNetwork } from './stored-network';
import { DamagedRecordError } from '../../../shared/vault';
import { damagedRecords } from '../vault/damaged-records';
import { LARGE_VALUE_FORMAT, openLargeValue, sealLargeValue } from '../vault/large-value-cipher';

/**
 * A case's network (CaseNetwork: its people's names, roles and monitoring, its links, who is held
 * where), cached beside its layouts (`layouts` row, view id `case-network`) under the case's
 * state (caseStateKey): a reload reads one row instead of every person, link, stay and sentence.
 * Derived from the case and deleted with it (case-lifecycle.ts purges a case's layouts); never
 * handed out once the case has changed. Written by the case network worker (large cases), the demo
 * worker and the page (small cases, use-small-case-network.ts). Stored as columns (stored-network.ts).
 */
export const NETWORK_VIEW_ID = 'case-network';

/**
 * In a sealed database, `network` is the stored network sealed under its own key (large-value-cipher.ts),
 * kept beside the row's sealed part (`selfSealedFields` in sealed-tables.ts), and `networkKey` that key
 * in hex, inside the sealed part (which holds JSON); in a plain one (tests), `network` is the stored
 * network itself.
 */
type CachedNetworkRow = CachedLayout & { network: unknown; networkKey?: string };

/** The cached network of the case when it was read in the same state, else undefined; DamagedRecordError when it does not open. */
export async function getCachedNetwork(db: VigiaDatabase, caseId: string, stateKey: string): Promise<CaseNetwork | undefined> {
  const row = (await db.layouts.get([caseId, NETWORK_VIEW_ID])) as Partial<CachedNetworkRow> | undefined;
  if (!row || row.inputKey !== stateKey) return undefined;
  if (!db.recordKeys) return networkFromStored(row.network);
  // A row of an earlier build (its network in the sealed part) is not used: made again from the records.
  if (row.networkKey === undefined) return undefined;
  const stored = await openLargeValue(keyBytes(row.networkKey), row.network, boundTo(caseId, stateKey));
  if (stored === undefined) {
    // Reported and refused as a damaged row is by the middleware: its callers then read the records.
    const damaged = new DamagedRecordError('layouts', [caseId, NETWORK_VIEW_ID], 'authentication');
    if (db.reportsDamaged) damagedRecords.add(damaged);
    throw damaged;
  }
  return networkFromStored(stored);
}

/**
 * Whether the case's cached network was made in state `stateKey`, without opening it (the network
 * keeper asks this of every case it looks at). A row whose network then fails to open is damaged,
 * and found so by whoever opens it, which reads the records and caches them again.
 */
export async function hasCachedNetwork(db: VigiaDatabase, caseId: string, stateKey: string): Promise<boolean> {
  const row = (await db.layouts.get([caseId, NETWORK_VIEW_ID])) as Partial<CachedNetworkRow> | undefined;
  return row?.inputKey === stateKey && (!db.recordKeys || row.networkKey !== undefined);
}

/** Keeps the newest network of the case (read in state `stateKey`), replacing the previous one. */
export async function putCachedNetwork(db: VigiaDatabase, caseId: string, stateKey: string, network: CaseNetwork): Promise<void> {
  const row: CachedNetworkRow = { caseId, viewId: NETWORK_VIEW_ID, inputKey: stateKey, positions: {}, computedAt: db.now(), network: storedNetwork(network) };
  if (db.recordKeys) {
    // Sealed before the write, outside its transaction (WebCrypto is asynchronous).
    const { key, sealed } = await sealLargeValue(row.network, boundTo(caseId, stateKey));
    row.network = sealed;
    row.networkKey = bytesToHex(key);
  }
  await db.layouts.put(row);
}

/** The key as sealLargeValue made it (64 hex digits), or undefined: a row that says otherwise is damaged. */
function keyBytes(hex: unknown): Uint8Array | undefined {
  return typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex) ? hexToBytes(hex) : undefined;
}

/** What the sealed network is bound to: its place and the state it was read in. */
const boundTo = (caseId: string, stateKey: string) => JSON.stringify(['vigia.cached-network', LARGE_VALUE_FORMAT, 'layouts', caseId, NETWORK_VIEW_ID, stateKey]);
