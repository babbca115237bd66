/**
 * Keeps every case's cached network (and a large case's prison overview) up to date with the case,
 * so that opening a case reads one row, not its records, even after it changed while it was not on
 * screen: a bundle merged from the case picker or while another case was open, a case deleted and
 * restored.
 * The open case is left to the workspace, which follows its own changes (use-case-opening.ts); a
 * case opened while it is being kept is finished, and its opening waits for it (caching-under-way.ts).
 *
 * It waits until the workstation has been still for a moment (a merge is many writes; the first
 * drawing after unlock comes first), then brings one case at a time up to date in a worker. A case
 * that changes while its worker reads is given up and taken again once still. A case whose
 * worker failed is not retried until it changes again: the failure would only repeat.
 */

import { noteCachingUnderWay } from './caching-under-way';

/** One case being brought up to date (in a worker): settles when done, failed or cancelled. */
export interface KeepingCase {
  done: Promise<unknown>;
  cancel(): void;
}

export interface KeeperClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export interface KeeperOptions {
  /** How long nothing must change before a case is taken. */
  quietMs: number;
  /** Nothing is taken before this long after the keeper starts: the first drawing after unlock comes first. */
  startAfterMs: number;
  clock: KeeperClock;
}

export const KEEPER_DEFAULTS: KeeperOptions = {
  quietMs: 1_000,
  startAfterMs: 10_000,
  clock: {
    now: () => Date.now(),
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (timer) => window.clearTimeout(timer as number),
  },
};

export class NetworkKeeper {
  /** The state each case was last brought up to date in (or failed in), by case id. */
  private readonly kept = new Map<string, string>();
  private states = new Map<string, string>();
  private openCaseId: string | undefined;
  private running: { caseId: string; stateKey: string; keeping: KeepingCase } | undefined;
  private timer: unknown;
  private readonly notBefore: number;
  private disposed = false;

  constructor(
    private readonly keep: (caseId: string) => KeepingCase,
    private readonly options: KeeperOptions = KEEPER_DEFAULTS,
  ) {
    this.notBefore = options.clock.now() + options.startAfterMs;
  }

  /** The cases as they are now (state by case id, as caseStates gives them) and the one open in the workspace. */
  observe(states: ReadonlyMap<string, string>, openCaseId: string | undefined): void {
    if (this.disposed) return;
    this.states = new Map(states);
    this.openCaseId = openCaseId;
    const running = this.running;
    // Opened meanwhile, it is finished all the same: its opening waits for it.
    if (running && this.states.get(running.caseId) !== running.stateKey) {
      running.keeping.cancel();
      this.running = undefined;
    }
    this.waitForQuiet();
  }

  /** Ends the worker under way, if any, and takes nothing more. */
  dispose(): void {
    this.disposed = true;
    this.options.clock.clearTimeout(this.timer);
    this.running?.keeping.cancel();
    this.running = undefined;
  }

  /** Whether `caseId` in `stateKey` is still the case's state, and not the workspace's to keep. */
  private wanted(caseId: string, stateKey: string): boolean {
    return this.states.get(caseId) === stateKey && caseId !== this.openCaseId;
  }

  private waitForQuiet(): void {
    const { clock, quietMs } = this.options;
    clock.clearTimeout(this.timer);
    this.timer = clock.setTimeout(
      () => {
        this.timer = undefined;
        this.takeNext();
      },
      Math.max(quietMs, this.notBefore - clock.now()),
    );
  }

  private takeNext(): void {
    if (this.disposed || this.running || this.timer !== undefined) return;
    const next = [...this.states].find(([caseId, stateKey]) => this.kept.get(caseId) !== stateKey && this.wanted(caseId, stateKey));
    if (!next) return;
    const [caseId, stateKey] = next;
    const running = { caseId, stateKey, keeping: this.keep(caseId) };
    this.running = running;
    const settled = () => {
      if (this.running !== running) return; // cancelled: taken again once still
      this.running = undefined;
      this.kept.set(caseId, stateKey);
      this.takeNext();
    };
    const ended = running.keeping.done.then(settled, (error: unknown) => {
      console.error(`network keeper: ${caseId} not brought up to date`, error);
      settled();
    });
    noteCachingUnderWay(caseId, ended);
  }
}
