import { useMemo } from 'react';
import { useDatabase, setLastOpenedCaseId } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { importDemoCase } from './demo-import';

export interface CaseActions {
  open(caseId: string): Promise<void>;
  close(): Promise<void>;
  openDemo(size: number): Promise<void>;
}

/** Opening and closing cases; the workstation remembers the open one across restarts. */
export function useCaseActions(): CaseActions {
  const db = useDatabase();
  return useMemo(() => {
    const open = async (caseId: string) => {
      useUiStore.getState().openCase(caseId);
      await setLastOpenedCaseId(db, caseId);
    };
    return {
      open,
      close: async () => {
        useUiStore.getState().closeCase();
        await setLastOpenedCaseId(db, null);
      },
      openDemo: async (size: number) => {
        // A small demo opens as soon as it is generated and is drawn while it is stored.
        const ui = useUiStore.getState();
        const caseId = await importDemoCase(size, db.address, {
          onGenerated: (generated) => ui.openCase(generated),
          onLost: (lost) => {
            if (useUiStore.getState().openCaseId === lost) useUiStore.getState().closeCase();
          },
        });
        if (!caseId) return;
        await open(caseId);
        useUiStore.getState().setDemoProgress({ phase: 'idle' });
      },
    };
  }, [db]);
}
