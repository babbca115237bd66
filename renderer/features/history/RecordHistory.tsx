import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDatabase, loadRecordHistory } from '../../db';
import { LastChange } from '../provenance/LastChange';
import { AuditEntryView } from './AuditEntryView';

/** A record's History: every change to it, newest first, with who made it and what it was before. */
export function RecordHistory({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const entries = useLiveQuery(() => loadRecordHistory(db, recordId).then((list) => list.reverse()), [db, recordId]);
  if (!entries) return <p className="hint">{t('records.history.loading')}</p>;
  return (
    <>
      <LastChange recordId={recordId} />
      {entries.length === 0 ? (
        <p className="hint">{t('records.history.empty')}</p>
      ) : (
        <ol className="history-list" aria-label={t('records.history.title')}>
          {entries.map((entry) => (
            <AuditEntryView key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </>
  );
}
