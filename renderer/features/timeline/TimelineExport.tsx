import { useTranslation } from 'react-i18next';
import type { NetworkFilters } from '../../../shared/network';
import { previewRelease } from '../exports/export-client';
import { useSaveExport } from '../exports/use-save-export';
import { useDatabase } from '../../db';
import { exportFileName } from '../../ui/export-file-name';
import { timelineSvg, type TimelinePicture } from './timeline-svg';

/** The picture, and what the journal notes of it: how many people and links it shows. */
export type ExportedTimeline = TimelinePicture & { persons: number; links: number };

/**
 * Writes the timeline as on screen (its time window, every lane up to a bound) to an SVG or PNG file
 * marked with the highest marking it holds, and notes the export in the case's journal.
 */
export function TimelineExport(props: { caseId: string; caseName: string; today: string; filters: NetworkFilters; picture(): ExportedTimeline }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { busy, message, save } = useSaveExport(props.caseId, { saved: (name) => t('timeline.exported', { name }), failed: t('timeline.exportFailed') });

  const run = (extension: 'svg' | 'png') =>
    save(async () => {
      // Marked with the highest marking the lanes hold (a link may rest on a source marked above the
      // case), which the export worker reads from the same people and links.
      const { marking } = await previewRelease({ database: db.address, caseId: props.caseId, format: 'graphml', exportedOn: props.today, prisonsAsNodes: false, filters: { ...props.filters, asOf: undefined } }).result;
      const picture = { ...props.picture(), marking: t(`marking.${marking}`) };
      const svg = timelineSvg(picture);
      let bytes: Uint8Array;
      if (extension === 'svg') bytes = new TextEncoder().encode(svg);
      else {
        const { svgToPng } = await import('../../ui/svg-to-png');
        const size = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg)!;
        bytes = await svgToPng(svg, Number(size[1]), Number(size[2]));
      }
      return {
        bytes,
        suggestedName: exportFileName(props.caseName, 'cronologia', props.today, extension),
        journal: { format: extension, scope: 'view', persons: picture.persons, links: picture.links, marking },
      };
    });

  return (
    <div className="timeline-export">
      <button type="button" className="button quiet" disabled={busy} onClick={() => void run('png')}>
        {t('timeline.exportPng')}
      </button>
      <button type="button" className="button quiet" disabled={busy} onClick={() => void run('svg')}>
        {t('timeline.exportSvg')}
      </button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'hint'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
