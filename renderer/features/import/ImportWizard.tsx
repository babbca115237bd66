import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeReason } from '../../../shared/import/reasons';
import { rejectedRowsCsv } from '../../../shared/import/rejected-csv';
import { readSpec, writeSpec, type ImportSpec } from '../../../shared/import/spec';
import type { ImportPlan } from '../../../shared/import/plan-types';
import { CREDIBILITY, RELIABILITY, SOURCE_KINDS, type Credibility, type Reliability, type SourceKind } from '../../../shared/model';
import { useDatabase } from '../../db';
import { getBridge } from '../../platform/bridge';
import { useUiStore } from '../../store/ui-store';
import type { ImportFileBytes, PlanFit, SavedSpecFit, SheetSummary } from '../../workers/import-protocol';
import { applyImport, listImportSpecs, saveImportSpec } from '../../db';
import { planInWorker } from './import-client';
import { ImportPreview } from './ImportPreview';
import { MappingEditor } from './MappingEditor';
import type { TextEncodingName } from '../../../shared/import/sheet';

type Step =
  | { step: 'choose'; error?: string }
  | { step: 'reading'; text: string; done?: number; total?: number }
  | { step: 'review'; spec: ImportSpec; proposed: boolean; sheets: SheetSummary[]; fit: PlanFit; plan: ImportPlan; savedFits: SavedSpecFit[]; error?: string; saved?: boolean }
  | { step: 'applying'; done: number; total: number }
  | { step: 'done'; text: string };

/**
 * The import wizard: files (several, several sheets) and an optional saved specification; the
 * mapping, proposed from the headers when there is no specification; the preview with every rejected
 * cell; the grading of the files as sources; then ONE transaction, with progress and cancel, undone
 * as one action by Ctrl+Z.
 */
/** How the CSV files are read when the analyst overrides what was detected; nothing set means detect. */
interface TextReading {
  encoding?: TextEncodingName;
  delimiter?: string;
}

/** What a CSV may be read as, when the analyst overrides the detection. */
const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
const DELIMITERS: ReadonlyArray<readonly [string, string]> = [
  [';', ';'],
  [',', ','],
  ['\t', 'TAB'],
  ['|', '|'],
];

export function ImportWizard({ caseId, onClose }: { caseId: string; onClose(): void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [state, setState] = useState<Step>({ step: 'choose' });
  const files = useRef<ImportFileBytes[]>([]);
  const cancel = useRef<() => void>(() => undefined);
  const cancelledApply = useRef(false);
  // How the CSV files are read when the analyst overrides what was detected (Excel's "CSV delimitado
  // por ;" in Windows-1252, say): both undefined means detect.
  const [textReading, setTextReading] = useState<TextReading>({});

  const plan = async (spec: ImportSpec | undefined, reading: TextReading = textReading) => {
    setState({ step: 'reading', text: t('import.reading') });
    const savedSpecs = await listImportSpecs(db, caseId);
    // The worker takes the bytes: each run gets its own copy, so the next preview can read them again.
    const job = planInWorker(
      { type: 'plan', database: db.address, caseId, savedSpecs, files: files.current.map((f) => ({ name: f.name, bytes: f.bytes.slice() })), ...(spec ? { spec } : {}), ...reading },
      (p) => setState({ step: 'reading', text: p.phase === 'reading' ? t('import.reading') : t('import.planning', { done: p.done, total: p.total }), done: p.done, total: p.total }),
    );
    cancel.current = job.cancel;
    const outcome = await job.result;
    if (!outcome) return setState({ step: 'choose', error: t('import.cancelled') });
    if (outcome.type === 'file-failed') return setState({ step: 'choose', error: t(`import.fileError.${outcome.error.code}`, { file: outcome.file }) });
    if (outcome.type === 'failed') return setState({ step: 'choose', error: t('import.failed', { reason: outcome.reason }) });
    setState({ step: 'review', spec: outcome.spec, proposed: outcome.proposed, sheets: outcome.sheets, fit: outcome.fit, plan: outcome.plan, savedFits: outcome.savedFits });
    savedSpecsRef.current = savedSpecs;
  };
  const savedSpecsRef = useRef<ImportSpec[]>([]);

  const start = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const picked = data.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
    if (picked.length === 0) return;
    files.current = await Promise.all(picked.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const specFile = data.get('spec');
    let spec: ImportSpec | undefined;
    if (specFile instanceof File && specFile.size > 0) {
      const read = readSpec(await specFile.text());
      if (!read.ok) return setState({ step: 'choose', error: t('import.specInvalid', { problems: read.problems.slice(0, 3).join('; ') }) });
      spec = read.spec;
    }
    await plan(spec);
  };

  const apply = async (review: Extract<Step, { step: 'review' }>) => {
    cancelledApply.current = false;
    setState({ step: 'applying', done: 0, total: review.plan.changes.length });
    const outcome = await applyImport(db, caseId, review.plan, (done, total) => setState({ step: 'applying', done, total }), () => cancelledApply.current);
    if (!outcome.ok) {
      if ('cancelled' in outcome) return setState({ step: 'choose', error: t('import.cancelled') });
      return setState({ ...review, error: t('import.refused', { issues: outcome.issues.map((i) => `${i.path}: ${i.code}`).join('; ') }) });
    }
    if (outcome.action) useUiStore.getState().pushUndoable(outcome.action);
    setState({ step: 'done', text: t('import.done', { count: outcome.written }) });
  };

  const save = (name: string, text: string) => void getBridge().saveFile({ suggestedName: name, bytes: new TextEncoder().encode(text) });

  switch (state.step) {
    case 'choose':
      return (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void start(e.currentTarget);
          }}
        >
          <p>
            <label>
              {t('import.files')}
              <br />
              <input type="file" name="files" multiple accept=".xlsx,.ods,.csv,.tsv,.txt" required data-autofocus data-testid="import-files" />
            </label>
            <br />
            <small>{t('import.filesHelp')}</small>
          </p>
          <p>
            <label>
              {t('import.spec')}
              <br />
              <input type="file" name="spec" accept=".json" data-testid="import-spec" />
            </label>
            <br />
            <small>{t('import.specHelp')}</small>
          </p>
          {state.error && (
            <p role="alert" className="import-error">
              {state.error}
            </p>
          )}
          <div className="import-actions">
            <button type="submit" className="button">
              {t('import.read')}
            </button>
          </div>
        </form>
      );
    case 'reading':
    case 'applying': {
      const text = state.step === 'reading' ? state.text : t('import.applying', { done: state.done, total: state.total });
      return (
        <div>
          {state.total ? <progress aria-label={text} max={Math.max(1, state.total)} value={state.done ?? 0} /> : <progress aria-label={text} />}
          <p role="status" aria-live="polite">
            {text}
          </p>
          <button
            type="button"
            className="button quiet"
            onClick={() => {
              cancel.current();
              cancelledApply.current = true;
            }}
          >
            {t('import.cancel')}
          </button>
        </div>
      );
    }
    case 'done':
      return (
        <div>
          <p role="status" data-testid="import-done">
            {state.text}
          </p>
          <button type="button" className="button" onClick={onClose}>
            {t('import.close')}
          </button>
        </div>
      );
    case 'review': {
      const review = state;
      const setSource = (patch: Partial<ImportSpec['source']>) => setState({ ...review, spec: { ...review.spec, source: { ...review.spec.source, ...patch } } });
      return (
        <div>
          {review.proposed ? <p>{t('import.proposed')}</p> : <p data-testid="import-using-spec">{t('import.usingSpec', { name: review.spec.name })}</p>}
          {review.savedFits.length > 0 && (
            <section aria-labelledby="import-saved-title">
              <h3 id="import-saved-title">{t('import.savedSpecs')}</h3>
              <ul>
                {review.savedFits.map((fit) => (
                  <li key={fit.name}>
                    {fit.fits ? t('import.savedFits', { name: fit.name }) : t('import.savedNearlyFits', { name: fit.name, columns: fit.missing.flatMap((m) => m.columns).join(', ') })}{' '}
                    {fit.name !== review.spec.name && (
                      <button type="button" className="button quiet" onClick={() => void plan(savedSpecsRef.current.find((s) => s.name === fit.name))}>
                        {t('import.useSpec')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {review.sheets
            .filter((s) => s.encoding)
            .map((s) => (
              <p key={s.file}>{t('import.detected', { file: s.file, encoding: s.encoding, delimiter: s.delimiter === '\t' ? 'TAB' : s.delimiter })}</p>
            ))}
          {review.sheets.some((s) => s.encoding) && (
            <fieldset className="import-text-reading">
              <legend>{t('import.textReading')}</legend>
              <label>
                {t('import.encoding')}{' '}
                <select
                  value={textReading.encoding ?? ''}
                  onChange={(e) => {
                    const { encoding: _previous, ...rest } = textReading;
                    const next = e.target.value ? { ...rest, encoding: e.target.value as TextEncodingName } : rest;
                    setTextReading(next);
                    void plan(review.spec, next);
                  }}
                >
                  <option value="">{t('import.detect')}</option>
                  {TEXT_ENCODINGS.map((encoding) => (
                    <option key={encoding} value={encoding}>
                      {encoding}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <label>
                {t('import.delimiter')}{' '}
                <select
                  value={textReading.delimiter ?? ''}
                  onChange={(e) => {
                    const { delimiter: _previous, ...rest } = textReading;
                    const next = e.target.value ? { ...rest, delimiter: e.target.value } : rest;
                    setTextReading(next);
                    void plan(review.spec, next);
                  }}
                >
                  <option value="">{t('import.detect')}</option>
                  {DELIMITERS.map(([delimiter, name]) => (
                    <option key={name} value={delimiter}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
            </fieldset>
          )}
          <MappingEditor spec={review.spec} sheets={review.sheets} fit={review.fit} onChange={(spec) => setState({ ...review, spec })} />
          <fieldset>
            <legend>{t('import.grading')}</legend>
            <label>
              {t('import.sourceKind')}{' '}
              <select value={review.spec.source.kind} onChange={(e) => setSource({ kind: e.target.value as SourceKind })}>
                {SOURCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`editing.sourceKind.${k}`)}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('import.reliability')}{' '}
              <select value={review.spec.source.reliability} onChange={(e) => setSource({ reliability: e.target.value as Reliability })}>
                {RELIABILITY.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('import.credibility')}{' '}
              <select value={review.spec.source.credibility} onChange={(e) => setSource({ credibility: Number(e.target.value) as Credibility })}>
                {CREDIBILITY.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
          </fieldset>
          <div className="import-actions">
            <button type="button" className="button quiet" onClick={() => void plan(review.spec)}>
              {t('import.refresh')}
            </button>
            <button type="button" className="button quiet" onClick={() => save(`${review.spec.name}.import-spec.json`, writeSpec(review.spec))}>
              {t('import.exportSpec')}
            </button>
            <label>
              {t('import.specName')}{' '}
              <input value={review.spec.name} maxLength={200} onChange={(e) => setState({ ...review, saved: false, spec: { ...review.spec, name: e.target.value } })} />
            </label>
            <button
              type="button"
              className="button quiet"
              disabled={review.spec.name.trim() === ''}
              onClick={() => void saveImportSpec(db, caseId, review.spec).then(() => setState({ ...review, saved: true }))}
            >
              {t('import.saveSpec')}
            </button>
            {review.saved && <span role="status">{t('import.specSaved', { name: review.spec.name })}</span>}
            {review.plan.rejected.length > 0 && (
              <button type="button" className="button quiet" onClick={() => save('rejected-rows.csv', rejectedRowsCsv(review.plan.rejected, describeReason))}>
                {t('import.saveRejected')}
              </button>
            )}
          </div>
          <ImportPreview plan={review.plan} />
          {review.error && (
            <p role="alert" className="import-error">
              {review.error}
            </p>
          )}
          <div className="import-actions">
            {review.plan.changes.length > 0 && (
              <button type="button" className="button" onClick={() => void apply(review)} data-testid="import-apply">
                {t('import.apply', { count: review.plan.changes.length })}
              </button>
            )}
            <button type="button" className="button quiet" onClick={onClose}>
              {t('import.close')}
            </button>
          </div>
        </div>
      );
    }
  }
}
