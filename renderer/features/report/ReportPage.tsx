import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marking } from '../../../shared/model';
import { releaseCase } from '../../../shared/release';
import { reportContent, type ReportContent } from '../../../shared/report';
import { loadReportInputs, recordExport, useDatabase } from '../../db';
import { localToday, useFormatters } from '../../i18n/formatters';
import { pageRules } from './page-rules';
import { ReportSections } from './ReportSections';
import { useSheetPhotos } from './use-sheet-photos';
import type { ReportParams } from './report-link';
import './report.css';

type State = { kind: 'loading' } | { kind: 'ready'; content: ReportContent; withheld: number } | { kind: 'failed'; reason: string };

/**
 * The case report as a printable page: made from the database on this page's own load (so the
 * desktop can print it in a hidden window and the browser from its own tab), released at the level
 * asked for before anything is laid out, noted once in the case's journal.
 */
export function ReportPage({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const format = useFormatters();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const inputs = await loadReportInputs(db, params.caseId);
        const release = params.releaseUpTo ? releaseCase(inputs.snapshot, params.caseId, params.releaseUpTo) : undefined;
        const content = reportContent(
          release?.snapshot ?? inputs.snapshot,
          {
            caseId: params.caseId,
            sections: params.sections,
            today: localToday(),
            author: inputs.author,
            ...(params.personIds ? { personIds: params.personIds } : {}),
            ...(params.asOf ? { asOf: params.asOf } : {}),
            ...(params.knownOn ? { knownOn: params.knownOn } : {}),
            ...(params.releaseUpTo ? { releasedUpTo: params.releaseUpTo } : {}),
          },
          inputs.journal,
        );
        await noteOnce(params.token, () =>
          recordExport(db, params.caseId, {
            fileName: t('report.title'),
            format: 'report',
            scope: params.personIds ? 'view' : 'case',
            ...(params.asOf ? { asOf: params.asOf } : {}),
            persons: content.summary.persons,
            links: content.summary.links,
            marking: content.marking,
            ...(release ? { releasedUpTo: release.upTo, withheld: release.withheld } : {}),
          }),
        );
        const withheld = release ? Object.entries(release.withheld).reduce((n, [k, v]) => n + (k === 'personDetails' ? 0 : v), 0) : 0;
        if (!cancelled) setState({ kind: 'ready', content, withheld });
      } catch (error) {
        if (!cancelled) setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, params, t]);

  const content = state.kind === 'ready' ? state.content : undefined;
  const marking = content ? t(`marking.${content.marking}`) : '';
  // The page's title becomes the PDF's; the margin boxes put the marking and "page n of N" on every page.
  useEffect(() => {
    if (content) document.title = content.caseName;
  }, [content]);
  const rules = useMemo(() => (content ? pageRules(marking, t('report.page.pageWord'), t('report.page.ofWord')) : ''), [content, marking, t]);
  // Ready to print only once the shipped fonts have loaded for the laid-out text: printToPDF does
  // not wait for web fonts, and a name printed in a fallback font may not embed or extract.
  const [fontsLoaded, setFontsLoaded] = useState(false);
  useEffect(() => {
    if (!content) return;
    let live = true;
    void document.fonts.ready.then(() => {
      if (live) setFontsLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [content]);

  const photos = useSheetPhotos(db, content);

  if (state.kind === 'loading') return <main className="report-page"><p aria-busy="true">{t('report.page.loading')}</p></main>;
  if (state.kind === 'failed') return <main className="report-page"><p role="alert">{t('report.page.failed', { reason: state.reason })}</p></main>;
  return (
    <main className="report-page" data-testid={fontsLoaded && photos ? 'report-ready' : 'report-laying-out'} lang={document.documentElement.lang}>
      <style>{rules}</style>
      <div className="report-toolbar">
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('report.page.print')}
        </button>
      </div>
      <ReportSections content={state.content} format={format} markingLabel={(m: Marking) => t(`marking.${m}`)} photos={photos ?? new Map()} />
    </main>
  );
}

/** Writes the journal entry for a report once per token: a reload of the page is the same report. */
async function noteOnce(token: string, note: () => Promise<void>): Promise<void> {
  const key = `vigia-report-noted:${token}`;
  if (sessionStorage.getItem(key)) return;
  await note();
  sessionStorage.setItem(key, '1');
}
