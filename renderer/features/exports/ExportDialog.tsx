import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case, Marking } from '../../../shared/model';
import { filtersAreDefault } from '../../../shared/network';
import { recordExport, useDatabase } from '../../db';
import { localToday } from '../../i18n/formatters';
import { saveLargeFile } from '../../platform/large-files';
import { useUiStore } from '../../store/ui-store';
import { ReleaseLevel, wholeCaseLevel } from '../../ui/ReleaseLevel';
import { EXPORT_FORMATS, type ExportFormat } from '../../workers/export-protocol';
import { exportFileName } from '../../ui/export-file-name';
import { ExportCancelled, startExport, type ExportProgress, type RunningExport } from './export-client';
import { useReleasePreview } from './use-release-preview';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; progress?: ExportProgress }
  | { kind: 'saved'; name: string; persons: number; links: number; marking: Marking }
  | { kind: 'cancelled' }
  | { kind: 'failed'; text: string };

/**
 * The export for other tools: the whole case or what the network view shows now, in GraphML, GEXF or
 * CSV; written in a worker with progress and cancel, saved where the analyst chooses, and noted in
 * the case's audit journal once saved.
 */
export function ExportDialog({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const id = useId();
  const filters = useUiStore((s) => s.networkFilters);
  const viewFiltered = !filtersAreDefault(filters);
  const [scope, setScope] = useState<'case' | 'view'>(viewFiltered ? 'view' : 'case');
  const [format, setFormat] = useState<ExportFormat>('graphml');
  const [prisonsAsNodes, setPrisonsAsNodes] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [releaseUpTo, setReleaseUpTo] = useState<Marking>(wholeCaseLevel(openCase.marking));
  const running = useRef<RunningExport | undefined>(undefined);

  // Closing the dialog stops an export still running: nothing half-written is saved.
  useEffect(() => () => running.current?.cancel(), []);

  const jobFor = (today: string) => ({
    database: db.address,
    caseId: openCase.id,
    format,
    exportedOn: today,
    prisonsAsNodes: format === 'graphml' && prisonsAsNodes,
    ...(scope === 'view' ? { filters } : {}),
    ...(releaseUpTo !== wholeCaseLevel(openCase.marking) ? { releaseUpTo } : {}),
  });

  // What the chosen level leaves out, and the marking the file will carry, before anything is written.
  const whole = releaseUpTo === wholeCaseLevel(openCase.marking);
  const shownPreview = useReleasePreview(db.address, openCase.id, whole ? undefined : releaseUpTo, scope === 'view' ? filters : undefined);

  const run = async () => {
    const today = localToday();
    const job = jobFor(today);
    setStatus({ kind: 'running' });
    const started = startExport(job, (progress) => setStatus({ kind: 'running', progress }));
    running.current = started;
    try {
      const done = await started.result;
      running.current = undefined;
      const view = scope === 'view' ? 'red' : 'caso';
      const saved = await saveLargeFile(exportFileName(openCase.name, view, today, done.extension), done.file);
      if (!saved.ok) {
        setStatus(saved.error === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', text: t('exports.saveFailed') });
        return;
      }
      await recordExport(db, openCase.id, {
        fileName: saved.value.name,
        format,
        scope,
        ...(scope === 'view' ? { filters, ...(filters.asOf ? { asOf: filters.asOf } : {}) } : {}),
        persons: done.persons,
        links: done.links,
        marking: done.marking,
        ...(job.releaseUpTo ? { releasedUpTo: job.releaseUpTo, withheld: done.withheld } : {}),
      });
      setStatus({ kind: 'saved', name: saved.value.name, persons: done.persons, links: done.links, marking: done.marking });
    } catch (error) {
      running.current = undefined;
      if (error instanceof ExportCancelled) setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'failed', text: t('exports.failed', { reason: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const busy = status.kind === 'running';
  const progress = status.kind === 'running' ? status.progress : undefined;
  return (
    <form
      className="export-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void run();
      }}
    >
      <p className="hint">{t('exports.intro')}</p>
      <fieldset className="rows" disabled={busy}>
        <legend>{t('exports.scope')}</legend>
        <label>
          <input type="radio" name={`${id}-scope`} checked={scope === 'case'} onChange={() => setScope('case')} /> {t('exports.scopeCase')}
        </label>
        <label>
          <input type="radio" name={`${id}-scope`} checked={scope === 'view'} onChange={() => setScope('view')} />{' '}
          {filters.asOf ? t('exports.scopeViewAsOf', { date: filters.asOf }) : t('exports.scopeView')}
        </label>
      </fieldset>
      <ReleaseLevel caseMarking={openCase.marking} value={releaseUpTo} onChange={setReleaseUpTo} preview={shownPreview} disabled={busy} />
      <fieldset className="rows" disabled={busy}>
        <legend>{t('exports.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f}>
            <input type="radio" name={`${id}-format`} checked={format === f} onChange={() => setFormat(f)} /> {t(`exports.formats.${f}`)}
          </label>
        ))}
        {format === 'graphml' && (
          <label>
            <input type="checkbox" checked={prisonsAsNodes} onChange={(event) => setPrisonsAsNodes(event.target.checked)} /> {t('exports.prisonsAsNodes')}
          </label>
        )}
      </fieldset>
      <div role="status" aria-live="polite" className="export-status">
        {busy && !progress && t('exports.reading')}
        {progress?.phase === 'reading' && t('exports.reading')}
        {progress?.phase === 'writing' && (
          <>
            {t('exports.writing', { done: progress.done, total: progress.total })}{' '}
            <progress max={progress.total} value={progress.done} aria-label={t('exports.title')} />
          </>
        )}
        {status.kind === 'saved' && t('exports.saved', { name: status.name, persons: status.persons, links: status.links, marking: t(`marking.${status.marking}`) })}
        {status.kind === 'cancelled' && t('exports.cancelled')}
      </div>
      {status.kind === 'failed' && (
        <p role="alert" className="error">
          {status.text}
        </p>
      )}
      <div className="export-actions">
        {busy && (
          <button type="button" className="button" onClick={() => running.current?.cancel()}>
            {t('exports.cancel')}
          </button>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {t('exports.start')}
        </button>
      </div>
    </form>
  );
}
