/** The lanes to render: `start` included, `end` excluded. */
export interface LaneWindow {
  start: number;
  end: number;
}

/**
 * Which lanes of a tall list a viewport shows, plus `overscan` lanes either side so that scrolling
 * does not flash blank rows. A 10,000-person case renders a few dozen lanes, never all of them.
 * Any input is accepted (a scroll position past the end, a zero-height viewport during layout, NaN
 * from a detached element): the window is always within [0, laneCount].
 */
export function visibleLanes(laneCount: number, laneHeight: number, scrollTop: number, viewportHeight: number, overscan: number): LaneWindow {
  const count = finite(Math.floor(laneCount));
  if (count === 0 || !(laneHeight > 0) || !Number.isFinite(laneHeight)) return { start: 0, end: 0 };
  const top = finite(scrollTop);
  const height = finite(viewportHeight);
  const extra = finite(Math.floor(overscan));
  const first = Math.floor(top / laneHeight);
  const last = Math.ceil((top + height) / laneHeight);
  const start = Math.min(count, Math.max(0, first - extra));
  const end = Math.min(count, Math.max(start, last + extra));
  return { start, end };
}

/** A non-negative finite number, 0 for anything else. */
const finite = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);
