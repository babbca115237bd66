import type { SelectedRecord } from '../../store/selection-slice';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../shared/model';
import type { TimelineLane as Lane, TimelineModel } from '../../../shared/timeline/model';
import { xOf, type TimeScale } from '../../../shared/timeline/time-scale';
import { visibleLanes } from '../../../shared/timeline/virtual-window';
import { LABEL_WIDTH, LANE_HEIGHT, OVERSCAN } from './layout';
import type { MarkNames } from './mark-names';
import { TimelineLane } from './TimelineLane';

const DRAG_THRESHOLD_PX = 4;

/**
 * The lanes, virtualised: a scrolling box as tall as every lane, with only the lanes in view (and a
 * few either side) drawn into it, so a 10,000-person case renders a few dozen. Keyboard: ↑ ↓ Page Up
 * Page Down and Ctrl+Home / Ctrl+End move between lanes (the lane under focus is always drawn), ← →
 * pan; Enter on a lane's name selects the person. Dragging the chart pans it.
 */
export function TimelineLanes(props: {
  model: TimelineModel;
  scale: TimeScale;
  width: number;
  height: number;
  cursor: IsoDate;
  colours: ReadonlyMap<string, string>;
  names: MarkNames;
  selectedPersonId: string | undefined;
  /** The link or event picked here or on the network (drawn outlined on every lane that shows it). */
  selectedRecord: SelectedRecord | undefined;
  focusRequest: number;
  describedBy: string;
  scrollRef: RefObject<HTMLDivElement | null>;
  onSelectPerson(personId: string): void;
  onSelectRecord(record: SelectedRecord, personId: string): void;
  onOpenPrison(prisonId: string): void;
  onPan(dx: number): void;
  onZoomTo(x: number): void;
}) {
  const { model, scale, width, height, scrollRef } = props;
  const { t } = useTranslation();
  const clipId = `timeline-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const drag = useRef<{ x: number; moved: boolean } | undefined>(undefined);
  const count = model.lanes.length;
  const current = Math.min(active, Math.max(0, count - 1));

  const reveal = (index: number, centre = false) => {
    const box = scrollRef.current;
    if (!box) return;
    const top = index * LANE_HEIGHT;
    if (centre) box.scrollTop = Math.max(0, top - height / 2);
    else if (top < box.scrollTop) box.scrollTop = top;
    else if (top + LANE_HEIGHT > box.scrollTop + height) box.scrollTop = top + LANE_HEIGHT - height;
    setScrollTop(box.scrollTop);
  };
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    focusPending.current = true;
    setActive(next);
    reveal(next);
  };

  // Focus follows the keyboard onto the lane's name once that lane is drawn.
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scrollRef.current?.querySelector<SVGGElement>(`[data-lane-index="${current}"] .timeline-lane-label`)?.focus();
  }, [current, scrollRef]);

  // A person chosen elsewhere (the people list, the network) becomes the active lane here too
  // (adjusted while rendering, as React advises for state that follows a prop)…
  const { selectedPersonId, focusRequest } = props;
  const [followed, setFollowed] = useState({ selectedPersonId, focusRequest });
  if (followed.selectedPersonId !== selectedPersonId || followed.focusRequest !== focusRequest) {
    setFollowed({ selectedPersonId, focusRequest });
    const index = model.lanes.findIndex((l) => l.personId === selectedPersonId);
    if (index >= 0) setActive(index);
  }
  // …and is scrolled into view (the scroll event then redraws the window).
  useEffect(() => {
    const box = scrollRef.current;
    const index = selectedPersonId ? model.lanes.findIndex((l) => l.personId === selectedPersonId) : -1;
    if (!box || index < 0) return;
    if (index * LANE_HEIGHT < box.scrollTop || (index + 1) * LANE_HEIGHT > box.scrollTop + height) {
      box.scrollTop = Math.max(0, index * LANE_HEIGHT - height / 2);
    }
    // Only on an explicit selection, not whenever the model is rebuilt or the view resized.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedPersonId, focusRequest]);

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / LANE_HEIGHT) - 1);
    const moves: Record<string, number | undefined> = {
      ArrowUp: current - 1,
      ArrowDown: current + 1,
      PageUp: current - page,
      PageDown: current + page,
      Home: event.ctrlKey ? 0 : undefined,
      End: event.ctrlKey ? count - 1 : undefined,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      event.stopPropagation();
      moveTo(target);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      props.onPan(event.key === 'ArrowLeft' ? -width / 8 : width / 8);
    }
  };

  const window = visibleLanes(count, LANE_HEIGHT, scrollTop, height, OVERSCAN);
  const drawn: [number, Lane][] = [];
  for (let i = window.start; i < window.end; i++) drawn.push([i, model.lanes[i]!]);
  if (count > 0 && (current < window.start || current >= window.end)) drawn.push([current, model.lanes[current]!]);
  const svgTop = window.start * LANE_HEIGHT;
  const svgHeight = Math.max(LANE_HEIGHT, (window.end - window.start) * LANE_HEIGHT);
  const cursorX = xOf(scale, props.cursor);
  const todayX = xOf(scale, model.today);
  const laneLabel = (lane: Lane) => (lane.kind === 'case' ? t('timeline.caseLane') : lane.kind === 'outside' ? t('timeline.outsideLane') : lane.label);

  return (
    <div
      ref={scrollRef}
      className="timeline-lanes"
      role="group"
      aria-label={t('timeline.lanesLabel')}
      aria-describedby={props.describedBy}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div className="timeline-lanes-inner" style={{ height: count * LANE_HEIGHT }}>
        <svg
          className="timeline-lanes-svg"
          role="list"
          aria-label={t('timeline.lanes', { count })}
          width={LABEL_WIDTH + width}
          height={svgHeight}
          style={{ top: svgTop }}
          overflow="visible"
          onPointerDown={(event) => {
            if (event.button === 0) drag.current = { x: event.clientX, moved: false };
          }}
          onPointerMove={(event) => {
            const start = drag.current;
            if (!start || (event.buttons & 1) === 0) return;
            const dx = event.clientX - start.x;
            if (!start.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
            start.moved = true;
            start.x = event.clientX;
            props.onPan(-dx);
          }}
          onClickCapture={(event) => {
            // The end of a drag is not a click on whatever lies under the pointer.
            if (drag.current?.moved) event.stopPropagation();
            drag.current = undefined;
          }}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={0} y={-count * LANE_HEIGHT} width={width} height={3 * count * LANE_HEIGHT + LANE_HEIGHT} />
            </clipPath>
          </defs>
          {drawn.map(([index, lane]) => (
            <TimelineLane
              key={lane.key}
              lane={lane}
              index={index}
              count={count}
              y={(index - window.start) * LANE_HEIGHT}
              width={width}
              scale={scale}
              label={laneLabel(lane)}
              colours={props.colours}
              names={props.names}
              active={index === current}
              selected={!!lane.personId && lane.personId === props.selectedPersonId}
              clipId={clipId}
              onActivate={setActive}
              onSelectPerson={props.onSelectPerson}
              selectedRecord={props.selectedRecord}
              onSelectRecord={props.onSelectRecord}
              onOpenPrison={props.onOpenPrison}
              onZoomTo={props.onZoomTo}
            />
          ))}
          {todayX >= 0 && todayX <= width && (
            <line className="timeline-today" x1={LABEL_WIDTH + todayX} x2={LABEL_WIDTH + todayX} y1={0} y2={svgHeight} aria-hidden="true" />
          )}
          {cursorX >= 0 && cursorX <= width && (
            <line className="timeline-cursor" data-testid="timeline-cursor" x1={LABEL_WIDTH + cursorX} x2={LABEL_WIDTH + cursorX} y1={0} y2={svgHeight} aria-hidden="true" />
          )}
        </svg>
      </div>
    </div>
  );
}
