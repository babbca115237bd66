import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Case, Prison, Source } from '../../../shared/model';
import { useDatabase } from '../../db';
import { useFormatters } from '../../i18n/formatters';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { RecordHistory } from '../history/RecordHistory';
import { AttachmentsSection } from './AttachmentsSection';
import { ModalDialog } from '../../ui/ModalDialog';
import { NotesSection } from './NotesSection';

/** A source or a prison opened from search: what it is, its files (a source), notes and History. */
export function RecordDialog({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const openRecord = useUiStore((s) => openDialogOf(s, 'record')?.record);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const record = useLiveQuery(async () => {
    if (!openRecord) return null;
    const found = openRecord.type === 'source' ? await db.sources.get(openRecord.id) : await db.prisons.get(openRecord.id);
    return found && !found.deleted ? found : null;
  }, [db, openRecord?.type, openRecord?.id]);
  const title = !record || !openRecord ? '' : openRecord.type === 'source' ? `${t('records.record.source')}: ${(record as Source).title}` : `${t('records.record.prison')}: ${(record as Prison).name}`;
  return (
    <ModalDialog open={Boolean(openRecord && record)} onClose={() => closeDialog('record')} title={title} markedCase={openCase}>
      {openRecord?.type === 'source' && record && <SourceDetails source={record as Source} caseId={openCase.id} />}
      {openRecord?.type === 'prison' && record && <PrisonDetails prison={record as Prison} caseId={openCase.id} />}
    </ModalDialog>
  );
}

function SourceDetails({ source, caseId }: { source: Source; caseId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <>
      <dl>
        {source.author && <Detail term={t('records.record.author')} value={source.author} />}
        {source.date && <Detail term={t('records.record.date')} value={format.date(source.date)} />}
        {source.keptAt && <Detail term={t('records.record.keptAt')} value={source.keptAt} />}
        <Detail term={t('records.record.reliability')} value={source.reliability} />
      </dl>
      <AttachmentsSection caseId={caseId} ownerType="source" ownerId={source.id} />
      <NotesSection caseId={caseId} subjectType="source" subjectId={source.id} titleKey="records.notes.title" />
      <h3>{t('records.history.title')}</h3>
      <RecordHistory recordId={source.id} />
    </>
  );
}

function PrisonDetails({ prison, caseId }: { prison: Prison; caseId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <dl>
        {prison.town && <Detail term={t('records.record.town')} value={prison.town} />}
        {prison.province && <Detail term={t('records.record.province')} value={prison.province} />}
        {prison.region && <Detail term={t('records.record.region')} value={prison.region} />}
      </dl>
      <NotesSection caseId={caseId} subjectType="prison" subjectId={prison.id} titleKey="records.notes.title" />
      <h3>{t('records.history.title')}</h3>
      <RecordHistory recordId={prison.id} />
    </>
  );
}

function Detail({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}
