/**
 * The one contract between the renderer and Electron's main process. The preload implements
 * `VigiaBridge` (with `satisfies`), main registers one handler per `InvokeChannel` and validates
 * every argument, and the renderer's web fallback implements the same interface with a file input
 * and a download link. Bytes cross the bridge; case logic never does.
 */

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

/** Commands the native menu (and keyboard accelerators) send to the renderer. */
export const MENU_COMMANDS = [
  'new-case',
  'open-demo-case',
  'close-case',
  'language-es',
  'language-en',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

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

export interface AppInfo {
  version: string;
  platform: 'electron' | 'web';
  os: string;
}

/** Languages the native menu can speak; the renderer reports its own so both agree. */
export const MENU_LANGUAGES = ['es', 'en'] as const;
export type MenuLanguage = (typeof MENU_LANGUAGES)[number];

/**
 * Request/response channels, main-side handlers: channel → (argument) → result. Every result on the
 * wire is a `BridgeResult`, so that a refused sender or a bad argument is a value on every channel.
 */
export interface InvokeContract {
  'app:info': { arg: undefined; result: BridgeResult<AppInfo> };
  'app:set-menu-language': { arg: MenuLanguage; result: BridgeResult<null> };
  'file:save': { arg: SaveFileRequest; result: BridgeResult<{ name: string }> };
  'file:open': { arg: OpenFileRequest; result: BridgeResult<OpenedFile> };
}
export type InvokeChannel = keyof InvokeContract;
export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  'app:info',
  'app:set-menu-language',
  'file:save',
  'file:open',
];

/**
 * The OS keychain (Electron's safeStorage), for the analyst's secret key. Kept apart from
 * `InvokeContract` because web mode has no keychain: these bridge calls are optional. A refusal says
 * why: `basic_text` is Linux's plain-text fallback, which would keep the key readable on disk, so
 * the renderer asks for a passphrase instead.
 */
export type KeychainRefusal = 'basic_text' | 'unavailable';
export type SealedSecret = { sealed: Uint8Array } | { refused: KeychainRefusal };
export type UnsealedSecret = { secret: string } | { refused: KeychainRefusal };
export interface KeyContract {
  'keys:seal': { arg: string; result: BridgeResult<SealedSecret> };
  'keys:unseal': { arg: Uint8Array; result: BridgeResult<UnsealedSecret> };
}
export type KeyChannel = keyof KeyContract;
export const KEY_CHANNELS: readonly KeyChannel[] = ['keys:seal', 'keys:unseal'];

/** Main → renderer events. */
export const EVENT_CHANNELS = { menuCommand: 'menu:command' } as const;

/** The largest file the bridge moves in one call (a bundle with its attachments). */
export const MAX_BRIDGE_FILE_BYTES = 2 * 1024 * 1024 * 1024;

/** What `window.vigia` offers the renderer, in Electron (preload) and in web mode (fallback). */
export interface VigiaBridge {
  readonly platform: 'electron' | 'web';
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<BridgeResult<{ name: string }>>;
  openFile(request: OpenFileRequest): Promise<BridgeResult<OpenedFile>>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Tells the native menu which language the UI speaks (Electron only; web mode has no native menu,
   * hence optional). Call it on start and whenever the user switches language.
   */
  setMenuLanguage?(language: MenuLanguage): Promise<void>;
  /** Electron only: seals a secret with the OS keychain (see `KeyContract`). */
  sealSecret?(secret: string): Promise<BridgeResult<SealedSecret>>;
  /** Electron only: opens what `sealSecret` sealed. */
  unsealSecret?(sealed: Uint8Array): Promise<BridgeResult<UnsealedSecret>>;
}

/** The global the preload installs; absent in web mode. */
export const BRIDGE_GLOBAL = 'vigia';
