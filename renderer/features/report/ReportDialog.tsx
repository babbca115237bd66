import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, type Case, type Marking } from '../../../shared/model';
import { REPORT_SECTIONS, type ReportSection } from '../../../shared/report';
import { useDatabase } from '../../db';
import { localToday } from '../../i18n/formatters';
import { getBridge } from '../../platform/bridge';
import { useUiStore } from '../../store/ui-store';
import { ReleaseLevel, wholeCaseLevel } from '../../ui/ReleaseLevel';
import { useReleasePreview } from '../exports/use-release-preview';
import { exportFileName } from '../../ui/export-file-name';
import { reportHash } from './report-link';
import { offerKeyToReport } from '../lock/report-key';

type Scope = 'case' | 'view' | 'selected';

/**
 * The case report's choices: of whom (the whole case, the people the network shows, the selected
 * person), which sections, as of which day, released up to which marking (what that leaves out is
 * said first). The report opens in its own tab to be printed or saved as PDF.
 */
export function ReportDialog({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const id = useId();
  const viewPersonIds = useUiStore((s) => s.viewPersonIds);
  const selectedPersonId = useUiStore((s) => s.selectedPersonId);
  const selectedName = useSelectedName(selectedPersonId);
  const [scope, setScope] = useState<Scope>('case');
  const [sections, setSections] = useState<ReportSection[]>([...REPORT_SECTIONS]);
  const [asOf, setAsOf] = useState('');
  // A past state on screen is what the report shows.
  const knownOn = useUiStore((s) => s.knownOn);
  const [releaseUpTo, setReleaseUpTo] = useState<Marking>(wholeCaseLevel(openCase.marking));
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const whole = releaseUpTo === wholeCaseLevel(openCase.marking);

  const shownPreview = useReleasePreview(db.address, openCase.id, whole ? undefined : releaseUpTo);

  const open = async () => {
    if (sections.length === 0) {
      setMessage({ text: t('report.noSections'), error: true });
      return;
    }
    const personIds = scope === 'view' ? viewPersonIds : scope === 'selected' && selectedPersonId ? [selectedPersonId] : undefined;
    const hash = reportHash({
      caseId: openCase.id,
      sections,
      token: crypto.randomUUID(),
      ...(personIds ? { personIds: [...personIds] } : {}),
      ...(isIsoDate(asOf) ? { asOf } : {}),
      ...(knownOn ? { knownOn } : {}),
      ...(whole ? {} : { releaseUpTo }),
    });
    // The report's page opens the sealed database too: the key is offered to that report alone.
    const withdrawKey = db.address.vaultKey ? offerKeyToReport(hash, db.address.vaultKey) : () => undefined;
    // Desktop: Chromium prints the page in a hidden window and the PDF is saved where the analyst chooses.
    const bridge = getBridge();
    if (bridge.printReport) {
      setMessage({ text: t('report.printing'), error: false });
      const saved = await bridge.printReport({ hash, suggestedName: exportFileName(openCase.name, 'informe', localToday(), 'pdf') }).finally(withdrawKey);
      if (saved.ok) setMessage({ text: t('report.saved', { name: saved.value.name }), error: false });
      else setMessage(saved.error === 'cancelled' ? undefined : { text: t('report.printFailed'), error: true });
      return;
    }
    // Browser: the report opens in its own tab, to be printed or saved as PDF from there.
    const opened = window.open(`${window.location.pathname}${window.location.search}${hash}`, '_blank');
    setMessage(opened ? { text: t('report.made'), error: false } : { text: t('report.blocked'), error: true });
  };

  const toggle = (section: ReportSection, on: boolean) =>
    setSections((current) => REPORT_SECTIONS.filter((s) => (s === section ? on : current.includes(s))));
  return (
    <form
      className="export-form"
      onSubmit={(event) => {
        event.preventDefault();
        void open();
      }}
    >
      <p className="hint">{t('report.intro')}</p>
      <fieldset className="rows">
        <legend>{t('report.scope')}</legend>
        <label>
          <input type="radio" name={`${id}-scope`} checked={scope === 'case'} onChange={() => setScope('case')} /> {t('report.scopeCase')}
        </label>
        {viewPersonIds && (
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'view'} onChange={() => setScope('view')} /> {t('report.scopeView', { count: viewPersonIds.length })}
          </label>
        )}
        {selectedPersonId && selectedName && (
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'selected'} onChange={() => setScope('selected')} /> {t('report.scopeSelected', { name: selectedName })}
          </label>
        )}
      </fieldset>
      <fieldset className="rows">
        <legend>{t('report.sections')}</legend>
        {REPORT_SECTIONS.map((section) => (
          <label key={section}>
            <input type="checkbox" checked={sections.includes(section)} onChange={(e) => toggle(section, e.target.checked)} /> {t(`report.section.${section}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-asof`}>{t('report.asOf')}</label>{' '}
      <input id={`${id}-asof`} type="date" value={asOf} max={localToday()} onChange={(e) => setAsOf(e.target.value)} />
      <ReleaseLevel caseMarking={openCase.marking} value={releaseUpTo} onChange={setReleaseUpTo} preview={shownPreview} />
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'hint'}>
          {message.text}
        </p>
      )}
      <div className="export-actions">
        <button type="submit" className="button primary">
          {t('report.make')}
        </button>
      </div>
    </form>
  );
}

/** The selected person's name, for the scope's label. */
function useSelectedName(personId: string | undefined): string | undefined {
  const db = useDatabase();
  const [name, setName] = useState<{ id: string; name: string }>();
  useEffect(() => {
    if (!personId) return;
    let live = true;
    void db.persons.get(personId).then((p) => {
      if (live && p) setName({ id: personId, name: p.primaryName });
    });
    return () => {
      live = false;
    };
  }, [db, personId]);
  return name && name.id === personId ? name.name : undefined;
}
