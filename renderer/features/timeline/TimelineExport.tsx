import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marking } from '../../../shared/model';
import type { NetworkFilters } from '../../../shared/network';
import { previewRelease } from '../exports/export-client';
import { recordExport, useDatabase } from '../../db';
import { getBridge } from '../../platform/bridge';
import { exportFileName } from '../../ui/export-file-name';
import { timelineSvg, type TimelinePicture } from './timeline-svg';

/** The picture, and what the journal notes of it: the marking it carries, how many people and links it shows. */
export type ExportedTimeline = TimelinePicture & { markingLevel: Marking; persons: number; links: number };

/**
 * Writes the timeline as on screen (its time window, every lane up to a bound) to an SVG or PNG file
 * marked with the case's classification, and notes the export in the case's journal.
 */
export function TimelineExport(props: { caseId: string; caseName: string; today: string; filters: NetworkFilters; picture(): ExportedTimeline }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);

  const run = async (extension: 'svg' | 'png') => {
    setBusy(true);
    setMessage(undefined);
    try {
      // Marked with the highest marking the lanes hold (a link may rest on a source marked above the
      // case), which the export worker reads from the same people and links.
      const { marking } = await previewRelease({ databaseName: db.openedAs, caseId: props.caseId, format: 'graphml', exportedOn: props.today, prisonsAsNodes: false, filters: { ...props.filters, asOf: undefined } }).result;
      const picture = { ...props.picture(), marking: t(`marking.${marking}`), markingLevel: marking };
      const svg = timelineSvg(picture);
      let bytes: Uint8Array;
      if (extension === 'svg') bytes = new TextEncoder().encode(svg);
      else {
        const { svgToPng } = await import('../../ui/svg-to-png');
        const size = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg)!;
        bytes = await svgToPng(svg, Number(size[1]), Number(size[2]));
      }
      const fileName = exportFileName(props.caseName, 'cronologia', props.today, extension);
      const result = await getBridge().saveFile({ suggestedName: fileName, bytes });
      if (result.ok) {
        await recordExport(db, props.caseId, { fileName: result.value.name, format: extension, scope: 'view', persons: picture.persons, links: picture.links, marking: picture.markingLevel });
        setMessage({ text: t('timeline.exported', { name: result.value.name }), error: false });
      } else if (result.error !== 'cancelled') setMessage({ text: t('timeline.exportFailed'), error: true });
    } catch (error) {
      console.error('timeline export failed:', error);
      setMessage({ text: t('timeline.exportFailed'), error: true });
    } finally {
      setBusy(false);
    }
  };

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
