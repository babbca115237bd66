import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { IsoDate } from '../../../shared/model';
import { centreOn, dateAt, fitScale, panBy, ticks, xOf, zoomAt, type TimeScale } from '../../../shared/timeline/time-scale';
import type { CaseNetwork } from '../../db';
import { localToday, useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { LABEL_WIDTH } from './layout';
import { useMarkNames, type NameBook } from './mark-names';
import { prisonColours } from './prison-colours';
import { TimelineAxis } from './TimelineAxis';
import { TimelineLanes } from './TimelineLanes';
import { TimelineToolbar } from './TimelineToolbar';
import { TimelineExport, type ExportedTimeline } from './TimelineExport';
import { tickLabel } from './tick-label';
import { intlLocaleOf } from '../../i18n/i18n';
import { UndatedList } from './UndatedList';
import { useElementSize } from './use-element-size';
import { useTimelineModel } from './use-timeline-model';
import './timeline.css';

/** The performance mark set when the timeline's lanes are first on screen. */
export const TIMELINE_DRAWN_MARK = 'vigia:timeline-drawn';

// Per notch of a mouse wheel (deltaY ≈ 100): about ×1.2.
const WHEEL_ZOOM = 0.0018;

/**
 * The case in time, beside the network: lanes of stays, transfers, releases, links and events, and
 * the network's "as of" date as a cursor. The cursor is the network filter's `asOf` (undefined =
 * today), so moving it here moves the network, and the other way round.
 */
// An exported picture holds at most this many lanes: a PNG taller than ~16k pixels cannot be drawn.
const MAX_EXPORTED_LANES = 500;

export function TimelineView({ network, onDrawn }: { network: CaseNetwork; /** The lanes showed for the first time. */ onDrawn?: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const hintId = useId();
  const [today] = useState(localToday);
  const ui = useUiStore(
    useShallow((s) => ({
      grouping: s.timelineGrouping,
      setGrouping: s.setTimelineGrouping,
      asOf: s.networkFilters.asOf,
      filters: s.networkFilters,
      setFilters: s.setNetworkFilters,
      selectedPersonId: s.selectedPersonId,
      selectedRecord: s.selectedRecord,
      selectRecord: s.selectRecord,
      focusRequest: s.focusRequest,
      selectPerson: s.selectPerson,
      openDialog: s.openDialog,
    })),
  );
  const model = useTimelineModel(network, ui.grouping, today, ui.filters);
  const colours = useMemo(() => prisonColours(network.prisons), [network.prisons]);
  const book = useMemo<NameBook>(() => {
    const persons = new Map(network.persons.map((p) => [p.id, p.primaryName]));
    const prisons = new Map(network.prisons.map((p) => [p.id, p.name]));
    return { person: (id) => persons.get(id) ?? id, prison: (id) => prisons.get(id) ?? id };
  }, [network.persons, network.prisons]);
  const names = useMarkNames(book);
  // The workspace starts the analytics once the middle pane has drawn, whichever pane that is.
  const ready = model !== undefined;
  useEffect(() => {
    if (!ready) return;
    // What the benchmark times (test/bench/timeline.bench.ts): the lanes are on screen from this commit.
    performance.mark(TIMELINE_DRAWN_MARK);
    onDrawn?.();
  }, [ready, onDrawn]);

  const lanesRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(lanesRef, model !== undefined);
  const width = Math.max(100, size.width - LABEL_WIDTH);
  const [chosenScale, setScale] = useState<TimeScale>();
  // Until the analyst zooms or pans, the view fits the whole case.
  const scale = chosenScale ?? (model ? fitScale(model.first, model.last, width) : undefined);
  const cursor = ui.asOf ?? today;
  const min = model && model.first < today ? model.first : today;

  const setCursor = (date: IsoDate) => {
    // The same rule as the network's slider: today (or later) is "no date set".
    ui.setFilters({ asOf: date >= today ? undefined : date });
    if (scale) {
      const x = xOf(scale, date);
      if (x < 0 || x > width) setScale(centreOn(scale, date, width));
    }
  };
  const zoom = (factor: number, anchor?: number) => {
    if (!scale) return;
    const cursorX = xOf(scale, cursor);
    setScale(zoomAt(scale, factor, anchor ?? (cursorX >= 0 && cursorX <= width ? cursorX : width / 2)));
  };
  const toToday = () => {
    setCursor(today);
    if (scale) setScale(centreOn(scale, today, width));
  };

  // The wheel zooms over the ruler or with Ctrl; React's wheel handlers are passive and cannot stop
  // the page (or Electron's zoom) from taking it, hence a native listener.
  const onWheel = useEffectEvent((event: WheelEvent) => {
    const frame = frameRef.current;
    if (!scale || !frame) return;
    const onAxis = !!(event.target as Element | null)?.closest?.('.timeline-axis');
    const sideways = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
    if (onAxis || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      const x = event.clientX - frame.getBoundingClientRect().left - LABEL_WIDTH;
      setScale(zoomAt(scale, Math.exp(-event.deltaY * WHEEL_ZOOM), x));
    } else if (sideways) {
      event.preventDefault();
      setScale(panBy(scale, event.deltaX || event.deltaY));
    }
  });
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const listener = (event: WheelEvent) => onWheel(event);
    frame.addEventListener('wheel', listener, { passive: false });
    return () => frame.removeEventListener('wheel', listener);
  }, [ready]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === '+' || event.key === '=') zoom(2);
    else if (event.key === '-' || event.key === '_') zoom(0.5);
    else if (event.key === 'Home') toToday();
    else return;
    event.preventDefault();
  };

  const picture = (): ExportedTimeline => {
    if (!model || !scale) throw new Error('timeline not ready');
    const shown = model.lanes.slice(0, MAX_EXPORTED_LANES);
    const locale = intlLocaleOf(i18n.language);
    const linkIds = new Set(shown.flatMap((lane) => lane.points.filter((p) => p.type === 'link').map((p) => p.id)));
    return {
      lanes: shown,
      labels: new Map(shown.map((lane) => [lane.key, lane.personId ? book.person(lane.personId) : lane.prisonId ? book.prison(lane.prisonId) : lane.label])),
      scale,
      width,
      colours,
      ticks: ticks(scale, width).map((tick) => ({ x: xOf(scale, tick.date), label: tickLabel(tick, locale) })),
      cursor: { x: xOf(scale, cursor), label: format.date(cursor) },
      marking: t(`marking.${network.case.marking}`),
      title: t('timeline.exportTitle', { case: network.case.name }),
      subtitle: t('timeline.exportWindow', {
        from: format.date(dateAt(scale, 0)),
        to: format.date(dateAt(scale, width)),
        grouping: t(ui.grouping === 'person' ? 'timeline.byPerson' : 'timeline.byPrison'),
        shown: shown.length,
        total: model.lanes.length,
      }),
      persons: shown.filter((lane) => lane.personId).length,
      links: linkIds.size,
    };
  };

  if (!model || !scale) {
    return (
      <section className="timeline-view" aria-label={t('timeline.title')} aria-busy="true">
        <p className="hint timeline-loading">{t('timeline.loading')}</p>
      </section>
    );
  }
  return (
    <section className="timeline-view" aria-label={t('timeline.title')}>
      <TimelineToolbar
        grouping={ui.grouping}
        onGrouping={ui.setGrouping}
        onZoom={(factor) => zoom(factor)}
        onToday={toToday}
        cursorText={t('timeline.cursorShown', { date: format.date(cursor) })}
        laneCount={model.lanes.length}
      />
      <TimelineExport caseId={network.case.id} caseName={network.case.name} today={today} filters={ui.filters} picture={picture} />
      <p id={hintId} className="hint timeline-hint">
        {t('timeline.keyboard')}
      </p>
      <div ref={frameRef} className="timeline-frame" onKeyDown={onKeyDown}>
        <TimelineAxis scale={scale} width={width} cursor={cursor} min={min} max={today} describedBy={hintId} onCursor={setCursor} />
        <TimelineLanes
          model={model}
          scale={scale}
          width={width}
          height={size.height}
          cursor={cursor}
          colours={colours}
          names={names}
          selectedPersonId={ui.selectedPersonId}
          focusRequest={ui.focusRequest}
          describedBy={hintId}
          scrollRef={lanesRef}
          onSelectPerson={(personId) => ui.selectPerson(personId)}
          selectedRecord={ui.selectedRecord}
          onSelectRecord={(record, personId) => ui.selectRecord(record, personId)}
          onOpenPrison={(id) => ui.openDialog({ kind: 'record', record: { type: 'prison', id } })}
          onPan={(dx) => setScale(panBy(scale, dx))}
          onZoomTo={(x) => setScale(zoomAt(scale, 4, x))}
        />
      </div>
      <UndatedList items={model.undated} names={names} />
    </section>
  );
}
