import nodePath from 'node:path';
import type { BridgeResult, LargeSaveTarget, StartSealedSaveRequest, UnsealedLargeFile, UnsealLargeFileRequest, UnsealProgress } from '../../../shared/ipc/contract';
import type { ReadableFile, WritableFile } from '../../node/node-files';
import type { BundleCryptoClient, ClientAnswer } from './bundle-crypto-client';
import type { HandleOwner, LargeFiles } from './large-files';

export interface SealedFilesDeps {
  largeFiles: LargeFiles;
  crypto: BundleCryptoClient;
  /** A fresh session id for the utility (128 random bits in hex, like a handle). */
  newSession(): string;
}

export interface SealedFiles {
  startSave(owner: HandleOwner, request: StartSealedSaveRequest): Promise<BridgeResult<LargeSaveTarget>>;
  /** `onProgress`: the utility's checked progress (bundle-crypto-client.ts), for the window that asked. */
  unseal(owner: HandleOwner, request: UnsealLargeFileRequest, onProgress?: (progress: UnsealProgress) => void): Promise<BridgeResult<UnsealedLargeFile>>;
}

/** A failed call to the utility, as the large-file machinery expects a failed write: thrown. */
function must(answer: ClientAnswer): void {
  if (!answer.ok) throw new Error('error' in answer ? answer.error : answer.refused.code);
}

/**
 * Sealed saves and unsealed files are large-file handles like any other (large-files.ts: ownership,
 * order of writes, commit by rename, delete on abort or when the window goes), whose bytes go through
 * the bundle-crypto utility process: the save's `.partial` file is written by the utility as it
 * encrypts; the unsealed file is the utility's staged plaintext, read by ranges.
 */
export function createSealedFiles(deps: SealedFilesDeps): SealedFiles {
  const { crypto, largeFiles } = deps;

  const sealedPartial = (encryption: StartSealedSaveRequest['encryption']) => async (temporary: string): Promise<WritableFile> => {
    const session = deps.newSession();
    must(await crypto.call({ op: 'seal-open', session, path: temporary, encryption }));
    return {
      write: async (bytes) => must(await crypto.call({ op: 'seal-write', session, bytes })),
      sync: async () => must(await crypto.call({ op: 'seal-finish', session })),
      // Closing twice (finish, then an abandon) is harmless: the second is an unknown session.
      close: async () => void (await crypto.call({ op: 'seal-close', session })),
    };
  };

  return {
    async startSave(owner, { suggestedName, encryption }) {
      // Before the dialog: without the utility process the page encrypts in its worker, and asks only once.
      const up = await crypto.call({ op: 'ping' });
      if (!up.ok) return { ok: false, error: 'unavailable' };
      return largeFiles.startSave(owner, { suggestedName }, sealedPartial(encryption));
    },

    async unseal(owner, { handle, key }, onProgress) {
      if (owner === undefined) return { ok: false, error: 'forbidden_sender' };
      const path = largeFiles.pathOf(owner, handle);
      if (path === undefined) return { ok: false, error: 'invalid_argument' };
      const session = deps.newSession();
      const answer = await crypto.call({ op: 'unseal', session, path, key }, onProgress);
      if (!answer.ok) return 'refused' in answer ? { ok: true, value: { refused: answer.refused } } : { ok: false, error: answer.error === 'unavailable' ? 'unavailable' : 'io_error' };
      if (!answer.value || answer.value instanceof Uint8Array || !('size' in answer.value)) return { ok: false, error: 'io_error' };
      const staged: ReadableFile = {
        size: answer.value.size,
        async read(offset, length) {
          const read = await crypto.call({ op: 'stage-read', session, offset, length });
          if (!read.ok || !(read.value instanceof Uint8Array)) throw new Error('stage_unreadable');
          return read.value;
        },
        close: async () => void (await crypto.call({ op: 'stage-close', session })),
      };
      return largeFiles.adopt(owner, nodePath.basename(path), staged);
    },
  };
}
