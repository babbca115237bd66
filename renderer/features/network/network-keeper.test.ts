import { afterEach, describe, expect, it } from 'vitest';
import { cachingUnderWay } from './caching-under-way';
import { NetworkKeeper, type KeeperClock, type KeepingCase } from './network-keeper';

/** Every keeper a test made: disposed after it, so no keeping is left under way for the next. */
const keepers: NetworkKeeper[] = [];
afterEach(async () => {
  for (const keeper of keepers.splice(0)) keeper.dispose();
  for (let i = 0; i < 3; i++) await Promise.resolve();
});

/** A clock moved by hand, and a worker per case that settles when told. */
function harness({ quietMs = 2_000, startAfterMs = 10_000 } = {}) {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  const clock: KeeperClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.push({ at: now + ms, run, id: ++nextId });
      return nextId;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const started: { caseId: string; finish: () => void; fail: () => void; cancelled: boolean }[] = [];
  const keep = (caseId: string): KeepingCase => {
    let finish = () => undefined as void;
    let fail = () => undefined as void;
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = () => reject(new Error('worker failed'));
    });
    const entry = { caseId, finish, fail, cancelled: false };
    started.push(entry);
    // As the worker's: cancelling ends it, and what waited for it goes on.
    return {
      done,
      cancel: () => {
        entry.cancelled = true;
        finish();
      },
    };
  };
  const keeper = new NetworkKeeper(keep, { quietMs, startAfterMs, clock });
  keepers.push(keeper);
  const advance = async (ms: number) => {
    now += ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      due.run();
    }
    await Promise.resolve();
  };
  const settle = async (entry: { finish: () => void }) => {
    entry.finish();
    // The keeper hears of it a microtask or two later.
    for (let i = 0; i < 3; i++) await Promise.resolve();
  };
  return { keeper, started, advance, settle, taken: () => started.map((s) => s.caseId) };
}

const states = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('the network keeper', () => {
  it('takes nothing before the first drawing has had its time, then every case but the open one, one at a time', async () => {
    const { keeper, started, advance, settle, taken } = harness();
    keeper.observe(states({ a: '1|x', b: '5|y', open: '9|z' }), 'open');
    await advance(9_999);
    expect(taken()).toEqual([]);
    await advance(1);
    expect(taken()).toEqual(['a']);
    await advance(60_000);
    expect(taken()).toEqual(['a']);
    await settle(started[0]!);
    expect(taken()).toEqual(['a', 'b']);
    await settle(started[1]!);
    await advance(60_000);
    expect(taken()).toEqual(['a', 'b']);
  });

  it('waits for the workstation to be still: each change starts the wait again', async () => {
    const { keeper, advance, taken } = harness({ startAfterMs: 0 });
    keeper.observe(states({ a: '1|x' }), undefined);
    await advance(1_500);
    keeper.observe(states({ a: '2|x' }), undefined);
    await advance(1_500);
    keeper.observe(states({ a: '3|x' }), undefined);
    await advance(1_999);
    expect(taken()).toEqual([]);
    await advance(1);
    expect(taken()).toEqual(['a']);
  });

  it('gives up a case that changes while it is read, and takes it again once still', async () => {
    const { keeper, started, advance, settle, taken } = harness({ startAfterMs: 0 });
    keeper.observe(states({ a: '1|x' }), undefined);
    await advance(2_000);
    expect(taken()).toEqual(['a']);
    keeper.observe(states({ a: '2|x' }), undefined);
    expect(started[0]!.cancelled).toBe(true);
    // The cancelled worker's end changes nothing.
    await settle(started[0]!);
    expect(taken()).toEqual(['a']);
    await advance(2_000);
    expect(taken()).toEqual(['a', 'a']);
    await settle(started[1]!);
    // Kept in its new state: nothing more to do until it changes again.
    keeper.observe(states({ a: '2|x' }), undefined);
    await advance(2_000);
    expect(taken()).toEqual(['a', 'a']);
    keeper.observe(states({ a: '3|x' }), undefined);
    await advance(2_000);
    expect(taken()).toEqual(['a', 'a', 'a']);
  });

  it('leaves the open case to the workspace, and takes it once closed', async () => {
    const { keeper, advance, taken } = harness({ startAfterMs: 0 });
    keeper.observe(states({ a: '1|x' }), 'a');
    await advance(60_000);
    expect(taken()).toEqual([]);
    keeper.observe(states({ a: '2|x' }), 'a');
    await advance(60_000);
    expect(taken()).toEqual([]);
    keeper.observe(states({ a: '2|x' }), undefined);
    await advance(2_000);
    expect(taken()).toEqual(['a']);
  });

  it('finishes a case opened while it is kept, and its opening can wait for it', async () => {
    const { keeper, started, advance, settle, taken } = harness({ startAfterMs: 0 });
    keeper.observe(states({ a: '1|x' }), undefined);
    expect(cachingUnderWay('a')).toBeUndefined();
    await advance(2_000);
    const underWay = cachingUnderWay('a');
    expect(underWay).toBeInstanceOf(Promise);
    let waited = false;
    void underWay!.then(() => (waited = true));
    keeper.observe(states({ a: '1|x' }), 'a');
    expect(started[0]!.cancelled).toBe(false);
    await settle(started[0]!);
    expect(waited).toBe(true);
    expect(cachingUnderWay('a')).toBeUndefined();
    // Kept in that state: closing the case again finds nothing to do.
    keeper.observe(states({ a: '1|x' }), undefined);
    await advance(2_000);
    expect(taken()).toEqual(['a']);
  });

  it('lets an opening waiting for a cancelled keeping go on', async () => {
    const { keeper, started, advance } = harness({ startAfterMs: 0 });
    keeper.observe(states({ a: '1|x' }), undefined);
    await advance(2_000);
    const underWay = cachingUnderWay('a')!;
    keeper.observe(states({ a: '2|x' }), 'a');
    expect(started[0]!.cancelled).toBe(true);
    await underWay;
    await Promise.resolve();
    expect(cachingUnderWay('a')).toBeUndefined();
  });

  it('does not retry a case whose worker failed until the case changes', async () => {
    const { keeper, started, advance, taken } = harness({ startAfterMs: 0 });
    const logged = console.error;
    console.error = () => undefined;
    try {
      keeper.observe(states({ a: '1|x', b: '1|y' }), undefined);
      await advance(2_000);
      started[0]!.fail();
      for (let i = 0; i < 3; i++) await Promise.resolve();
      expect(taken()).toEqual(['a', 'b']);
      keeper.observe(states({ a: '1|x', b: '1|y' }), undefined);
      await advance(2_000);
      expect(taken()).toEqual(['a', 'b']);
    } finally {
      console.error = logged;
    }
  });

  it('ends its worker and takes nothing more once disposed (the workstation locked or closed)', async () => {
    const { keeper, started, advance, taken } = harness({ startAfterMs: 0 });
    keeper.observe(states({ a: '1|x', b: '1|y' }), undefined);
    await advance(2_000);
    keeper.dispose();
    expect(started[0]!.cancelled).toBe(true);
    keeper.observe(states({ c: '1|z' }), undefined);
    await advance(60_000);
    expect(taken()).toEqual(['a']);
  });
});
