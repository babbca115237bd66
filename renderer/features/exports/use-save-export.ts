import { useState } from 'react';
import { recordExport, useDatabase, type ExportRecord } from '../../db';
import { getBridge } from '../../platform/bridge';

export interface SaveMessages {
  /** "Saved as {{name}}." */
  saved(name: string): string;
  failed: string;
}

/** What an export hands over once made: the file, its suggested name, and what the journal keeps of it. */
export interface MadeExport {
  bytes: Uint8Array;
  suggestedName: string;
  /** The journal entry, less the file name the analyst chose. */
  journal: Omit<ExportRecord, 'fileName'>;
}

/**
 * Saving a picture or file the analyst exported, one way for every toolbar: made, saved where the
 * analyst chooses (the platform bridge), noted in the case's journal under the name it was saved
 * as, and said (saved, or failed; a cancelled save says nothing).
 */
export function useSaveExport(caseId: string, messages: SaveMessages) {
  const db = useDatabase();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const save = async (make: () => Promise<MadeExport>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const made = await make();
      const result = await getBridge().saveFile({ suggestedName: made.suggestedName, bytes: made.bytes });
      if (result.ok) {
        await recordExport(db, caseId, { ...made.journal, fileName: result.value.name });
        setMessage({ text: messages.saved(result.value.name), error: false });
      } else if (result.error !== 'cancelled') setMessage({ text: messages.failed, error: true });
    } catch (error) {
      console.error('export failed:', error);
      setMessage({ text: messages.failed, error: true });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, save };
}
