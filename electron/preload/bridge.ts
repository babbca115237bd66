import {
  EVENT_CHANNELS,
  isIpcChannel,
  isUnsealProgressEvent,
  MENU_COMMANDS,
  type IpcArgument,
  type IpcChannel,
  type IpcResult,
  type MenuCommand,
  type UnsealLargeFileRequest,
  type UnsealProgress,
  type VigiaBridge,
} from '../../shared/ipc/contract';

/** The part of Electron's `ipcRenderer` the bridge uses; the page never sees it. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * `window.vigia` in Electron: a few typed functions over the contract's channels (shared/ipc), all
 * through one `invoke`. Channel names are checked against the contract (as VS Code's preload does)
 * so that no other channel can be reached even if this file is edited carelessly; only the
 * contract's fields are copied across (main refuses anything else); IPC event objects never reach
 * the page.
 */
export function createElectronBridge(ipc: PreloadIpc) {
  /** The one way to main: a channel of the contract (checked here too), with its one argument. */
  function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgument<C> extends undefined ? [] : [IpcArgument<C>]): Promise<IpcResult<C>> {
    if (!isIpcChannel(channel)) return Promise.reject(new Error(`Unsupported channel ${String(channel)}`));
    return ipc.invoke(channel, ...args) as Promise<IpcResult<C>>;
  }

  return {
    platform: 'electron',
    async appInfo() {
      const result = await invoke('app:info');
      if (!result.ok) throw new Error(result.error);
      return result.value;
    },
    // Only the contract's fields cross: main refuses anything else.
    saveFile: (request) => invoke('file:save', { suggestedName: request.suggestedName, bytes: request.bytes }),
    openFile: (request) => invoke('file:open', { extensions: [...request.extensions] }),
    openLargeFile: (request) => invoke('file:open-large', { extensions: [...request.extensions] }),
    readFile: (request) => invoke('file:read', { handle: request.handle, offset: request.offset, length: request.length }),
    closeFile: (request) => invoke('file:close', { handle: request.handle }),
    startLargeSave: (request) => invoke('file:save-large-start', { suggestedName: request.suggestedName }),
    writeLargeSave: (request) => invoke('file:save-large-write', { handle: request.handle, bytes: request.bytes }),
    finishLargeSave: (request) => invoke('file:save-large-finish', { handle: request.handle, commit: request.commit }),
    onMenuCommand(listener) {
      const forward = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(EVENT_CHANNELS.menuCommand, forward);
      return () => {
        ipc.removeListener(EVENT_CHANNELS.menuCommand, forward);
      };
    },
    async setMenuLanguage(language) {
      await invoke('app:set-menu-language', language);
    },
    sealSecret: (secret) => invoke('keys:seal', secret),
    unsealSecret: (sealed) => invoke('keys:unseal', sealed),
    startSealedSave: ({ suggestedName, encryption }) =>
      invoke('file:save-sealed-start', {
        suggestedName,
        encryption: encryption.mode === 'recipients' ? { mode: 'recipients', recipients: [...encryption.recipients] } : { mode: 'passphrase', passphrase: encryption.passphrase },
      }),
    async unsealLargeFile({ handle, key }: UnsealLargeFileRequest, onProgress?: (progress: UnsealProgress) => void) {
      // Only this file's progress, checked, while its unseal runs; the event object stays here.
      const forward = (_event: unknown, progress: unknown) => {
        if (isUnsealProgressEvent(progress) && progress.handle === handle) onProgress?.({ done: progress.done, total: progress.total });
      };
      if (onProgress) ipc.on(EVENT_CHANNELS.unsealProgress, forward);
      try {
        return await invoke('file:unseal', { handle, key: 'identity' in key ? { identity: key.identity } : { passphrase: key.passphrase } });
      } finally {
        if (onProgress) ipc.removeListener(EVENT_CHANNELS.unsealProgress, forward);
      }
    },
  } satisfies VigiaBridge;
}
