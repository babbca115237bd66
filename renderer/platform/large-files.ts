import type { BridgeErrorCode, BridgeResult, LargeSaveTarget, StartSealedSaveRequest, UnsealLargeFileRequest, UnsealProgress, VigiaBridge } from '../../shared/ipc/contract';
import type { BundleError } from '../../shared/bundle/errors';
import { MAX_BRIDGE_CHUNK_BYTES } from '../../shared/ipc/contract';
import { getBridge } from './bridge';
import { isWebBridge } from './web-bridge';

/**
 * Bundles in and out of the app without ever holding one whole: the page's side of the bridge's
 * large-file calls. The bundle worker cannot call the bridge (it lives on window), so the page hands
 * it either the picked File (web mode: the worker reads it itself) or a stream the page feeds from
 * main in chunks (Electron), and takes back a Blob (web: downloaded) or a stream it writes to main.
 */
export interface PickedLargeFile {
  readonly name: string;
  readonly size: number;
  /** What the bundle worker reads; a fresh stream per call, so a mistyped passphrase can retry. */
  forWorker(): Blob | { stream: ReadableStream<Uint8Array>; size: number };
  /** The first bytes (the age header), read without the rest. */
  head(length: number): Promise<Uint8Array>;
  /** Releases the handle; safe to call twice. */
  close(): Promise<void>;
  /**
   * Desktop only: decrypts the file in the utility process into a staged plaintext, authenticated
   * whole before this answers; what age refuses comes back as `refused`. Callable again (a mistyped
   * passphrase). Absent where the bridge has no utility process (web mode). `onProgress`: ciphertext
   * bytes decrypted of the file's size, only growing, never past the size.
   */
  unseal?(key: UnsealLargeFileRequest['key'], onProgress?: (progress: UnsealProgress) => void): Promise<BridgeResult<UnsealedPlaintext | { refused: BundleError }>>;
}

/** A decrypted bundle waiting in the utility process, read by ranges; `close` deletes it. */
export interface UnsealedPlaintext {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function pickLargeFile(extensions: string[], bridge: VigiaBridge = getBridge()): Promise<BridgeResult<PickedLargeFile>> {
  const opened = await bridge.openLargeFile({ extensions });
  if (!opened.ok) return opened;
  const { name, size, handle } = opened.value;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await bridge.closeFile({ handle });
  };
  const file = isWebBridge(bridge) ? bridge.pickedFile(handle) : undefined;
  if (file) {
    return { ok: true, value: { name, size, forWorker: () => file, head: async (length) => new Uint8Array(await file.slice(0, length).arrayBuffer()), close } };
  }
  const unseal = bridge.unsealLargeFile?.bind(bridge);
  return {
    ok: true,
    value: {
      name,
      size,
      ...(unseal
        ? { unseal: (key: UnsealLargeFileRequest['key'], onProgress?: (progress: UnsealProgress) => void) => unsealedFrom(bridge, unseal, handle, key, size, onProgress) }
        : {}),
      forWorker: () => ({ stream: bridgeStream(bridge, handle, size), size }),
      async head(length) {
        const read = await bridge.readFile({ handle, offset: 0, length: Math.min(length, MAX_BRIDGE_CHUNK_BYTES) });
        return read.ok ? read.value : new Uint8Array();
      },
      close,
    },
  };
}

async function unsealedFrom(
  bridge: VigiaBridge,
  unseal: NonNullable<VigiaBridge['unsealLargeFile']>,
  handle: string,
  key: UnsealLargeFileRequest['key'],
  size: number,
  onProgress?: (progress: UnsealProgress) => void,
): Promise<BridgeResult<UnsealedPlaintext | { refused: BundleError }>> {
  const unsealed = await unseal({ handle, key }, onProgress && steadyProgress(size, onProgress));
  if (!unsealed.ok) return unsealed;
  if ('refused' in unsealed.value) return { ok: true, value: { refused: unsealed.value.refused } };
  const staged = unsealed.value;
  let closed = false;
  return {
    ok: true,
    value: {
      size: staged.size,
      async read(offset, length) {
        const read = await bridge.readFile({ handle: staged.handle, offset, length });
        if (!read.ok) throw new Error(read.error);
        return read.value;
      },
      async close() {
        if (closed) return;
        closed = true;
        await bridge.closeFile({ handle: staged.handle });
      },
    },
  };
}

/**
 * The last hop's check before a bar moves: progress of a file of `size` bytes (what `openLargeFile`
 * said), so a total that is not the file's, or a count that shrinks or overshoots, is dropped.
 */
function steadyProgress(size: number, report: (progress: UnsealProgress) => void): (progress: UnsealProgress) => void {
  let last = -1;
  return ({ done, total }) => {
    if (total !== size || !Number.isSafeInteger(done) || done < last || done > total) return;
    last = done;
    report({ done, total });
  };
}

/** Whether this bridge seals and unseals bundles in Electron's utility process (the desktop app). */
export function sealsInUtilityProcess(bridge: VigiaBridge = getBridge()): boolean {
  return !isWebBridge(bridge) && typeof bridge.startSealedSave === 'function' && typeof bridge.unsealLargeFile === 'function';
}

/** The file read through the bridge one chunk per pull: at most a chunk or two in memory. */
export function bridgeStream(bridge: VigiaBridge, handle: string, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (offset >= size) return controller.close();
        const read = await bridge.readFile({ handle, offset, length: Math.min(MAX_BRIDGE_CHUNK_BYTES, size - offset) });
        if (!read.ok) return controller.error(new Error(read.error));
        // The file shrank since it was opened: age would call it truncated, but say why.
        if (read.value.length === 0) return controller.error(new Error('io_error'));
        offset += read.value.length;
        controller.enqueue(read.value);
      },
    },
    { highWaterMark: 0 },
  );
}

/** What the export job should produce on this platform (bundle-protocol ExportedFile). */
export function exportOutput(bridge: VigiaBridge = getBridge()): 'blob' | 'stream' {
  return isWebBridge(bridge) ? 'blob' : 'stream';
}

/**
 * Saves an exported bundle where the analyst chooses. Web mode downloads a Blob as it is; otherwise
 * the bytes go to main in chunks of up to MAX_BRIDGE_CHUNK_BYTES, and only a complete file is kept:
 * a cancelled dialog, an aborted `signal` (the dialog closed), a failed write or a failed export
 * (the stream errors) deletes the partial file. A failed export or write is `io_error`.
 */
export async function saveLargeFile(
  suggestedName: string,
  file: Blob | ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  bridge: VigiaBridge = getBridge(),
): Promise<BridgeResult<{ name: string }>> {
  if (file instanceof Blob && isWebBridge(bridge)) return bridge.downloadBlob(suggestedName, file);
  return writeInChunks(() => bridge.startLargeSave({ suggestedName }), file instanceof Blob ? file.stream() : file, signal, bridge);
}

/**
 * Saves the signed ZIP as an age file where the analyst chooses: the utility process encrypts the
 * chunks on their way to the `.partial` file, with the same keep-only-complete rules as
 * `saveLargeFile`. `unavailable`: no utility process (nothing was asked, nothing written) — the
 * caller encrypts in the worker instead.
 */
export async function saveSealedFile(
  suggestedName: string,
  zip: ReadableStream<Uint8Array>,
  encryption: StartSealedSaveRequest['encryption'],
  signal?: AbortSignal,
  bridge: VigiaBridge = getBridge(),
): Promise<BridgeResult<{ name: string }>> {
  const start = bridge.startSealedSave?.bind(bridge);
  if (!start) {
    await zip.cancel().catch(() => undefined);
    return { ok: false, error: 'unavailable' };
  }
  return writeInChunks(() => start({ suggestedName, encryption }), zip, signal, bridge);
}

async function writeInChunks(
  start: () => Promise<BridgeResult<LargeSaveTarget>>,
  source: ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
  bridge: VigiaBridge,
): Promise<BridgeResult<{ name: string }>> {
  const started = signal?.aborted ? ({ ok: false, error: 'cancelled' } as const) : await start();
  if (!started.ok) {
    await source.cancel().catch(() => undefined);
    return started;
  }
  const { handle } = started.value;
  const reader = source.getReader();
  const abandon = async (error: BridgeErrorCode) => {
    await reader.cancel().catch(() => undefined);
    await bridge.finishLargeSave({ handle, commit: false });
    return { ok: false, error } as const;
  };
  try {
    for await (const chunk of batches(reader)) {
      if (signal?.aborted) return await abandon('cancelled');
      const written = await bridge.writeLargeSave({ handle, bytes: chunk });
      if (!written.ok) return await abandon(written.error);
    }
  } catch {
    return abandon(signal?.aborted ? 'cancelled' : 'io_error');
  }
  if (signal?.aborted) return abandon('cancelled');
  return bridge.finishLargeSave({ handle, commit: true });
}

/** The stream's small chunks (age's 64 KiB) gathered into bridge-sized writes: fewer IPC round trips. */
async function* batches(reader: ReadableStreamDefaultReader<Uint8Array>, size = MAX_BRIDGE_CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  let batch = new Uint8Array(size);
  let filled = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let rest = value;
    while (rest.length > 0) {
      const n = Math.min(rest.length, size - filled);
      batch.set(rest.subarray(0, n), filled);
      filled += n;
      rest = rest.subarray(n);
      if (filled === size) {
        yield batch;
        // A fresh buffer: the bridge may still hold the one it was given.
        batch = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield batch.slice(0, filled);
}
