import { decryptToStage, type BundleKey } from '../../shared/bundle/age-layer';
import type { BundleError } from '../../shared/bundle/errors';
import { BUNDLE_LIMITS } from '../../shared/bundle/limits';
import type { BundleFile, PlaintextSink, StagedPlaintext } from '../../shared/bundle/staged-plaintext';
import { UNSEAL_PROGRESS_BYTES, UNSEAL_PROGRESS_MS, type UnsealProgress } from './protocol';

/** The age payload may exceed the entries by the ZIP's own headers and directory (as shared/bundle/read.ts allows). */
export const MAX_UNSEALED_BYTES = BUNDLE_LIMITS.maxTotalBytes + 64 * 1024 * 1024;

export interface UnsealDeps {
  /** The sealed bundle on disk, read in chunks as it decrypts (staged-file.ts's bundleFileAt). */
  openBundleFile(path: string): Promise<BundleFile>;
  /** A fresh stage that says where its file lies (staged-file.ts's tempFileStage). */
  stage(size: number): Promise<PlaintextSink & { readonly path: string }>;
  /** Milliseconds, for pacing progress; performance.now by default (tests inject a clock). */
  now?(): number;
}

export type Unsealed = { ok: true; size: number; stagePath: string } | { ok: false; refused: BundleError };

/**
 * The utility's unsealed bundles, by session: each is decrypted whole into its stage and handed out
 * only once age has authenticated the end of the file (decryptToStage discards the stage otherwise);
 * then main reads it by ranges until it closes the session.
 */
export interface UnsealedStages {
  /** `onProgress`: ciphertext bytes decrypted, paced by `pacedProgress`. */
  unseal(session: string, path: string, key: BundleKey, onProgress?: (progress: UnsealProgress) => void): Promise<Unsealed>;
  /** undefined: no such session. */
  read(session: string, offset: number, length: number): Promise<Uint8Array | undefined>;
  close(session: string): Promise<boolean>;
  closeAll(): Promise<void>;
}

export function createUnsealedStages(deps: UnsealDeps): UnsealedStages {
  const stages = new Map<string, StagedPlaintext>();
  return {
    async unseal(session, path, key, onProgress) {
      if (stages.has(session)) return { ok: false, refused: { code: 'bundle_unreadable', detail: 'session_in_use' } };
      let stagePath = '';
      const stage = async (size: number) => {
        const sink = await deps.stage(size);
        stagePath = sink.path;
        return sink;
      };
      const file = await deps.openBundleFile(path);
      const report = onProgress && pacedProgress(file.size, onProgress, deps.now ?? (() => performance.now()));
      const staged = await decryptToStage(file, key, stage, MAX_UNSEALED_BYTES, report);
      if (!staged.ok) return { ok: false, refused: staged.error };
      stages.set(session, staged.value);
      return { ok: true, size: staged.value.size, stagePath };
    },
    async read(session, offset, length) {
      const staged = stages.get(session);
      if (!staged || offset > staged.size) return undefined;
      // A copy of exactly the bytes read: a view would send its whole backing buffer across.
      const bytes = await staged.read(offset, length);
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    },
    async close(session) {
      const staged = stages.get(session);
      if (!staged) return false;
      stages.delete(session);
      await staged.discard();
      return true;
    },
    async closeAll() {
      const all = [...stages.values()];
      stages.clear();
      await Promise.all(all.map((s) => s.discard().catch(() => undefined)));
    },
  };
}

/**
 * Progress a person can watch without flooding two IPC hops: a report only once both
 * UNSEAL_PROGRESS_BYTES more ciphertext and UNSEAL_PROGRESS_MS went by (so at most total / 4 MiB
 * reports, and at most ten a second), and the last one always. Values only grow and never pass
 * `total`, whatever the file does under us.
 */
export function pacedProgress(total: number, report: (progress: UnsealProgress) => void, now: () => number): (done: number) => void {
  let lastDone = 0;
  let lastAt = now();
  let ended = false;
  return (consumed) => {
    const done = Math.min(Math.max(consumed, lastDone), total);
    if (ended) return;
    const at = now();
    const last = done === total;
    if (!last && (done - lastDone < UNSEAL_PROGRESS_BYTES || at - lastAt < UNSEAL_PROGRESS_MS)) return;
    ended = last;
    lastDone = done;
    lastAt = at;
    report({ done, total });
  };
}
