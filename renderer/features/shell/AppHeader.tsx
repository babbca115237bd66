import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { useCaseActions } from '../cases/use-case-actions';
import { useUiStore } from '../../store/ui-store';
import { EditingToolbar } from '../editing/EditingToolbar';
import { PrisonsButton } from '../prisons/PrisonsDialog';
import { RecordsHeaderActions } from './RecordsHeaderActions';
import { SyncButton } from '../sync/SyncDialog';
import { ImportButton } from '../import/ImportButton';
import { ExportDataButton } from '../exports/ExportDataButton';
import { ReportButton } from '../report/ReportButton';
import { KnownOnButton } from '../known-on/KnownOnButton';
import { HeaderMenu } from './HeaderMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { LockButton } from '../lock/LockButton';
import { MarkingBanner } from '../../ui/MarkingBanner';
import './header-menu.css';

/** The top of every screen: the marking of the open case, its name, the language, the way out. */
export function AppHeader({ openCase }: { openCase: Case | undefined }) {
  const { t } = useTranslation();
  const { close } = useCaseActions();
  const openDialog = useUiStore((s) => s.openDialog);
  const pastState = useUiStore((s) => s.knownOn !== undefined);
  return (
    <header className="app-header">
      {openCase && <MarkingBanner marking={openCase.marking} synthetic={openCase.synthetic} />}
      <div className="header-bar">
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <span className="app-name">{t('app.name')}</span>
        {openCase && (
          <span className="case-title">
            <span className="visually-hidden">{t('header.caseLabel')}: </span>
            <span data-testid="case-name">{openCase.name}</span>
          </span>
        )}
        <span className="spacer" />
        {/* A past state is read-only: no undo, redo or new records there. */}
        {openCase && !pastState && <EditingToolbar caseId={openCase.id} />}
        {/* The rest of the commands in one menu, so the header is one line on a 1366 px screen. */}
        <HeaderMenu label={openCase ? t('header.caseMenu') : t('header.toolsMenu')}>
          <RecordsHeaderActions openCase={openCase} />
          {openCase && !pastState && <ImportButton openCase={openCase} />}
          {openCase && <ExportDataButton openCase={openCase} />}
          {openCase && <ReportButton openCase={openCase} />}
          {openCase && <PrisonsButton openCase={openCase} />}
          {openCase && <KnownOnButton />}
          <SyncButton openCase={openCase} />
          <button type="button" className="button quiet" onClick={() => openDialog({ kind: 'about' })}>
            {t('header.about')}
          </button>
          {openCase && (
            <button type="button" className="button quiet" onClick={() => void close()}>
              {t('header.closeCase')}
            </button>
          )}
        </HeaderMenu>
        <LanguageSwitch />
        <LockButton />
      </div>
    </header>
  );
}
