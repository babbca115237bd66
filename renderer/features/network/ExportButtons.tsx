import type { Core } from 'cytoscape';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marking } from '../../../shared/model';
import type { NetworkFilters, NetworkInput } from '../../../shared/network';
import { useDatabase } from '../../db';
import { useFormatters } from '../../i18n/formatters';
import type { NetworkSummary } from '../../network-model/elements';
import { ReleaseLevel, wholeCaseLevel } from '../../ui/ReleaseLevel';
import type { ReleasePreviewResult } from '../../workers/export-protocol';
import { useReleasePreview } from '../exports/use-release-preview';
import { previewRelease } from '../exports/export-client';
import { useSaveExport } from '../exports/use-save-export';
import { legendEntries } from './legend-entries';
import { spainOutlinePath } from '../../network-model/map-projection';
import { releasedView } from './released-view';
import { withDetail } from './zoom-detail';
import { exportFileName } from '../../ui/export-file-name';

interface ExportButtonsProps {
  core: Core | null;
  summary: NetworkSummary;
  caseId: string;
  caseName: string;
  caseMarking: Marking;
  /** What the view shows (the filters applied) and the filters themselves: a release starts from them. */
  input: NetworkInput;
  filters: NetworkFilters;
  today: string;
}


/**
 * Exports the current view as a picture, marked with the classification it carries and with its
 * legend, and notes it in the case's journal. Released up to a lower marking, the picture is drawn
 * from only what the release keeps (the export worker releases the case and says what it keeps),
 * people grouped by prison, and marked with the highest marking it then holds.
 */
export function ExportButtons({ core, summary, caseId, caseName, caseMarking, input, filters, today }: ExportButtonsProps) {
  const { t } = useTranslation();
  const db = useDatabase();
  const format = useFormatters();
  const { busy, message, save } = useSaveExport(caseId, { saved: (name) => t('views.exported', { name }), failed: t('views.exportFailed') });
  const [level, setLevel] = useState<Marking>(wholeCaseLevel(caseMarking));
  const [preview, setPreview] = useState<ReleasePreviewResult | 'checking'>();
  const releasing = level !== wholeCaseLevel(caseMarking);
  const ready = !releasing || (preview !== undefined && preview !== 'checking');

  const run = (extension: 'png' | 'svg') =>
    save(async () => {
      if (!core) throw new Error('the network is not drawn');
      const title = t('views.exportTitle', { case: caseName });
      const released = releasing && preview && preview !== 'checking' ? preview : undefined;
      // The picture carries the highest marking it holds, never the case's by default: the worker
      // reads the view's records (a link may rest on a source marked above the case).
      const carried = released?.marking ?? (await previewRelease({ database: db.address, caseId, format: 'graphml', exportedOn: today, prisonsAsNodes: false, filters }).result).marking;
      const marking = t(`marking.${carried}`);
      let bytes: Uint8Array;
      if (released) {
        const [{ networkPictureSvg }, { svgToPng }] = await Promise.all([import('./network-picture'), import('../../ui/svg-to-png')]);
        const svg = networkPictureSvg(releasedView(input, released.kept), { title, marking, today, t, formatNumber: format.number });
        if (extension === 'svg') bytes = new TextEncoder().encode(svg);
        else {
          const size = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
          bytes = await svgToPng(svg, Number(size[1]), Number(size[2]), 1);
        }
      } else {
        const legend = legendEntries(summary, t);
        const underlayPath = summary.view === 'map' ? spainOutlinePath() : undefined;
        if (extension === 'png') {
          const { composePng } = await import('./export-png');
          // Names, arrows and dashes belong in an export whatever the zoom on screen (detail-level.ts).
          bytes = await withDetail(core, () => composePng(core, { marking, title, legend, underlayPath }));
        } else {
          const [{ buildSvg }, { drawnGeometry }] = await Promise.all([import('./export-svg'), import('./drawn-view')]);
          const geometry = await withDetail(core, () => drawnGeometry(core));
          bytes = new TextEncoder().encode(buildSvg({ ...geometry, marking, title, legend, underlayPath }));
        }
      }
      return {
        bytes,
        suggestedName: exportFileName(caseName, summary.view, today, extension),
        // A picture of the case left the workstation: the journal says which, of what, at which marking.
        journal: {
          format: extension,
          scope: 'view',
          filters,
          ...(filters.asOf ? { asOf: filters.asOf } : {}),
          persons: released ? released.kept.persons.length : input.persons.length,
          links: released ? released.kept.links.length : input.links.length,
          marking: carried,
          ...(released ? { releasedUpTo: level, withheld: released.withheld } : {}),
        },
      };
    });

  return (
    <div className="export-buttons">
      <ReleaseLevel caseMarking={caseMarking} value={level} onChange={setLevel} preview={releasing ? preview : undefined} />
      {releasing && <PreviewOf caseId={caseId} level={level} filters={filters} onPreview={setPreview} />}
      <button type="button" className="button quiet" disabled={!core || busy || !ready} onClick={() => void run('png')}>
        {t('views.exportPng')}
      </button>
      <button type="button" className="button quiet" disabled={!core || busy || !ready} onClick={() => void run('svg')}>
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

/** Asks the export worker what releasing the view up to `level` keeps; mounted only while a lower level is chosen. */
function PreviewOf({ caseId, level, filters, onPreview }: { caseId: string; level: Marking; filters: NetworkFilters; onPreview(preview: ReleasePreviewResult | 'checking' | undefined): void }) {
  const db = useDatabase();
  const preview = useReleasePreview(db.address, caseId, level, filters);
  useEffect(() => onPreview(preview), [preview, onPreview]);
  return null;
}
