import type { IsoDate, Marking } from '../../../shared/model';
import type { NetworkFilters } from '../../../shared/network';
import type { WithheldCounts } from '../../../shared/release';
import { appendAudit } from '../audit-log';
import { signChange } from '../author';
import { openVigiaDatabase, type VigiaDatabase } from '../database';

/** What the audit journal keeps of an export: which file, in which format, of what. */
export interface ExportRecord {
  fileName: string;
  format: string;
  /** The whole case, what the network view showed (then its filters, date included), or chosen people (a bundle). */
  scope: 'case' | 'view' | 'selection';
  filters?: NetworkFilters;
  asOf?: IsoDate;
  persons: number;
  links: number;
  /** The marking the file carries: the highest it contains. */
  marking: Marking;
  /** A release at a lower marking: the level, and what it left out by kind. */
  releasedUpTo?: Marking;
  withheld?: WithheldCounts;
  /** Made from the case as known on that day (a past state), not as it is now. */
  knownOn?: IsoDate;
}

/**
 * Writes an export to the case's audit journal: a file with case data left the workstation, and a
 * reviewer must be able to say which, when, by whom and with what in it. No record changes. An
 * export of a past state happened today: it goes to the live journal, saying which day it showed.
 */
export async function recordExport(db: VigiaDatabase, caseId: string, exported: ExportRecord): Promise<void> {
  const journal = db.knownOn ? await openVigiaDatabase(db.addressOf(db.name), { now: db.now }) : db;
  const after: ExportRecord = db.knownOn ? { ...exported, knownOn: db.knownOn } : exported;
  try {
    await journal.transaction('rw', journal.audit, journal.settings, async () => {
      const author = await signChange(journal);
      await appendAudit(journal, author, { caseId, action: 'export', table: 'cases', recordId: caseId, after });
    });
  } finally {
    if (journal !== db) journal.close();
  }
}
