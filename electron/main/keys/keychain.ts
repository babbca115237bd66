import { MAX_SECRET_CHARS } from '../../../shared/ipc/arguments';
import type { BridgeResult, ChannelsOf, KeychainRefusal, SealedSecret, UnsealedSecret } from '../../../shared/ipc/contract';
import type { IpcHandlers } from '../ipc/dispatch';

/** The part of Electron's `safeStorage` this module uses (injected: tests run without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron; absent (undefined) elsewhere. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Uint8Array): string;
}

export interface KeychainDeps {
  safeStorage: SafeStorageLike;
  platform: string;
}

/** The largest secret sealed here (a key file is a few hundred bytes): checked with the argument, by the dispatcher. */
export { MAX_SECRET_CHARS };

/**
 * Why the keychain cannot keep a secret, or undefined when it can. On Linux, `basic_text` means no
 * keyring daemon was found and Electron would "encrypt" with a hard-coded password: refused.
 */
export function keychainRefusal({ safeStorage, platform }: KeychainDeps): KeychainRefusal | undefined {
  if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'basic_text';
  return undefined;
}

/** Which keychain seals here: the platform, and on Linux the backend Electron selected. */
export function keychainBackend({ safeStorage, platform }: KeychainDeps): string {
  const backend = safeStorage.getSelectedStorageBackend?.();
  return backend ? `${platform}:${backend}` : platform;
}

/** The keychain area of the contract. */
export function createKeychainHandlers(deps: KeychainDeps): IpcHandlers<ChannelsOf<'keys'>> {
  return {
    'keys:seal': async (secret: string): Promise<BridgeResult<SealedSecret>> => {
      const refused = keychainRefusal(deps);
      if (refused) return { ok: true, value: { refused } };
      return { ok: true, value: { sealed: new Uint8Array(deps.safeStorage.encryptString(secret)), backend: keychainBackend(deps) } };
    },
    'keys:unseal': async (sealed: Uint8Array): Promise<BridgeResult<UnsealedSecret>> => {
      const refused = keychainRefusal(deps);
      if (refused) return { ok: true, value: { refused } };
      try {
        return { ok: true, value: { secret: deps.safeStorage.decryptString(sealed), backend: keychainBackend(deps) } };
      } catch {
        // Sealed under another user or machine, or damaged: the analyst needs their backup.
        return { ok: false, error: 'io_error' };
      }
    },
  };
}

export type KeychainHandlers = IpcHandlers<ChannelsOf<'keys'>>;
