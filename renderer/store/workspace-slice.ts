import type { StateCreator } from 'zustand';
import type { IsoDate } from '../../shared/model';
import type { TimelineGrouping } from '../../shared/timeline/model';
import type { UiState } from './ui-store';

/** What the middle of the case workspace shows: the network or the timeline (both read the same "as of" date). */
export type WorkspacePane = 'network' | 'timeline';

/** How the analyst is looking at the case's middle pane and its timeline. UI state only. */
export interface WorkspaceSlice {
  workspacePane: WorkspacePane;
  timelineGrouping: TimelineGrouping;
  /**
   * The open case is shown as this workstation knew it at the end of this day (read-only), or as it
   * is now when undefined. Cleared when another case opens or the case closes (case-slice.ts).
   */
  knownOn: IsoDate | undefined;
  /** Counts attempts to change something while a past state is shown, so the banner can say why not. */
  pastEditRefused: number;
  setWorkspacePane(pane: WorkspacePane): void;
  setTimelineGrouping(grouping: TimelineGrouping): void;
  setKnownOn(day: IsoDate | undefined): void;
}

export const createWorkspaceSlice: StateCreator<UiState, [], [], WorkspaceSlice> = (set) => ({
  workspacePane: 'network',
  timelineGrouping: 'person',
  setWorkspacePane: (workspacePane) => set({ workspacePane }),
  setTimelineGrouping: (timelineGrouping) => set({ timelineGrouping }),
  knownOn: undefined,
  pastEditRefused: 0,
  // Entering or leaving a past state closes every dialog: an editor opened on one state must not write to the other.
  setKnownOn: (knownOn) => set({ knownOn, dialogs: [] }),
});
