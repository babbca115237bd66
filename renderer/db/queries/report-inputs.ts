import type { CaseSnapshot } from '../../../shared/model';
import type { JournalHead } from '../../../shared/report';
import type { VigiaDatabase } from '../database';
import { getSetting } from '../settings';
import { loadCaseAudit, loadCaseRecords } from '../sync/case-contents';
import { verifyCaseAudit } from './audit';

/** What a case report is made from: the case's records, each journal chain checked, and who signs it. */
export interface ReportInputs {
  snapshot: CaseSnapshot;
  journal: JournalHead[];
  author: string;
}

export async function loadReportInputs(db: VigiaDatabase, caseId: string): Promise<ReportInputs> {
  const [snapshot, audit, analystName] = await Promise.all([loadCaseRecords(db, [caseId]), verifyCaseAudit(db, caseId), getSetting(db, 'analystName')]);
  const entries = await loadCaseAudit(db, caseId);
  const journal = audit.chains.map(({ workstationId, report }) => {
    const chain = entries.filter((e) => e.workstationId === workstationId).sort((a, b) => a.seq - b.seq);
    return { workstationId, entries: chain.length, headHash: chain.at(-1)?.hash ?? '', verified: report.ok };
  });
  return { snapshot, journal, author: typeof analystName === 'string' ? analystName : '' };
}
