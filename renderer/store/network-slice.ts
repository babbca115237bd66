import type { StateCreator } from 'zustand';
import { DEFAULT_FILTERS, type NetworkFilters } from '../../shared/network/filters';
import { DEFAULT_STYLING, type NetworkStyling } from '../network-model/styling';
import type { NetworkViewKind } from '../network-model/view-kinds';
import type { UiState } from './ui-store';

/**
 * How the analyst is looking at the case's network. UI state only; the case stays in Dexie. The
 * analytics' results (metric, communities) come from the analysis slice.
 */
export interface NetworkSlice {
  /** Undefined: the view the case's size allows (grouped people, or prisons for large cases). */
  networkView: NetworkViewKind | undefined;
  networkFilters: NetworkFilters;
  networkStyling: NetworkStyling;
  /** Node ids of the prison level's prisons opened into their people. */
  expandedPrisonNodes: string[];
  /** People whose position the analyst fixed by hand (node id → position). */
  pinnedPositions: Record<string, { x: number; y: number }>;
  setNetworkView(view: NetworkViewKind): void;
  setNetworkFilters(patch: Partial<NetworkFilters>): void;
  resetNetworkFilters(): void;
  setNetworkStyling(patch: Partial<NetworkStyling>): void;
  togglePrisonExpanded(nodeId: string): void;
  collapsePrisons(): void;
  pinPosition(nodeId: string, position: { x: number; y: number } | undefined): void;
  /** Replaces the whole look at once (a saved view), or back to the defaults with no argument. */
  restoreNetworkView(view?: Partial<Pick<NetworkSlice, 'networkView' | 'networkFilters' | 'networkStyling' | 'expandedPrisonNodes' | 'pinnedPositions'>>): void;
}

// Shared empty values, so that resetting an unchanged view changes nothing (and redraws nothing).
const NO_PRISONS: string[] = [];
const NO_PINS: Record<string, { x: number; y: number }> = {};

export const createNetworkSlice: StateCreator<UiState, [], [], NetworkSlice> = (set) => ({
  networkView: undefined,
  networkFilters: DEFAULT_FILTERS,
  networkStyling: DEFAULT_STYLING,
  expandedPrisonNodes: NO_PRISONS,
  pinnedPositions: NO_PINS,
  setNetworkView: (networkView) => set({ networkView }),
  setNetworkFilters: (patch) => set((s) => ({ networkFilters: { ...s.networkFilters, ...patch } })),
  resetNetworkFilters: () => set({ networkFilters: DEFAULT_FILTERS }),
  setNetworkStyling: (patch) => set((s) => ({ networkStyling: { ...s.networkStyling, ...patch } })),
  togglePrisonExpanded: (nodeId) =>
    set((s) => ({
      expandedPrisonNodes: s.expandedPrisonNodes.includes(nodeId)
        ? s.expandedPrisonNodes.filter((id) => id !== nodeId)
        : [...s.expandedPrisonNodes, nodeId],
    })),
  collapsePrisons: () => set({ expandedPrisonNodes: NO_PRISONS }),
  pinPosition: (nodeId, position) =>
    set((s) => {
      const pinnedPositions = { ...s.pinnedPositions };
      if (position) pinnedPositions[nodeId] = position;
      else delete pinnedPositions[nodeId];
      return { pinnedPositions };
    }),
  restoreNetworkView: (view = {}) =>
    set({
      networkView: view.networkView,
      networkFilters: view.networkFilters ?? DEFAULT_FILTERS,
      networkStyling: view.networkStyling ?? DEFAULT_STYLING,
      expandedPrisonNodes: view.expandedPrisonNodes ?? NO_PRISONS,
      pinnedPositions: view.pinnedPositions ?? NO_PINS,
    }),
});
