import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { useDatabase, loadCaseJournal, verifyCaseAudit, type CaseAuditReport } from '../../db';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { AuditEntryView } from './AuditEntryView';

const JOURNAL_LIMIT = 200;

/** The case journal (every change, newest first) and the check of its hash chains. */
export function JournalDialog({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'journal') !== undefined);
  const closeDialog = useUiStore((s) => s.closeDialog);
  return (
    <ModalDialog open={open} onClose={() => closeDialog('journal')} title={t('records.journal.title')} markedCase={openCase}>
      <JournalBody caseId={openCase.id} />
    </ModalDialog>
  );
}

function JournalBody({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const entries = useLiveQuery(() => loadCaseJournal(db, caseId, JOURNAL_LIMIT), [db, caseId]);
  return (
    <>
      <IntegrityCheck caseId={caseId} />
      <p className="hint">{t('records.journal.intro', { count: JOURNAL_LIMIT })}</p>
      {entries && entries.length === 0 && <p>{t('records.journal.empty')}</p>}
      <ol className="history-list" aria-label={t('records.journal.title')}>
        {entries?.map((entry) => (
          <AuditEntryView key={entry.id} entry={entry} showRecordKind />
        ))}
      </ol>
    </>
  );
}

type Check = { state: 'idle' } | { state: 'verifying' } | { state: 'done'; report: CaseAuditReport } | { state: 'failed' };

function IntegrityCheck({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [check, setCheck] = useState<Check>({ state: 'idle' });

  async function verify() {
    setCheck({ state: 'verifying' });
    try {
      setCheck({ state: 'done', report: await verifyCaseAudit(db, caseId) });
    } catch {
      setCheck({ state: 'failed' });
    }
  }

  return (
    <div className="records-actions">
      <button type="button" className="button secondary" onClick={() => void verify()} disabled={check.state === 'verifying'}>
        {t('records.journal.verify')}
      </button>
      <p role="status" className="records-status" data-testid="integrity-result">
        {check.state === 'verifying' && t('records.journal.verifying')}
        {check.state === 'failed' && t('records.journal.failed')}
        {check.state === 'done' && <IntegrityVerdict report={check.report} />}
      </p>
    </div>
  );
}

function IntegrityVerdict({ report }: { report: CaseAuditReport }) {
  const { t } = useTranslation();
  const broken = report.chains.find((chain) => !chain.report.ok);
  if (!broken || broken.report.ok) {
    const count = report.chains.reduce((sum, chain) => sum + (chain.report.ok ? chain.report.count : 0), 0);
    return <>{t('records.journal.intact', { count })}</>;
  }
  return (
    <strong className="records-warning">
      {t('records.journal.broken', {
        seq: broken.report.brokenAt,
        workstation: broken.workstationId,
        reason: t(`records.journal.reason.${broken.report.reason}`),
      })}
    </strong>
  );
}
