/**
 * The one contract between the renderer and Electron's main process. The preload implements
 * `VigiaBridge` (with `satisfies`), main registers one handler per `InvokeChannel` and validates
 * every argument, and the renderer's web fallback implements the same interface with a file input
 * and a download link. Bytes cross the bridge; case logic never does.
 */

import type { BundleError } from '../bundle/errors';
import type { MenuCommand } from '../commands/commands';
import type { Locale as MenuLanguage } from '../model/locales';

/** Result of any call a user can make fail: a value, or a message key a person can act on. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorCode };

export const BRIDGE_ERROR_CODES = [
  'cancelled',
  'invalid_argument',
  'forbidden_sender',
  'file_too_large',
  'io_error',
  'unavailable',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

/** Commands the native menu sends to the renderer: defined once, in the command table. */
export { MENU_COMMANDS, type MenuCommand } from '../commands/commands';

/** The case report's page (its address's `#report?…` part), printed to PDF and saved where the user chooses. */
export interface PrintReportRequest {
  hash: string;
  suggestedName: string;
}

export interface SaveFileRequest {
  /** Suggested file name, without directories. */
  suggestedName: string;
  bytes: Uint8Array;
}

export interface OpenFileRequest {
  /** File-name extensions offered by the dialog, without dots (e.g. `['vigia']`). */
  extensions: string[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Large files (bundles) cross the bridge in chunks, never whole: a file is opened by handle and read
 * at offsets; a save writes chunks to a temporary file beside the chosen one and renames it at the end.
 * A handle belongs to the window that opened it and dies with it.
 */
export interface OpenedLargeFile {
  name: string;
  size: number;
  handle: string;
}

export interface ReadFileRequest {
  handle: string;
  offset: number;
  /** At most `MAX_BRIDGE_CHUNK_BYTES`; fewer bytes come back only at the end of the file. */
  length: number;
}

export interface FileHandleRequest {
  handle: string;
}

export interface StartLargeSaveRequest {
  /** Suggested file name, without directories. */
  suggestedName: string;
}

export interface LargeSaveTarget {
  handle: string;
  /** The name the user chose, without directories. */
  name: string;
}

export interface WriteLargeSaveRequest {
  handle: string;
  /** At most `MAX_BRIDGE_CHUNK_BYTES`, appended to what was written so far. */
  bytes: Uint8Array;
}

export interface FinishLargeSaveRequest {
  handle: string;
  /** true: flush to disk and rename onto the chosen name; false: delete what was written. */
  commit: boolean;
}

export interface AppInfo {
  version: string;
  platform: 'electron' | 'web';
  os: string;
}

/** Languages the native menu can speak; the renderer reports its own so both agree. */
/** The native menu speaks the workstation's languages (shared/model/locales.ts). */
export { LOCALES as MENU_LANGUAGES, type Locale as MenuLanguage } from '../model/locales';

/**
 * The OS keychain (Electron's safeStorage), for the analyst's secret key. Kept apart from
 * the app and file channels because web mode has no keychain: these bridge calls are optional. A refusal says
 * why: `basic_text` is Linux's plain-text fallback, which would keep the key readable on disk, so
 * the renderer asks for a passphrase instead.
 */
export type KeychainRefusal = 'basic_text' | 'unavailable';
/**
 * `backend` names the keychain that sealed or opened the secret ("linux:gnome_libsecret",
 * "win32", "darwin"): a secret sealed under one backend is not trusted under another (issue 16).
 */
export type SealedSecret = { sealed: Uint8Array; backend: string } | { refused: KeychainRefusal };
export type UnsealedSecret = { secret: string; backend: string } | { refused: KeychainRefusal };
/**
 * Bundles sealed and unsealed by Node's crypto in Electron's utility process (desktop only, hence
 * optional bridge calls, like the keychain's). A sealed save takes the signed ZIP's plaintext through
 * `writeLargeSave` / `finishLargeSave` and writes the age file; unsealing decrypts a file opened with
 * `openLargeFile` into a staged plaintext that `readFile` then reads by handle, once age has
 * authenticated all of it. What age refuses comes back as the bundle's own error, as a value.
 */
export interface StartSealedSaveRequest {
  suggestedName: string;
  encryption: { mode: 'recipients'; recipients: string[] } | { mode: 'passphrase'; passphrase: string };
}
export interface UnsealLargeFileRequest {
  /** A handle from `openLargeFile`. */
  handle: string;
  key: { identity: string } | { passphrase: string };
}
/** `handle` reads the plaintext ZIP (`readFile`, `closeFile`), `size` long. */
export type UnsealedLargeFile = OpenedLargeFile | { refused: BundleError };
/** How far an unseal has come: ciphertext bytes of the sealed file decrypted, of its size. */
export interface UnsealProgress {
  done: number;
  total: number;
}
/** Main → the window that asked: progress of the unseal of `handle` (the sealed file's), on `EVENT_CHANNELS.unsealProgress`. */
export interface UnsealProgressEvent extends UnsealProgress {
  handle: string;
}
/** The page's check of an unseal-progress event (a plain check: the sandboxed preload carries no schema library). */
export function isUnsealProgressEvent(value: unknown): value is UnsealProgressEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { handle, done, total } = value as Record<string, unknown>;
  const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= MAX_LARGE_FILE_BYTES;
  return Object.keys(value).length === 3 && typeof handle === 'string' && /^[0-9a-f]{32}$/.test(handle) && count(done) && count(total) && done <= total;
}
/**
 * The one IPC contract: every request/response channel between the page and main, with its argument
 * and result. Every result on the wire is a `BridgeResult`, so that a refused sender or a bad argument
 * is a value on every channel. From this table come the channels main listens on and its one
 * validating dispatcher (electron/main/ipc/dispatch.ts, with the argument schemas of
 * ./arguments.ts), and the preload's functions (electron/preload/bridge.ts). Adding a channel means
 * an entry here and in IPC_CHANNELS and ARGUMENT_SCHEMAS, its handler, and its test.
 */
export interface IpcContract {
  'app:info': { arg: undefined; result: BridgeResult<AppInfo> };
  'app:set-menu-language': { arg: MenuLanguage; result: BridgeResult<null> };
  'file:save': { arg: SaveFileRequest; result: BridgeResult<{ name: string }> };
  /** The case report printed by Chromium in a hidden window (desktop only: an optional bridge call). */
  'report:print': { arg: PrintReportRequest; result: BridgeResult<{ name: string }> };
  'file:open': { arg: OpenFileRequest; result: BridgeResult<OpenedFile> };
  'file:open-large': { arg: OpenFileRequest; result: BridgeResult<OpenedLargeFile> };
  'file:read': { arg: ReadFileRequest; result: BridgeResult<Uint8Array> };
  'file:close': { arg: FileHandleRequest; result: BridgeResult<null> };
  'file:save-large-start': { arg: StartLargeSaveRequest; result: BridgeResult<LargeSaveTarget> };
  'file:save-large-write': { arg: WriteLargeSaveRequest; result: BridgeResult<null> };
  'file:save-large-finish': { arg: FinishLargeSaveRequest; result: BridgeResult<{ name: string }> };
  /** The OS keychain (desktop only: optional bridge calls). */
  'keys:seal': { arg: string; result: BridgeResult<SealedSecret> };
  'keys:unseal': { arg: Uint8Array; result: BridgeResult<UnsealedSecret> };
  /** Bundles sealed and unsealed in the utility process (desktop only). */
  'file:save-sealed-start': { arg: StartSealedSaveRequest; result: BridgeResult<LargeSaveTarget> };
  'file:unseal': { arg: UnsealLargeFileRequest; result: BridgeResult<UnsealedLargeFile> };
}
export type IpcChannel = keyof IpcContract;
export type IpcArgument<C extends IpcChannel> = IpcContract[C]['arg'];
export type IpcResult<C extends IpcChannel> = IpcContract[C]['result'];

/** The areas of the contract: each has its own handlers in main (app and files, keys, sealed files). */
export type IpcArea = 'app' | 'files' | 'keys' | 'sealed-files';

/** Every channel and its area: the list main registers and the preload may call, and nothing else. */
export const IPC_CHANNELS = {
  'app:info': 'app',
  'app:set-menu-language': 'app',
  'file:save': 'files',
  'report:print': 'files',
  'file:open': 'files',
  'file:open-large': 'files',
  'file:read': 'files',
  'file:close': 'files',
  'file:save-large-start': 'files',
  'file:save-large-write': 'files',
  'file:save-large-finish': 'files',
  'keys:seal': 'keys',
  'keys:unseal': 'keys',
  'file:save-sealed-start': 'sealed-files',
  'file:unseal': 'sealed-files',
} as const satisfies Record<IpcChannel, IpcArea>;
export const IPC_CHANNEL_NAMES = Object.keys(IPC_CHANNELS) as IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(IPC_CHANNELS, value);
}

/**
 * The bridge functions that are a channel and nothing more, with the fields of their argument that
 * cross (none listed: the argument is a plain value). The preload makes each of these functions from
 * this table (electron/preload/bridge.ts), copying only the listed fields, so a new channel of this
 * kind needs no preload code. The other functions (appInfo, setMenuLanguage, startSealedSave with its
 * nested encryption, unsealLargeFile with its progress, the menu's events) wrap their channel by hand.
 */
export const DIRECT_BRIDGE_CALLS = {
  saveFile: { channel: 'file:save', fields: ['suggestedName', 'bytes'] },
  printReport: { channel: 'report:print', fields: ['hash', 'suggestedName'] },
  openFile: { channel: 'file:open', fields: ['extensions'] },
  openLargeFile: { channel: 'file:open-large', fields: ['extensions'] },
  readFile: { channel: 'file:read', fields: ['handle', 'offset', 'length'] },
  closeFile: { channel: 'file:close', fields: ['handle'] },
  startLargeSave: { channel: 'file:save-large-start', fields: ['suggestedName'] },
  writeLargeSave: { channel: 'file:save-large-write', fields: ['handle', 'bytes'] },
  finishLargeSave: { channel: 'file:save-large-finish', fields: ['handle', 'commit'] },
  sealSecret: { channel: 'keys:seal' },
  unsealSecret: { channel: 'keys:unseal' },
} as const satisfies { [M in keyof VigiaBridge]?: { channel: IpcChannel; fields?: readonly string[] } };
type DirectChannel<M extends keyof typeof DIRECT_BRIDGE_CALLS> = (typeof DIRECT_BRIDGE_CALLS)[M]['channel'];
/** The functions the table makes, typed from the contract. */
export type DirectBridgeCalls = {
  [M in keyof typeof DIRECT_BRIDGE_CALLS]: (arg: IpcArgument<DirectChannel<M>>) => Promise<IpcResult<DirectChannel<M>>>;
};

/** The channels of one area. */
export type ChannelsOf<A extends IpcArea> = { [C in IpcChannel]: (typeof IPC_CHANNELS)[C] extends A ? C : never }[IpcChannel];

/** Main → renderer events. */
export const EVENT_CHANNELS = { menuCommand: 'menu:command', unsealProgress: 'file:unseal-progress' } as const;

/** The largest file `openFile`/`saveFile` move in one call (cards, attachments, exported images). */
export const MAX_BRIDGE_FILE_BYTES = 2 * 1024 * 1024 * 1024;

/** The most bytes one `readFile` or `writeLargeSave` call moves. */
export const MAX_BRIDGE_CHUNK_BYTES = 8 * 1024 * 1024;

/** The largest file the large-file calls open or write: a bundle's 2 GiB of entries plus ZIP and age overhead. */
export const MAX_LARGE_FILE_BYTES = 2 * 1024 * 1024 * 1024 + 64 * 1024 * 1024;

/** What `window.vigia` offers the renderer, in Electron (preload) and in web mode (fallback). */
export interface VigiaBridge {
  readonly platform: 'electron' | 'web';
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<BridgeResult<{ name: string }>>;
  /** Electron only: prints the case report's page to PDF (printToPDF, tagged, with an outline) and saves it. */
  printReport?(request: PrintReportRequest): Promise<BridgeResult<{ name: string }>>;
  openFile(request: OpenFileRequest): Promise<BridgeResult<OpenedFile>>;
  /** Asks for a large file (a bundle) and opens it for reading in chunks; `closeFile` when done. */
  openLargeFile(request: OpenFileRequest): Promise<BridgeResult<OpenedLargeFile>>;
  readFile(request: ReadFileRequest): Promise<BridgeResult<Uint8Array>>;
  closeFile(request: FileHandleRequest): Promise<BridgeResult<null>>;
  /** Asks where to save a large file; chunks go to a temporary file until `finishLargeSave`. */
  startLargeSave(request: StartLargeSaveRequest): Promise<BridgeResult<LargeSaveTarget>>;
  writeLargeSave(request: WriteLargeSaveRequest): Promise<BridgeResult<null>>;
  finishLargeSave(request: FinishLargeSaveRequest): Promise<BridgeResult<{ name: string }>>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Tells the native menu which language the UI speaks (Electron only; web mode has no native menu,
   * hence optional). Call it on start and whenever the user switches language.
   */
  setMenuLanguage?(language: MenuLanguage): Promise<void>;
  /** Electron only: seals a secret with the OS keychain (`keys:seal`). */
  sealSecret?(secret: string): Promise<BridgeResult<SealedSecret>>;
  /** Electron only: opens what `sealSecret` sealed. */
  unsealSecret?(sealed: Uint8Array): Promise<BridgeResult<UnsealedSecret>>;
  /** Electron only: a large save whose plaintext chunks are age-encrypted on the way (`file:save-sealed-start`). */
  startSealedSave?(request: StartSealedSaveRequest): Promise<BridgeResult<LargeSaveTarget>>;
  /** Electron only: decrypts an opened large file into a staged plaintext read by handle; `onProgress` as it decrypts. */
  unsealLargeFile?(request: UnsealLargeFileRequest, onProgress?: (progress: UnsealProgress) => void): Promise<BridgeResult<UnsealedLargeFile>>;
}

/** The global the preload installs; absent in web mode. */
export const BRIDGE_GLOBAL = 'vigia';
