import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** What the demo-case worker is doing, as the progress bar shows it. */
export type DemoProgress =
  | { phase: 'idle' }
  | { phase: 'generating'; size: number }
  | { phase: 'saving'; size: number; done: number; total: number }
  | { phase: 'opening'; size: number }
  | { phase: 'failed'; size: number };

export interface DemoSlice {
  demoProgress: DemoProgress;
  setDemoProgress(progress: DemoProgress): void;
}

export const createDemoSlice: StateCreator<UiState, [], [], DemoSlice> = (set) => ({
  demoProgress: { phase: 'idle' },
  setDemoProgress: (demoProgress) => set({ demoProgress }),
});
