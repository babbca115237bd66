import type { StateCreator } from 'zustand';
import type { TimelineGrouping } from '../../shared/timeline/model';
import type { UiState } from './ui-store';

/** What the middle of the case workspace shows: the network or the timeline (both read the same "as of" date). */
export type WorkspacePane = 'network' | 'timeline';

/** How the analyst is looking at the case's middle pane and its timeline. UI state only. */
export interface WorkspaceSlice {
  workspacePane: WorkspacePane;
  timelineGrouping: TimelineGrouping;
  setWorkspacePane(pane: WorkspacePane): void;
  setTimelineGrouping(grouping: TimelineGrouping): void;
}

export const createWorkspaceSlice: StateCreator<UiState, [], [], WorkspaceSlice> = (set) => ({
  workspacePane: 'network',
  timelineGrouping: 'person',
  setWorkspacePane: (workspacePane) => set({ workspacePane }),
  setTimelineGrouping: (timelineGrouping) => set({ timelineGrouping }),
});
