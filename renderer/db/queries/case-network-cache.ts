import type { VigiaDatabase } from '../database';
import type { CachedLayout } from '../local-records';
import type { CaseNetwork } from './case-network';
import { networkFromStored, storedNetwork } from './stored-network';

/**
 * A case's network (CaseNetwork: its people's names, roles and monitoring, its links, who is held
 * where), cached beside its layouts (`layouts` row, view id `case-network`) under the case's
 * state (caseStateKey): a reload reads one row instead of every person, link, stay and sentence.
 * Derived from the case and deleted with it (case-lifecycle.ts purges a case's layouts); never
 * handed out once the case has changed. Written by the case network worker (large cases), the demo
 * worker and the page (small cases, use-small-case-network.ts). Stored as columns (stored-network.ts).
 */
export const NETWORK_VIEW_ID = 'case-network';

type CachedNetworkRow = CachedLayout & { network: unknown };

/** The cached network of the case when it was read in the same state, else undefined. */
export async function getCachedNetwork(db: VigiaDatabase, caseId: string, stateKey: string): Promise<CaseNetwork | undefined> {
  const row = (await db.layouts.get([caseId, NETWORK_VIEW_ID])) as Partial<CachedNetworkRow> | undefined;
  if (!row || row.inputKey !== stateKey) return undefined;
  return networkFromStored(row.network);
}

/** Keeps the newest network of the case (read in state `stateKey`), replacing the previous one. */
export async function putCachedNetwork(db: VigiaDatabase, caseId: string, stateKey: string, network: CaseNetwork): Promise<void> {
  const row: CachedNetworkRow = { caseId, viewId: NETWORK_VIEW_ID, inputKey: stateKey, positions: {}, computedAt: db.now(), network: storedNetwork(network) };
  await db.layouts.put(row);
}
