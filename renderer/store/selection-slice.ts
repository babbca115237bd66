import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** The person the analyst is looking at, and whether their panel is open. */
export interface SelectionSlice {
  selectedPersonId: string | undefined;
  personPanelOpen: boolean;
  /** Bumped on every explicit selection so the network centres the node again even if unchanged. */
  focusRequest: number;
  /** `centre: false` when the analyst clicked the node itself: the view is already where they look. */
  selectPerson(personId: string, options?: { centre?: boolean }): void;
  closePersonPanel(): void;
}

export const createSelectionSlice: StateCreator<UiState, [], [], SelectionSlice> = (set) => ({
  selectedPersonId: undefined,
  personPanelOpen: false,
  focusRequest: 0,
  selectPerson: (personId, options) =>
    set((state) => ({
      selectedPersonId: personId,
      personPanelOpen: true,
      focusRequest: options?.centre === false ? state.focusRequest : state.focusRequest + 1,
    })),
  closePersonPanel: () => set({ personPanelOpen: false }),
});
