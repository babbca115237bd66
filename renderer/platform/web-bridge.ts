import type {
  AppInfo,
  BridgeResult,
  OpenedFile,
  OpenedLargeFile,
  OpenFileRequest,
  SaveFileRequest,
  VigiaBridge,
} from '../../shared/ipc/contract';
import { MAX_BRIDGE_CHUNK_BYTES, MAX_BRIDGE_FILE_BYTES, MAX_LARGE_FILE_BYTES } from '../../shared/ipc/contract';
import { growingBlob, type GrowingBlob } from '../workers/blob-stage';

declare const __VIGIA_VERSION__: string | undefined;

/** A download name cannot hold directories. */
const plainName = (suggestedName: string) => suggestedName.replace(/[\\/]/g, '_');

/** Hands a Blob to the browser as a download; the browser decides where the file goes. */
export function downloadBlob(suggestedName: string, blob: Blob): BridgeResult<{ name: string }> {
  const name = plainName(suggestedName);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: { name } };
}

async function saveFile(request: SaveFileRequest): Promise<BridgeResult<{ name: string }>> {
  // Copy into a fresh ArrayBuffer: a Blob must not alias a buffer another part of the app reuses.
  return downloadBlob(request.suggestedName, new Blob([request.bytes.slice()], { type: 'application/octet-stream' }));
}

/** Asks for one file through a hidden file input; a dismissed picker is `cancelled`. */
function pickFile(request: OpenFileRequest): Promise<BridgeResult<File>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.accept = request.extensions.map((ext) => `.${ext}`).join(',');
    const finish = (result: BridgeResult<File>) => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('cancel', () => finish({ ok: false, error: 'cancelled' }));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      finish(file ? { ok: true, value: file } : { ok: false, error: 'cancelled' });
    });
    document.body.append(input);
    input.click();
  });
}

async function openFile(request: OpenFileRequest): Promise<BridgeResult<OpenedFile>> {
  const picked = await pickFile(request);
  if (!picked.ok) return picked;
  const file = picked.value;
  if (file.size > MAX_BRIDGE_FILE_BYTES) return { ok: false, error: 'file_too_large' };
  try {
    return { ok: true, value: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
  } catch {
    return { ok: false, error: 'io_error' };
  }
}

function newHandle(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function appInfo(): Promise<AppInfo> {
  return {
    version: typeof __VIGIA_VERSION__ === 'string' ? __VIGIA_VERSION__ : '0.0.0',
    platform: 'web',
    os: navigator.platform || 'unknown',
  };
}

/** What web mode offers beyond the contract: the picked File itself, and a Blob download. */
export interface WebBridge extends VigiaBridge {
  readonly platform: 'web';
  /** The File behind an `openLargeFile` handle: a worker can read it directly, without the page. */
  pickedFile(handle: string): File | undefined;
  downloadBlob(suggestedName: string, blob: Blob): BridgeResult<{ name: string }>;
}

export function isWebBridge(bridge: VigiaBridge): bridge is WebBridge {
  return bridge.platform === 'web' && 'pickedFile' in bridge;
}

/**
 * The browser-mode bridge: same interface as Electron's preload, built from web primitives. A large
 * file is the picked File, read by slices; a large save grows a Blob in batches and downloads it on
 * commit (the browser has no temporary file to rename: an abort simply drops the Blob).
 */
export function createWebBridge(): WebBridge {
  const picked = new Map<string, File>();
  const saves = new Map<string, { name: string; blob: GrowingBlob }>();
  return {
    platform: 'web',
    appInfo,
    saveFile,
    openFile,
    async openLargeFile(request) {
      const chosen = await pickFile(request);
      if (!chosen.ok) return chosen;
      if (chosen.value.size > MAX_LARGE_FILE_BYTES) return { ok: false, error: 'file_too_large' };
      const handle = newHandle();
      picked.set(handle, chosen.value);
      return { ok: true, value: { name: chosen.value.name, size: chosen.value.size, handle } satisfies OpenedLargeFile };
    },
    async readFile({ handle, offset, length }) {
      const file = picked.get(handle);
      if (!file || offset < 0 || offset > file.size || length < 1 || length > MAX_BRIDGE_CHUNK_BYTES) return { ok: false, error: 'invalid_argument' };
      try {
        return { ok: true, value: new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()) };
      } catch {
        return { ok: false, error: 'io_error' };
      }
    },
    async closeFile({ handle }) {
      return picked.delete(handle) ? { ok: true, value: null } : { ok: false, error: 'invalid_argument' };
    },
    async startLargeSave({ suggestedName }) {
      const handle = newHandle();
      saves.set(handle, { name: plainName(suggestedName), blob: growingBlob() });
      return { ok: true, value: { handle, name: plainName(suggestedName) } };
    },
    async writeLargeSave({ handle, bytes }) {
      const save = saves.get(handle);
      if (!save || bytes.byteLength > MAX_BRIDGE_CHUNK_BYTES) return { ok: false, error: 'invalid_argument' };
      if (save.blob.size + bytes.byteLength > MAX_LARGE_FILE_BYTES) {
        saves.delete(handle);
        save.blob.discard();
        return { ok: false, error: 'file_too_large' };
      }
      save.blob.append(bytes);
      return { ok: true, value: null };
    },
    async finishLargeSave({ handle, commit }) {
      const save = saves.get(handle);
      if (!save) return { ok: false, error: 'invalid_argument' };
      saves.delete(handle);
      if (!commit) {
        save.blob.discard();
        return { ok: true, value: { name: save.name } };
      }
      return downloadBlob(save.name, save.blob.finish('application/octet-stream'));
    },
    pickedFile: (handle) => picked.get(handle),
    downloadBlob,
    // A browser has no native menu: nothing ever arrives.
    onMenuCommand: () => () => undefined,
  };
}
