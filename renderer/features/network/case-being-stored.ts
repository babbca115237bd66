import { useSyncExternalStore } from 'react';
import type { CaseNetwork } from '../../db';

/**
 * A new case the window shows while a worker is still writing it: the demo's network is drawn from
 * what the worker generated while the same records are stored (on two cores the two overlap; one
 * after the other they took over a second). Reads of the case wait for the worker's transaction, so
 * nothing half-written is ever read; what is drawn meanwhile is what the worker is writing.
 *
 * Held in memory only between the generation and the end of the storing (a lock reloads the page,
 * which drops it with everything else). Once stored, `stateKey` is the case's state under which the
 * worker cached this network: the page's live read of the case finds that state and keeps this very
 * network, so nothing is drawn twice. When the storing fails the case is dropped and closed.
 */
export interface CaseBeingStored {
  network: CaseNetwork;
  /** Set once the case is stored; '' when it was stored but its network could not be cached. */
  stateKey?: string;
}

let current: CaseBeingStored | undefined;
const listeners = new Set<() => void>();

function publish(next: CaseBeingStored | undefined): void {
  current = next;
  for (const listener of listeners) listener();
}

/** The worker generated `network`; it is now being stored. */
export function showWhileStoring(network: CaseNetwork): void {
  publish({ network });
}

/** The case is stored, its network cached under `stateKey` (undefined: not cached). */
export function markStored(caseId: string, stateKey: string | undefined): void {
  if (current?.network.case.id === caseId) publish({ network: current.network, stateKey: stateKey ?? '' });
}

/** The storing failed (or the case is no longer wanted): nothing of it stays in memory. */
export function dropStoring(caseId: string): void {
  if (current?.network.case.id === caseId) publish(undefined);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The case `caseId` as the worker generated it, while it is being stored or just after; else undefined. */
export function useCaseBeingStored(caseId: string): CaseBeingStored | undefined {
  const value = useSyncExternalStore(subscribe, () => current);
  return value?.network.case.id === caseId ? value : undefined;
}
