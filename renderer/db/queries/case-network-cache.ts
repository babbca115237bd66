import type { VigiaDatabase } from '../database';
import type { CachedLayout } from '../local-records';
import type { CaseNetwork } from './case-network';

/**
 * A large case's network (CaseNetwork: its people's names, roles and monitoring, its links, who is
 * held where), cached beside its layouts (`layouts` row, view id `case-network`) under the case's
 * state (caseStateKey): a reload reads one row instead of every person, link, stay and sentence.
 * Derived from the case and deleted with it (case-lifecycle.ts purges a case's layouts); never
 * handed out once the case has changed.
 */
export const NETWORK_VIEW_ID = 'case-network';

type CachedNetworkRow = CachedLayout & { network: unknown };

/**
 * The network as the row stores it: its maps as lists of entries, because a row is sealed as JSON
 * (renderer/db/vault), which has no maps.
 */
type StoredNetwork = Omit<CaseNetwork, 'currentPrisonByPerson' | 'releaseByPerson'> & {
  currentPrisonByPerson: [string, string][];
  releaseByPerson: [string, string][];
};

function isStoredNetwork(value: unknown): value is StoredNetwork {
  if (typeof value !== 'object' || value === null) return false;
  const n = value as Partial<Record<keyof StoredNetwork, unknown>>;
  return typeof n.case === 'object' && n.case !== null && Array.isArray(n.persons) && Array.isArray(n.prisons) && Array.isArray(n.links) && isEntries(n.currentPrisonByPerson) && isEntries(n.releaseByPerson);
}

const isEntries = (value: unknown): value is [string, string][] =>
  Array.isArray(value) && value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string');

/** The cached network of the case when it was read in the same state, else undefined. */
export async function getCachedNetwork(db: VigiaDatabase, caseId: string, stateKey: string): Promise<CaseNetwork | undefined> {
  const row = (await db.layouts.get([caseId, NETWORK_VIEW_ID])) as Partial<CachedNetworkRow> | undefined;
  if (!row || row.inputKey !== stateKey || !isStoredNetwork(row.network)) return undefined;
  const stored = row.network;
  return { ...stored, currentPrisonByPerson: new Map(stored.currentPrisonByPerson), releaseByPerson: new Map(stored.releaseByPerson) };
}

/** Keeps the newest network of the case (read in state `stateKey`), replacing the previous one. */
export async function putCachedNetwork(db: VigiaDatabase, caseId: string, stateKey: string, network: CaseNetwork): Promise<void> {
  const stored: StoredNetwork = { ...network, currentPrisonByPerson: [...network.currentPrisonByPerson], releaseByPerson: [...network.releaseByPerson] };
  const row: CachedNetworkRow = { caseId, viewId: NETWORK_VIEW_ID, inputKey: stateKey, positions: {}, computedAt: db.now(), network: stored };
  await db.layouts.put(row);
}
