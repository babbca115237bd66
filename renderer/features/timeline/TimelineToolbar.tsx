import { useTranslation } from 'react-i18next';
import type { TimelineGrouping } from '../../../shared/timeline/model';
import { SegmentedControl } from '../../ui/SegmentedControl';

/** Lanes by person or by prison, zoom, back to today, and the network's date as the timeline sets it. */
export function TimelineToolbar(props: {
  grouping: TimelineGrouping;
  onGrouping(grouping: TimelineGrouping): void;
  onZoom(factor: number): void;
  onToday(): void;
  cursorText: string;
  laneCount: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="timeline-toolbar">
      <SegmentedControl
        label={t('timeline.grouping')}
        value={props.grouping}
        onChange={props.onGrouping}
        segments={[
          { value: 'person', label: t('timeline.byPerson') },
          { value: 'prison', label: t('timeline.byPrison') },
        ]}
      />
      <div className="timeline-actions">
        <button type="button" className="button quiet" onClick={() => props.onZoom(0.5)}>
          {t('timeline.zoomOut')}
        </button>
        <button type="button" className="button quiet" onClick={() => props.onZoom(2)}>
          {t('timeline.zoomIn')}
        </button>
        <button type="button" className="button quiet" onClick={props.onToday}>
          {t('timeline.today')}
        </button>
      </div>
      <p className="timeline-readout" data-testid="timeline-date">
        {props.cursorText}
      </p>
      <p className="hint">{t('timeline.lanes', { count: props.laneCount })}</p>
    </div>
  );
}
