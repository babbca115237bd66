import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { useDatabase, listDeletedCases, purgeCase, restoreCase } from '../../db';
import { useTimestampFormat } from '../../ui/use-timestamp-format';
import { MarkingBadge } from '../../ui/MarkingBadge';

/** Cases deleted on this workstation: restore one, or purge it for good after a second confirmation. */
export function DeletedCasesList() {
  const { t } = useTranslation();
  const db = useDatabase();
  const deleted = useLiveQuery(() => listDeletedCases(db), [db]);
  if (!deleted || deleted.length === 0) return null;
  return (
    <section className="card" aria-labelledby="deleted-cases-title">
      <h2 id="deleted-cases-title">{t('records.deletedCases.title')}</h2>
      <p className="hint">{t('records.deletedCases.intro')}</p>
      <ul className="deleted-case-list">
        {deleted.map((c) => (
          <DeletedCase key={c.id} deletedCase={c} />
        ))}
      </ul>
    </section>
  );
}

function DeletedCase({ deletedCase }: { deletedCase: Case }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const when = useTimestampFormat();
  const [confirmingPurge, setConfirmingPurge] = useState(false);
  const [failed, setFailed] = useState(false);
  const name = deletedCase.name;

  const run = async (action: () => Promise<{ ok: boolean }>) => {
    setFailed(false);
    try {
      if (!(await action()).ok) setFailed(true);
    } catch {
      setFailed(true);
    }
  };

  return (
    <li>
      <div>
        <strong>{name}</strong> <MarkingBadge marking={deletedCase.marking} />
        <div className="hint">{t('records.deletedCases.deletedOn', { date: when(deletedCase.updatedAt) })}</div>
      </div>
      {failed && <p role="alert">{t('records.deletedCases.failed')}</p>}
      {confirmingPurge ? (
        <div role="alertdialog" aria-labelledby={`purge-${deletedCase.id}`} className="records-actions">
          <p id={`purge-${deletedCase.id}`} className="records-warning">
            {t('records.deletedCases.purgeConfirm', { name })}
          </p>
          <button type="button" className="button danger" autoFocus onClick={() => void run(() => purgeCase(db, deletedCase.id))}>
            {t('records.deletedCases.purgeConfirmButton')}
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirmingPurge(false)}>
            {t('records.dialog.cancel')}
          </button>
        </div>
      ) : (
        <div className="records-actions">
          <button type="button" className="button secondary" aria-label={t('records.deletedCases.restoreNamed', { name })} onClick={() => void run(() => restoreCase(db, deletedCase.id))}>
            {t('records.deletedCases.restore')}
          </button>
          <button type="button" className="button quiet" aria-label={t('records.deletedCases.purgeNamed', { name })} onClick={() => setConfirmingPurge(true)}>
            {t('records.deletedCases.purge')}
          </button>
        </div>
      )}
    </li>
  );
}
