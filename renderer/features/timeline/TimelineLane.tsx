import type { KeyboardEvent, ReactNode } from 'react';
import type { TimelineLane as Lane, TimelinePoint } from '../../../shared/timeline/model';
import type { TimeScale } from '../../../shared/timeline/time-scale';
import { laneMarks } from './lane-marks';
import { LABEL_WIDTH, LANE_HEIGHT } from './layout';
import type { MarkNames } from './mark-names';
import { MIXED_COLOUR } from './prison-colours';
import type { SelectedRecord } from '../../store/selection-slice';

const MID = LANE_HEIGHT / 2;
const MAX_LABEL = 24;

/** Enter and Space press an SVG button, as they press an HTML one. */
function pressable(action: () => void) {
  return {
    onClick: action,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      action();
    },
  };
}

/** A focus ring for SVG marks (Chromium draws no outline on SVG elements): dark inside, yellow outside. */
function Ring({ x, y, width, height }: { x: number; y: number; width: number; height: number }) {
  return (
    <>
      <rect className="timeline-ring outer" x={x - 2} y={y - 2} width={width + 4} height={height + 4} rx={4} />
      <rect className="timeline-ring" x={x} y={y} width={width} height={height} rx={3} />
    </>
  );
}

// Weak gradings (reliability D–F, or credibility 4–6) are drawn hollow: a second cue besides the name.
const isWeak = (point: TimelinePoint) => point.type === 'link' && !!point.grading && ('DEF'.includes(point.grading.reliability) || point.grading.credibility >= 4);

function PointShape({ point }: { point: TimelinePoint }) {
  const weak = isWeak(point);
  if (point.type === 'event') return <rect className="timeline-event" x={-5} y={MID - 5} width={10} height={10} transform={`rotate(45 0 ${MID})`} />;
  return <circle className={weak ? 'timeline-link weak' : 'timeline-link'} cx={0} cy={MID} r={5} />;
}

/**
 * One lane: its name on the left (a button: selects the person, or opens the prison's record), its
 * stays as bars in their prison's colour, transfers, release markers, and links and events as points.
 * Only the active lane's controls are in the tab order (roving tab index): a lane is one stop, not fifty.
 */
export function TimelineLane(props: {
  lane: Lane;
  index: number;
  count: number;
  y: number;
  width: number;
  scale: TimeScale;
  label: string;
  colours: ReadonlyMap<string, string>;
  names: MarkNames;
  active: boolean;
  selected: boolean;
  clipId: string;
  onActivate(index: number): void;
  onSelectPerson(personId: string): void;
  selectedRecord: SelectedRecord | undefined;
  onSelectRecord(record: SelectedRecord, personId: string): void;
  onOpenPrison(prisonId: string): void;
  onZoomTo(x: number): void;
}) {
  const { lane, width, scale, names, active, colours } = props;
  const marks = laneMarks(lane, scale, width);
  const tab = active ? 0 : -1;
  const focusable = (action: () => void, name: string, children: ReactNode, key: string, x: number, chosen = false) => (
    <g
      key={key}
      className={chosen ? 'timeline-focusable chosen' : 'timeline-focusable'}
      aria-current={chosen ? 'true' : undefined}
      role="button"
      tabIndex={tab}
      aria-label={name}
      transform={`translate(${x},0)`}
      onFocus={() => props.onActivate(props.index)}
      {...pressable(action)}
    >
      <title>{name}</title>
      <Ring x={-8} y={MID - 8} width={16} height={16} />
      {children}
    </g>
  );
  const laneAction = lane.personId
    ? () => props.onSelectPerson(lane.personId!)
    : lane.prisonId
      ? () => props.onOpenPrison(lane.prisonId!)
      : undefined;
  const shortLabel = props.label.length > MAX_LABEL ? `${props.label.slice(0, MAX_LABEL - 1)}…` : props.label;

  return (
    <g
      role="listitem"
      aria-posinset={props.index + 1}
      aria-setsize={props.count}
      className={props.selected ? 'timeline-lane selected' : 'timeline-lane'}
      transform={`translate(0,${props.y})`}
      data-lane-index={props.index}
    >
      <rect className="timeline-lane-bg" x={0} y={0} width={LABEL_WIDTH + width} height={LANE_HEIGHT} onClick={laneAction} />
      <g
        className="timeline-focusable timeline-lane-label"
        role="button"
        tabIndex={tab}
        aria-label={props.label}
        aria-current={props.selected ? 'true' : undefined}
        aria-disabled={laneAction ? undefined : 'true'}
        onFocus={() => props.onActivate(props.index)}
        {...pressable(() => laneAction?.())}
      >
        <Ring x={2} y={3} width={LABEL_WIDTH - 8} height={LANE_HEIGHT - 6} />
        <text x={8} y={MID + 5}>
          {shortLabel}
        </text>
      </g>
      <g transform={`translate(${LABEL_WIDTH},0)`} clipPath={`url(#${props.clipId})`}>
        {marks.bars.map((placed) => {
          const name = placed.type === 'bar' ? names.bar(placed.bar, lane.kind !== 'person') : names.merged(placed.count, placed.from, placed.to);
          const prisonId = placed.type === 'bar' ? placed.bar.prisonId : placed.prisonId;
          const colour = (prisonId && colours.get(prisonId)) || MIXED_COLOUR;
          return (
            <g key={placed.key} role="img" aria-label={name}>
              <title>{name}</title>
              <rect className="timeline-bar" x={placed.x} y={MID - 6} width={placed.width} height={12} rx={2} fill={colour} />
              {placed.type === 'bar' && placed.bar.open && <path d={`M${placed.x + placed.width},${MID - 8} l7,8 l-7,8 z`} fill={colour} />}
            </g>
          );
        })}
        {marks.transfers.map(({ key, x, items }) => {
          const name = items.length === 1 ? names.transfer(items[0]!) : names.group(items.length, items[0]!.date, items[items.length - 1]!.date);
          return (
            <g key={key} role="img" aria-label={name}>
              <title>{name}</title>
              <path className="timeline-transfer" d={`M${x},${MID - 11} v22 M${x - 4},${MID - 7} l4,-4 l4,4`} />
            </g>
          );
        })}
        {marks.markers.map(({ key, x, items }) => {
          const name = items.length === 1 ? names.marker(items[0]!) : names.group(items.length, items[0]!.date, items[items.length - 1]!.date);
          return (
            <g key={key} role="img" aria-label={name}>
              <title>{name}</title>
              <path className={`timeline-release ${items[0]!.kind}`} d={`M${x - 6},${MID - 12} h12 l-6,9 z`} />
            </g>
          );
        })}
        {marks.points.map((placed) => {
          if (placed.type === 'cluster') {
            const name = names.cluster(placed.count, placed.from, placed.to);
            const text = placed.count > 99 ? '99+' : String(placed.count);
            return focusable(
              () => props.onZoomTo(placed.x),
              name,
              <>
                <rect className="timeline-cluster" x={-9} y={MID - 8} width={18} height={16} rx={8} />
                <text className="timeline-cluster-count" x={0} y={MID + 4} textAnchor="middle">
                  {text}
                </text>
              </>,
              placed.key,
              placed.x,
            );
          }
          const { point } = placed;
          const name = names.point(point);
          if (!point.personId) {
            return (
              <g key={placed.key} role="img" aria-label={name} transform={`translate(${placed.x},0)`}>
                <title>{name}</title>
                <PointShape point={point} />
              </g>
            );
          }
          // A link or event pressed is picked with the person whose lane it is on: the network and the panel show it too.
          const chosen = props.selectedRecord?.type === point.type && props.selectedRecord.id === point.id;
          return focusable(() => props.onSelectRecord({ type: point.type, id: point.id }, point.personId!), name, <PointShape point={point} />, placed.key, placed.x, chosen);
        })}
      </g>
    </g>
  );
}
