import nodePath from 'node:path';
import type { BridgeResult, ChannelsOf, MenuLanguage } from '../../../shared/ipc/contract';
import { MAX_BRIDGE_FILE_BYTES } from '../../../shared/ipc/contract';
import type { IpcHandlers } from './dispatch';
import type { LargeFiles } from './large-files';

/** The app and file areas of the contract; large-file handles belong to the calling window (`owner`). */
export type InvokeHandlers = IpcHandlers<ChannelsOf<'app'> | ChannelsOf<'files'>>;

export interface InvokeHandlerDeps {
  appVersion: string;
  os: string;
  /** Asks the user where to save; undefined when they cancel. */
  chooseSavePath(suggestedName: string): Promise<string | undefined>;
  /** Asks the user which file to open; undefined when they cancel. */
  chooseOpenPath(extensions: readonly string[]): Promise<string | undefined>;
  writeFile(filePath: string, bytes: Uint8Array): Promise<void>;
  /** Loads the report page (`index.html` + hash) in a hidden sandboxed window and prints it to PDF. */
  printReport(hash: string): Promise<Uint8Array>;
  fileSize(filePath: string): Promise<number>;
  readFile(filePath: string): Promise<Uint8Array>;
  setMenuLanguage(language: MenuLanguage): void;
  /** Bundles, opened and saved in chunks (large-files.ts). */
  largeFiles: LargeFiles;
}

/** What main does for each channel, once the sender and the argument have been checked. */
export function createInvokeHandlers(deps: InvokeHandlerDeps): InvokeHandlers {
  return {
    'app:info': async () => ({ ok: true, value: { version: deps.appVersion, platform: 'electron', os: deps.os } }),

    'app:set-menu-language': async (language) => {
      deps.setMenuLanguage(language);
      return { ok: true, value: null };
    },

    'file:save': async ({ suggestedName, bytes }) => {
      const target = await deps.chooseSavePath(suggestedName);
      if (target === undefined) return { ok: false, error: 'cancelled' };
      return attempt(async () => {
        await deps.writeFile(target, bytes);
        return { name: nodePath.basename(target) };
      });
    },

    'report:print': async ({ hash, suggestedName }) => {
      const target = await deps.chooseSavePath(suggestedName);
      if (target === undefined) return { ok: false, error: 'cancelled' };
      return attempt(async () => {
        await deps.writeFile(target, await deps.printReport(hash));
        return { name: nodePath.basename(target) };
      });
    },

    'file:open': async ({ extensions }) => {
      const source = await deps.chooseOpenPath(extensions);
      if (source === undefined) return { ok: false, error: 'cancelled' };
      return attempt(async () => {
        if ((await deps.fileSize(source)) > MAX_BRIDGE_FILE_BYTES) return { tooLarge: true as const };
        const bytes = await deps.readFile(source);
        // The file may have grown between the size check and the read.
        if (bytes.byteLength > MAX_BRIDGE_FILE_BYTES) return { tooLarge: true as const };
        return { name: nodePath.basename(source), bytes };
      }).then((result): BridgeResult<{ name: string; bytes: Uint8Array }> => {
        if (!result.ok) return result;
        if ('tooLarge' in result.value) return { ok: false, error: 'file_too_large' };
        return { ok: true, value: result.value };
      });
    },

    'file:open-large': ({ extensions }, { owner }) => deps.largeFiles.open(owner, extensions),
    'file:read': (request, { owner }) => deps.largeFiles.read(owner, request),
    'file:close': (request, { owner }) => deps.largeFiles.close(owner, request),
    'file:save-large-start': (request, { owner }) => deps.largeFiles.startSave(owner, request),
    'file:save-large-write': (request, { owner }) => deps.largeFiles.write(owner, request),
    'file:save-large-finish': (request, { owner }) => deps.largeFiles.finishSave(owner, request),
  };
}

/** File system failures become a value the renderer can explain ("could not read or write the file"). */
async function attempt<T>(work: () => Promise<T>): Promise<BridgeResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch {
    return { ok: false, error: 'io_error' };
  }
}
