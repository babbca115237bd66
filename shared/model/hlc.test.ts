import { describe, expect, it } from 'vitest';
import { ClockDriftError, HybridLogicalClock, MAX_CLOCK_DRIFT_MS, parseStamp } from './hlc';

describe('HybridLogicalClock', () => {
  it('stamps follow wall time and sort as strings', () => {
    let now = 1_000;
    const clock = new HybridLogicalClock('ws-a', () => now);
    const a = clock.tick();
    now = 2_000;
    const b = clock.tick();
    expect(a < b).toBe(true);
    expect(parseStamp(b)).toEqual({ millis: 2_000, counter: 0, node: 'ws-a' });
  });

  it('keeps counting when the wall clock stands still or goes back', () => {
    let now = 5_000;
    const clock = new HybridLogicalClock('ws-a', () => now);
    const a = clock.tick();
    now = 4_000;
    const b = clock.tick();
    const c = clock.tick();
    expect([a, b, c]).toEqual([...[a, b, c]].sort());
    expect(parseStamp(c)).toEqual({ millis: 5_000, counter: 2, node: 'ws-a' });
  });

  it('orders a local change after a received one from a machine whose clock runs ahead', () => {
    const ours = new HybridLogicalClock('ws-a', () => 1_000);
    const theirs = new HybridLogicalClock('ws-b', () => 9_000);
    const remote = theirs.tick();
    ours.receive(remote);
    expect(ours.tick() > remote).toBe(true);
  });

  it('refuses a remote stamp from more than a day in the future', () => {
    const ours = new HybridLogicalClock('ws-a', () => 1_000);
    const far = new HybridLogicalClock('ws-b', () => 1_000 + MAX_CLOCK_DRIFT_MS + 1).tick();
    expect(() => ours.receive(far)).toThrow(ClockDriftError);
  });
});
