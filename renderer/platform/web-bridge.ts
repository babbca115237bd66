import type { AppInfo, BridgeResult, OpenedFile, OpenFileRequest, SaveFileRequest, VigiaBridge } from '../../shared/ipc/contract';
import { MAX_BRIDGE_FILE_BYTES } from '../../shared/ipc/contract';

declare const __VIGIA_VERSION__: string | undefined;

/** Hands bytes to the browser as a download; the browser decides where the file goes. */
async function saveFile(request: SaveFileRequest): Promise<BridgeResult<{ name: string }>> {
  const name = request.suggestedName.replace(/[\\/]/g, '_');
  // Copy into a fresh ArrayBuffer: a Blob must not alias a buffer another part of the app reuses.
  const blob = new Blob([request.bytes.slice()], { type: 'application/octet-stream' });
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

/** Asks for one file through a hidden file input; a dismissed picker is `cancelled`. */
function openFile(request: OpenFileRequest): Promise<BridgeResult<OpenedFile>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.accept = request.extensions.map((ext) => `.${ext}`).join(',');
    const finish = (result: BridgeResult<OpenedFile>) => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('cancel', () => finish({ ok: false, error: 'cancelled' }));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish({ ok: false, error: 'cancelled' });
      if (file.size > MAX_BRIDGE_FILE_BYTES) return finish({ ok: false, error: 'file_too_large' });
      file.arrayBuffer().then(
        (buffer) => finish({ ok: true, value: { name: file.name, bytes: new Uint8Array(buffer) } }),
        () => finish({ ok: false, error: 'io_error' }),
      );
    });
    document.body.append(input);
    input.click();
  });
}

async function appInfo(): Promise<AppInfo> {
  return {
    version: typeof __VIGIA_VERSION__ === 'string' ? __VIGIA_VERSION__ : '0.0.0',
    platform: 'web',
    os: navigator.platform || 'unknown',
  };
}

/** The browser-mode bridge: same interface as Electron's preload, built from web primitives. */
export function createWebBridge(): VigiaBridge {
  return {
    platform: 'web',
    appInfo,
    saveFile,
    openFile,
    // A browser has no native menu: nothing ever arrives.
    onMenuCommand: () => () => undefined,
  };
}
