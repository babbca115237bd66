/**
 * Hybrid logical clock (Kulkarni et al., 2014). Every change a workstation makes is stamped with one,
 * so that merging bundles from machines whose wall clocks disagree still orders edits the way they
 * happened causally, and ties break the same way on every machine.
 *
 * A stamp is a fixed-width string — `<ms, 13 digits>-<counter, 4 hex>-<workstation id>` — so that
 * comparing two stamps is plain string comparison, in code and in IndexedDB indexes alike.
 */
export type HlcStamp = string;

export interface HlcState {
  readonly millis: number;
  readonly counter: number;
  readonly node: string;
}

const MAX_COUNTER = 0xffff;
/** Remote clocks further ahead than this are refused rather than dragging ours into the future. */
export const MAX_CLOCK_DRIFT_MS = 24 * 60 * 60 * 1000;
const STAMP = /^(\d{13})-([0-9a-f]{4})-([A-Za-z0-9_.:-]{1,64})$/;

export function formatStamp(state: HlcState): HlcStamp {
  return `${String(state.millis).padStart(13, '0')}-${state.counter.toString(16).padStart(4, '0')}-${state.node}`;
}

export function parseStamp(stamp: string): HlcState | undefined {
  const match = STAMP.exec(stamp);
  if (!match) return undefined;
  return { millis: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! };
}

export function isStamp(value: unknown): value is HlcStamp {
  return typeof value === 'string' && STAMP.test(value);
}

export class ClockDriftError extends Error {
  constructor(readonly remote: HlcStamp) {
    super(`clock_drift`);
  }
}

/** A workstation's clock. `now` is injected so tests and the demo generator stay deterministic. */
export class HybridLogicalClock {
  private state: HlcState;

  constructor(
    node: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.state = { millis: 0, counter: 0, node };
  }

  get node(): string {
    return this.state.node;
  }

  /** Stamp a local event. */
  tick(): HlcStamp {
    const wall = this.now();
    if (wall > this.state.millis) {
      this.state = { ...this.state, millis: wall, counter: 0 };
    } else {
      this.state = this.bump(this.state.millis, this.state.counter);
    }
    return formatStamp(this.state);
  }

  /** Fold in a stamp received from another workstation, so later local stamps sort after it. */
  receive(remote: HlcStamp): void {
    const other = parseStamp(remote);
    if (!other) throw new TypeError('invalid_stamp');
    const wall = this.now();
    if (other.millis - wall > MAX_CLOCK_DRIFT_MS) throw new ClockDriftError(remote);
    const millis = Math.max(wall, this.state.millis, other.millis);
    let counter = 0;
    if (millis === this.state.millis && millis === other.millis) {
      counter = Math.max(this.state.counter, other.counter) + 1;
    } else if (millis === this.state.millis) {
      counter = this.state.counter + 1;
    } else if (millis === other.millis) {
      counter = other.counter + 1;
    }
    this.state = counter > MAX_COUNTER ? this.bump(millis, MAX_COUNTER) : { ...this.state, millis, counter };
  }

  private bump(millis: number, counter: number): HlcState {
    // Counter overflow borrows a millisecond from the future rather than reusing a stamp.
    return counter >= MAX_COUNTER
      ? { ...this.state, millis: millis + 1, counter: 0 }
      : { ...this.state, millis, counter: counter + 1 };
  }
}
