import { ClockDriftError, HybridLogicalClock, MAX_CLOCK_DRIFT_MS, parseStamp, type HlcStamp } from '../../shared/model';
import type { VigiaDatabase } from './database';
import { getSetting, putInternalSetting } from './settings';

/**
 * The workstation's clock, resumed from the last stamp it issued. Wall time is floored at that
 * stamp, so a clock set back (or a restart on a machine whose time jumped) never yields a stamp
 * that sorts before one already issued.
 */
export function resumeClock(node: string, last: HlcStamp | null, now: () => number): HybridLogicalClock {
  const lastState = last ? parseStamp(last) : undefined;
  if (!lastState) return new HybridLogicalClock(node, now);
  const floor = lastState.millis;
  const clock = new HybridLogicalClock(node, () => Math.max(now(), floor));
  clock.receive(last!);
  return clock;
}

/**
 * Issues the next stamp and persists it. Call inside the `rw` transaction that writes the change,
 * so the stamp and the change are stored together or not at all; re-reading the persisted stamp
 * each time keeps two windows or a worker on the same database in order too.
 */
export async function tickClock(db: VigiaDatabase, workstationId: string): Promise<HlcStamp> {
  const clock = resumeClock(workstationId, await getSetting(db, 'clock'), db.now);
  const stamp = clock.tick();
  await putInternalSetting(db, 'clock', stamp);
  return stamp;
}

/**
 * Folds stamps that arrived from elsewhere (an import) into the clock, so later local changes sort
 * after them. Stamps more than a day ahead of this machine's time are not folded in (they would
 * drag every later stamp into the future); how many were left out is returned for the report.
 */
export async function observeStamps(
  db: VigiaDatabase,
  workstationId: string,
  stamps: Iterable<HlcStamp>,
): Promise<{ refused: number }> {
  const clock = resumeClock(workstationId, await getSetting(db, 'clock'), db.now);
  const horizon = db.now() + MAX_CLOCK_DRIFT_MS;
  let refused = 0;
  let latest: HlcStamp | undefined;
  for (const stamp of stamps) {
    const state = parseStamp(stamp);
    if (!state || state.millis > horizon) refused++;
    else if (!latest || stamp > latest) latest = stamp;
  }
  if (latest) {
    try {
      clock.receive(latest);
    } catch (error) {
      // The clock's own floor can sit ahead of the wall time; anything it still refuses is left out.
      if (!(error instanceof ClockDriftError)) throw error;
      return { refused: refused + 1 };
    }
    // The clock's state is private; issuing one stamp is how it is persisted.
    await putInternalSetting(db, 'clock', clock.tick());
  }
  return { refused };
}
