import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, type IsoDate } from '../../../shared/model';
import { loadChangesBetween, useLiveDatabase, type ChangesReport } from '../../db';
import { localToday, useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { useTimestampFormat } from '../../ui/use-timestamp-format';
import { AuditEntryView } from '../history/AuditEntryView';

type Shown = { state: 'idle' } | { state: 'reading' } | { state: 'done'; from: IsoDate; to: IsoDate; report: ChangesReport } | { state: 'failed' };

/**
 * "What changed between K1 and K2": per record, added / changed / deleted, each change with who made
 * it, here or through which bundle; from each record, the case at either date. Read from the live
 * journal (the past state's journal ends at its own day).
 */
export function ChangesBetween({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const live = useLiveDatabase();
  const knownOn = useUiStore((s) => s.knownOn);
  const today = localToday();
  const [from, setFrom] = useState<string>(knownOn ?? '');
  const [to, setTo] = useState<string>(today);
  const [shown, setShown] = useState<Shown>({ state: 'idle' });
  const invalid = shown.state === 'idle' && from !== '' && (!isIsoDate(from) || !isIsoDate(to) || from >= to || to > today);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(from) || !isIsoDate(to) || from >= to || to > today) {
      setShown({ state: 'idle' });
      return;
    }
    setShown({ state: 'reading' });
    try {
      setShown({ state: 'done', from, to, report: await loadChangesBetween(live, caseId, from, to) });
    } catch (error) {
      console.error('changes between failed:', error);
      setShown({ state: 'failed' });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="changes-between">
      <h3 id={`${id}-title`}>{t('knownOn.changes.title')}</h3>
      <p className="hint">{t('knownOn.changes.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="changes-range">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('knownOn.changes.from')}</label>
          <input id={`${id}-from`} type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} aria-describedby={invalid ? `${id}-error` : undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('knownOn.changes.to')}</label>
          <input id={`${id}-to`} type="date" value={to} max={today} onChange={(e) => setTo(e.target.value)} aria-describedby={invalid ? `${id}-error` : undefined} />
        </div>
        <button type="submit" className="button secondary">
          {t('knownOn.changes.compare')}
        </button>
      </form>
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          {t('knownOn.changes.invalidRange')}
        </p>
      )}
      <div role="status" className="records-status">
        {shown.state === 'reading' && t('knownOn.changes.reading')}
        {shown.state === 'failed' && t('knownOn.failed')}
        {shown.state === 'done' && !shown.report.ok && (
          <strong className="records-warning">{t('knownOn.brokenChain', { workstation: shown.report.workstationId, entry: shown.report.brokenAt })}</strong>
        )}
        {shown.state === 'done' && shown.report.ok && t('knownOn.changes.count', { count: shown.report.changes.length })}
      </div>
      {shown.state === 'done' && shown.report.ok && <ChangeList from={shown.from} to={shown.to} changes={shown.report.changes} today={today} />}
    </section>
  );
}

function ChangeList({ from, to, changes, today }: { from: IsoDate; to: IsoDate; changes: Extract<ChangesReport, { ok: true }>['changes']; today: IsoDate }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const when = useTimestampFormat();
  const setKnownOn = useUiStore((s) => s.setKnownOn);
  const selectPerson = useUiStore((s) => s.selectPerson);
  const openAt = (day: IsoDate, personId: string | undefined) => {
    setKnownOn(day >= today ? undefined : day);
    if (personId) selectPerson(personId);
  };
  return (
    <ol className="changes-list" aria-label={t('knownOn.changes.listLabel', { from: format.date(from), to: format.date(to) })}>
      {changes.map((change) => {
        const what = `${t(`knownOn.changes.kind.${change.kind}`)} · ${change.label ?? change.recordId}`;
        return (
          <li key={`${change.table}:${change.recordId}`} data-testid="record-changes">
            <div className="changes-head">
              <strong>{what}</strong>
              {change.personId && (
                <span className="changes-open">
                  <button type="button" className="button quiet" onClick={() => openAt(from, change.personId)} aria-label={t('knownOn.changes.openAt', { what, date: format.date(from) })}>
                    {format.date(from)}
                  </button>
                  <button type="button" className="button quiet" onClick={() => openAt(to, change.personId)} aria-label={t('knownOn.changes.openAt', { what, date: format.date(to) })}>
                    {format.date(to)}
                  </button>
                </span>
              )}
            </div>
            <ol className="history-list">
              {change.entries.map((entry) => (
                <AuditEntryView key={entry.id} entry={entry} showRecordKind>
                  {change.theirDates[entry.id] !== undefined && (
                    <div className="hint" data-testid="their-date">
                      {t('knownOn.changes.theirDate', { date: when(change.theirDates[entry.id]!) })}
                    </div>
                  )}
                </AuditEntryView>
              ))}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}
