import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../shared/model';
import { dayNumber } from '../../../shared/timeline/dates';
import { dateAt, stepDate, tickUnit, ticks, xOf, type TickUnit, type TimeScale } from '../../../shared/timeline/time-scale';
import { useFormatters } from '../../i18n/formatters';
import { intlLocaleOf } from '../../i18n/i18n';
import { AXIS_HEIGHT, LABEL_WIDTH } from './layout';
import { tickLabel } from './tick-label';

const BIGGER: Record<TickUnit, TickUnit> = { day: 'month', month: 'year', year: 'decade', decade: 'decade' };

/**
 * The ruler above the lanes, and the network's date on it: a slider (WAI-ARIA slider pattern).
 * Arrow keys move the date by the unit the ruler shows (a day, a month, a year), Page Up / Page Down
 * by the next unit up, End to the first date of the case; Home (today) is the view's own key.
 * Clicking or dragging on the ruler puts the date there.
 */
export function TimelineAxis(props: {
  scale: TimeScale;
  width: number;
  cursor: IsoDate;
  min: IsoDate;
  max: IsoDate;
  describedBy: string;
  onCursor(date: IsoDate): void;
}) {
  const { scale, width, cursor, min, max, onCursor } = props;
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const dragging = useRef(false);
  const locale = intlLocaleOf(i18n.language);
  const unit = tickUnit(scale);
  const step: TickUnit = unit === 'decade' ? 'year' : unit;
  const clamp = (date: IsoDate) => (date < min ? min : date > max ? max : date);

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => IsoDate> = {
      ArrowLeft: () => stepDate(cursor, step, -1),
      ArrowDown: () => stepDate(cursor, step, -1),
      ArrowRight: () => stepDate(cursor, step, 1),
      ArrowUp: () => stepDate(cursor, step, 1),
      PageDown: () => stepDate(cursor, BIGGER[step], -1),
      PageUp: () => stepDate(cursor, BIGGER[step], 1),
      End: () => min,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    // The view's own handler must not also pan the chart with the same arrow.
    event.stopPropagation();
    onCursor(clamp(move()));
  };
  const at = (event: PointerEvent<HTMLDivElement>) => {
    const left = event.currentTarget.getBoundingClientRect().left;
    onCursor(clamp(dateAt(scale, event.clientX - left - LABEL_WIDTH)));
  };

  const cursorX = LABEL_WIDTH + xOf(scale, cursor);
  return (
    <div
      className="timeline-axis"
      role="slider"
      tabIndex={0}
      aria-label={t('timeline.cursor')}
      aria-valuemin={dayNumber(min)}
      aria-valuemax={dayNumber(max)}
      aria-valuenow={dayNumber(cursor)}
      aria-valuetext={format.date(cursor)}
      aria-describedby={props.describedBy}
      data-testid="timeline-axis"
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        dragging.current = true;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        at(event);
      }}
      onPointerMove={(event) => dragging.current && at(event)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    >
      <svg width={LABEL_WIDTH + width} height={AXIS_HEIGHT} aria-hidden="true" focusable="false">
        <text className="timeline-axis-date" x={8} y={AXIS_HEIGHT / 2 + 5}>
          {format.date(cursor)}
        </text>
        <g transform={`translate(${LABEL_WIDTH},0)`}>
          <line className="timeline-axis-base" x1={0} x2={width} y1={AXIS_HEIGHT - 1} y2={AXIS_HEIGHT - 1} />
          {ticks(scale, width).map((tick) => (
            <g key={tick.date} transform={`translate(${tick.x},0)`}>
              <line className="timeline-tick" y1={AXIS_HEIGHT - 8} y2={AXIS_HEIGHT} />
              <text className="timeline-tick-label" x={3} y={AXIS_HEIGHT - 12}>
                {tickLabel(tick, locale)}
              </text>
            </g>
          ))}
        </g>
        {cursorX >= LABEL_WIDTH && cursorX <= LABEL_WIDTH + width && (
          <path className="timeline-cursor-handle" d={`M${cursorX - 7},0 h14 l-7,10 z`} />
        )}
      </svg>
    </div>
  );
}
