import { useMemo } from 'react';
import type { CaseNetwork } from '../../db';

/** person id → primary name, for turning the worker's ids back into what the analyst reads. */
export function usePersonNames(network: Pick<CaseNetwork, 'persons'>): ReadonlyMap<string, string> {
  return useMemo(() => new Map(network.persons.map((p) => [p.id, p.primaryName])), [network.persons]);
}

export function usePrisonNames(network: Pick<CaseNetwork, 'prisons'>): ReadonlyMap<string, string> {
  return useMemo(() => new Map(network.prisons.map((p) => [p.id, p.name])), [network.prisons]);
}
