import { isProgressMessage, parseCryptoProgress, type CryptoAnswer, type CryptoCall, type CryptoResponse, type UnsealProgress } from '../../utility/protocol';

/** The part of Electron's UtilityProcess this module uses (utility-wiring.ts adapts the real one). */
export interface CryptoChild {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: () => void): void;
  kill(): void;
}

export interface BundleCryptoClientDeps {
  /** Starts the bundle-crypto utility process; throws if it cannot. */
  spawn(): CryptoChild;
  /** Deletes a stage folder the utility left behind (it died before deleting it). */
  removeFolder(path: string): Promise<void>;
}

/** `unavailable`: the utility process could not be started or died while the call was under way. */
export type ClientAnswer = CryptoAnswer | { ok: false; error: 'unavailable' };

export interface BundleCryptoClient {
  /** `onProgress`: an unseal's progress as the utility reports it, checked, only growing, until the answer. */
  call(request: CryptoCall, onProgress?: (progress: UnsealProgress) => void): Promise<ClientAnswer>;
  /** The app quits: stop the utility process (it deletes its stages on the way out). */
  stop(): void;
}

/**
 * Main's side of the bundle-crypto utility process: started on the first call, once, and again only
 * if it died. Requests and answers are matched by id; main reads none of them beyond that, except
 * to note where each unsealed stage lies, so that a crashed utility's plaintext is still deleted.
 */
export function createBundleCryptoClient(deps: BundleCryptoClientDeps): BundleCryptoClient {
  let child: CryptoChild | undefined;
  let nextId = 1;
  const pending = new Map<number, (answer: ClientAnswer) => void>();
  const watchers = new Map<number, { report: (progress: UnsealProgress) => void; last?: UnsealProgress }>();

  // Progress is the utility's word only: a malformed report, one for another call, one that shrinks
  // or changes its total is dropped, and none is ever taken for an answer.
  function relayProgress(message: unknown): void {
    const progress = parseCryptoProgress(message);
    const watcher = progress && watchers.get(progress.id);
    if (!progress || !watcher) return;
    const { last } = watcher;
    if (last && (progress.progress.total !== last.total || progress.progress.done < last.done)) return;
    watcher.last = progress.progress;
    watcher.report({ done: progress.progress.done, total: progress.progress.total });
  }

  const stageFolders = new Map<string, string>();

  function start(): CryptoChild {
    const started = deps.spawn();
    started.onMessage((message) => {
      if (isProgressMessage(message)) return relayProgress(message);
      const response = message as CryptoResponse;
      const settle = typeof response?.id === 'number' ? pending.get(response.id) : undefined;
      if (!settle) return;
      pending.delete(response.id);
      const { id: _id, ...answer } = response;
      settle(answer);
    });
    started.onExit(() => {
      if (child === started) child = undefined;
      for (const settle of pending.values()) settle({ ok: false, error: 'unavailable' });
      pending.clear();
      for (const folder of stageFolders.values()) void deps.removeFolder(folder).catch(() => undefined);
      stageFolders.clear();
    });
    return started;
  }

  return {
    async call(request, onProgress) {
      try {
        child ??= start();
      } catch {
        return { ok: false, error: 'unavailable' };
      }
      const id = nextId++;
      if (onProgress && request.op === 'unseal') watchers.set(id, { report: onProgress });
      const answer = await new Promise<ClientAnswer>((settle) => {
        pending.set(id, settle);
        child!.postMessage({ ...request, id });
      }).finally(() => watchers.delete(id));
      if (request.op === 'unseal' && answer.ok && answer.value && 'stageFolder' in answer.value) stageFolders.set(request.session, answer.value.stageFolder);
      if (request.op === 'stage-close') stageFolders.delete(request.session);
      return answer;
    },
    stop() {
      child?.kill();
    },
  };
}
