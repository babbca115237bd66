import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { ariaKeyShortcuts, useCommand } from '../../commands';
import { useDatabase, getSetting } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { JournalDialog } from '../history/JournalDialog';
import { SearchDialog } from '../search/SearchDialog';
import { useCaseSearch } from '../search/use-case-search';
import { AnalystDialog } from './AnalystDialog';
import { LockSettingsDialog } from '../lock/LockSettingsDialog';
import { CaseSettingsDialog } from '../cases/CaseSettingsDialog';
import { RecordDialog } from '../record-details/RecordDialog';

/** The header's ways into the records area (search, journal, case settings, the analyst's name) and their dialogs. */
export function RecordsHeaderActions({ openCase }: { openCase: Case | undefined }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const openDialog = useUiStore((s) => s.openDialog);
  const analystName = useLiveQuery(() => getSetting(db, 'analystName'), [db]);
  return (
    <>
      {openCase && <CaseRecordsActions key={openCase.id} openCase={openCase} />}
      <button type="button" className="button quiet" onClick={() => openDialog({ kind: 'analyst' })}>
        {analystName ? t('records.header.analyst', { name: analystName }) : t('records.header.analystUnnamed')}
      </button>
      <AnalystDialog openCase={openCase} />
      <button type="button" className="button quiet" onClick={() => openDialog({ kind: 'lockSettings' })}>
        {t('lock.settings')}
      </button>
      <LockSettingsDialog openCase={openCase} />
    </>
  );
}

function CaseRecordsActions({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const openDialog = useUiStore((s) => s.openDialog);
  const search = useCaseSearch(openCase.id);

  // Ctrl+K (Cmd+K on a Mac) opens search from anywhere in the case, even from a text field.
  useCommand('search', () => openDialog({ kind: 'search' }));

  return (
    <>
      <button type="button" className="button quiet" aria-keyshortcuts={ariaKeyShortcuts('search')} onClick={() => openDialog({ kind: 'search' })}>
        {t('records.header.search')} <kbd aria-hidden="true">{t('records.header.searchShortcut')}</kbd>
      </button>
      <button type="button" className="button quiet" onClick={() => openDialog({ kind: 'journal' })}>
        {t('records.header.journal')}
      </button>
      <button type="button" className="button quiet" onClick={() => openDialog({ kind: 'caseSettings' })}>
        {t('records.header.caseSettings')}
      </button>
      <SearchDialog openCase={openCase} search={search} />
      <JournalDialog openCase={openCase} />
      <CaseSettingsDialog openCase={openCase} />
      <RecordDialog openCase={openCase} />
    </>
  );
}
