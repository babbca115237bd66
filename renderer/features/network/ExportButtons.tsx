import type { Core } from 'cytoscape';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../platform/bridge';
import type { NetworkSummary } from '../../network-model/elements';
import { legendEntries } from './legend-entries';
import { spainOutlinePath } from '../../network-model/map-projection';
import { withDetail } from './zoom-detail';

interface ExportButtonsProps {
  core: Core | null;
  summary: NetworkSummary;
  caseName: string;
  /** The case's classification marking, as people read it (e.g. "CONFIDENCIAL"). */
  marking: string;
  today: string;
}

/** A file name from the case's name: letters, digits and dashes only, whatever the name holds. */
export function exportFileName(caseName: string, view: string, today: string, extension: string): string {
  const slug = caseName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `${slug || 'caso'}-${view}-${today}.${extension}`;
}

/** Exports the current view, marked with the case's classification and carrying its legend. */
export function ExportButtons({ core, summary, caseName, marking, today }: ExportButtonsProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const run = async (extension: 'png' | 'svg') => {
    if (!core) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const title = t('views.exportTitle', { case: caseName });
      const legend = legendEntries(summary, t);
      const underlayPath = summary.view === 'map' ? spainOutlinePath() : undefined;
      let bytes: Uint8Array;
      if (extension === 'png') {
        const { composePng } = await import('./export-png');
        // Names, arrows and dashes belong in an export whatever the zoom on screen (detail-level.ts).
        bytes = await withDetail(core, () => composePng(core, { marking, title, legend, underlayPath }));
      } else {
        const [{ buildSvg }, { drawnGeometry }] = await Promise.all([import('./export-svg'), import('./drawn-view')]);
        const geometry = await withDetail(core, () => drawnGeometry(core));
        bytes = new TextEncoder().encode(buildSvg({ ...geometry, marking, title, legend, underlayPath }));
      }
      const result = await getBridge().saveFile({ suggestedName: exportFileName(caseName, summary.view, today, extension), bytes });
      if (result.ok) setMessage({ text: t('views.exported', { name: result.value.name }), error: false });
      else if (result.error !== 'cancelled') setMessage({ text: t('views.exportFailed'), error: true });
    } catch {
      setMessage({ text: t('views.exportFailed'), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-buttons">
      <button type="button" className="button quiet" disabled={!core || busy} onClick={() => void run('png')}>
        {t('views.exportPng')}
      </button>
      <button type="button" className="button quiet" disabled={!core || busy} onClick={() => void run('svg')}>
        {t('views.exportSvg')}
      </button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'hint'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
