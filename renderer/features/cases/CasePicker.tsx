import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDatabase, listCases } from '../../db';
import { CaseList } from './CaseList';
import { DemoCaseCard } from './DemoCaseCard';
import { NewCaseForm } from './NewCaseForm';
import { DeletedCasesList } from './DeletedCasesList';

/** What the workstation shows with no case open: first run, or after closing a case. */
export function CasePicker() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const cases = useLiveQuery(() => listCases(db, i18n.language), [db, i18n.language]);
  if (!cases) return null;
  const firstRun = cases.length === 0;
  return (
    <main id="main" className="case-picker" tabIndex={-1}>
      <h1>{firstRun ? t('firstRun.title') : t('firstRun.pickTitle')}</h1>
      <p className="intro">{firstRun ? t('firstRun.intro') : t('firstRun.pickIntro')}</p>
      {!firstRun && <CaseList cases={cases} />}
      <div className="cards">
        <DemoCaseCard />
        <NewCaseForm />
      </div>
      <DeletedCasesList />
    </main>
  );
}
