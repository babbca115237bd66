import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** A link or an event picked on the network or the timeline (it is shown in its person's panel). */
export interface SelectedRecord {
  type: 'link' | 'event';
  id: string;
}

/** The person the analyst is looking at, and whether their panel is open. */
export interface SelectionSlice {
  selectedPersonId: string | undefined;
  /** A link or event picked with the person: the network, the timeline and the panel all show it. */
  selectedRecord: SelectedRecord | undefined;
  personPanelOpen: boolean;
  /** Bumped on every explicit selection so the network centres the node again even if unchanged. */
  focusRequest: number;
  /** `centre: false` when the analyst clicked the node itself: the view is already where they look. */
  selectPerson(personId: string, options?: { centre?: boolean }): void;
  /** Picks a link or an event, and the person whose panel shows it. */
  selectRecord(record: SelectedRecord, personId: string, options?: { centre?: boolean }): void;
  closePersonPanel(): void;
}

export const createSelectionSlice: StateCreator<UiState, [], [], SelectionSlice> = (set) => ({
  selectedPersonId: undefined,
  selectedRecord: undefined,
  personPanelOpen: false,
  focusRequest: 0,
  selectPerson: (personId, options) =>
    set((state) => ({
      selectedPersonId: personId,
      selectedRecord: undefined,
      personPanelOpen: true,
      focusRequest: options?.centre === false ? state.focusRequest : state.focusRequest + 1,
    })),
  selectRecord: (record, personId, options) =>
    set((state) => ({
      selectedPersonId: personId,
      selectedRecord: record,
      personPanelOpen: true,
      focusRequest: options?.centre === false ? state.focusRequest : state.focusRequest + 1,
    })),
  closePersonPanel: () => set({ personPanelOpen: false }),
});
