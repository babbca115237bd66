import {
  DIRECT_BRIDGE_CALLS,
  EVENT_CHANNELS,
  isIpcChannel,
  isUnsealProgressEvent,
  MENU_COMMANDS,
  type DirectBridgeCalls,
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

/** Arrays cross as copies, so the page cannot change what was sent while it is in flight. */
function copied(value: unknown): unknown {
  return Array.isArray(value) ? [...(value as unknown[])] : value;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * `window.vigia` in Electron: a few typed functions over the contract's channels (shared/ipc), all
 * through one `invoke`. Channel names are checked against the contract (as VS Code's preload does)
 * so that no other channel can be reached even if this file is edited carelessly; only the
 * contract's fields are copied across (main refuses anything else); IPC event objects never reach
 * the page. Most functions are made from the contract's DIRECT_BRIDGE_CALLS table.
 */
export function createElectronBridge(ipc: PreloadIpc) {
  /** The one way to main: a channel of the contract (checked here too), with its one argument. */
  function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgument<C> extends undefined ? [] : [IpcArgument<C>]): Promise<IpcResult<C>> {
    if (!isIpcChannel(channel)) return Promise.reject(new Error(`Unsupported channel ${String(channel)}`));
    return ipc.invoke(channel, ...args) as Promise<IpcResult<C>>;
  }

  // Only the fields the contract names cross (main's strict schemas refuse anything else anyway).
  const direct = Object.fromEntries(
    Object.entries(DIRECT_BRIDGE_CALLS).map(([method, call]) => {
      const fields: readonly string[] | undefined = 'fields' in call ? call.fields : undefined;
      const cross = (arg: unknown) => (fields ? Object.fromEntries(fields.map((field) => [field, copied((arg as Record<string, unknown>)[field])])) : arg);
      return [method, (arg: unknown) => invoke(call.channel, cross(arg) as never)];
    }),
  ) as DirectBridgeCalls;

  return {
    platform: 'electron',
    async appInfo() {
      const result = await invoke('app:info');
      if (!result.ok) throw new Error(result.error);
      return result.value;
    },
    // The calls that are their channel and nothing more, made from the contract's table.
    ...direct,
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
