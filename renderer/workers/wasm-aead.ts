import { chacha20poly1305 as nobleChaCha20Poly1305 } from '@noble/ciphers/chacha.js';
import { getOutput, wrapCipher, type CipherWithOutput } from '@noble/ciphers/utils.js';

/**
 * ChaCha20-Poly1305 (RFC 8439) from libsodium compiled to WebAssembly, with the exact API of
 * `chacha20poly1305` from @noble/ciphers/chacha.js — the only primitive typage's STREAM layer and
 * stanza wrapping call. The redirect plugin (electron/crypto/age-aead-redirect.ts) puts it in place of
 * noble's pure-JS version for modules inside age-encryption only, in renderer and worker builds:
 * typage still does all of age's chunking and nonces. noble's own `wrapCipher` supplies argument
 * checks, single-use encrypt and the tag-length check.
 *
 * typage calls the cipher synchronously, and WebAssembly loads asynchronously: until
 * `wasmAeadReady()` has resolved (the bundle worker awaits it before any job), and for good if the
 * WASM cannot load (a CSP without 'wasm-unsafe-eval', an old engine), every call goes to noble —
 * correct, never slower than typage alone. libsodium is imported on demand, so the main thread, which
 * only wraps file keys, never loads it.
 *
 * Everything else @noble/ciphers/chacha.js exports passes through unchanged.
 */
export * from '@noble/ciphers/chacha.js';

type Sodium = typeof import('libsodium-wrappers').default;
export type AeadImplementation = 'libsodium-wasm' | 'noble';

/** What noble's ciphers return: bytes over a plain ArrayBuffer. */
type Bytes = ReturnType<CipherWithOutput['encrypt']>;

const TAG_LENGTH = 16;
const KEY_LENGTH = 32;
let sodium: Sodium | undefined;
let loading: Promise<AeadImplementation> | undefined;
let ciphersMade = 0;

/** Loads libsodium once; resolves to what typage's calls will use from now on. Never rejects. */
export function wasmAeadReady(): Promise<AeadImplementation> {
  loading ??= import('libsodium-wrappers').then(
    async ({ default: loaded }) => {
      await loaded.ready;
      sodium = loaded;
      return 'libsodium-wasm' as const;
    },
    () => 'noble' as const,
  ).catch(() => 'noble' as const);
  return loading;
}

/** What the cipher uses now, and how many libsodium ciphers it has made (> 0 proves the redirect). */
export function wasmAeadStatus(): { implementation: AeadImplementation; ciphersMade: number } {
  return { implementation: sodium ? 'libsodium-wasm' : 'noble', ciphersMade };
}

function sodiumCipher(lib: Sodium, key: Uint8Array, nonce: Uint8Array, AAD?: Uint8Array): CipherWithOutput {
  // noble's chacha20 refuses anything but a 32-byte key (16-byte "short keys" are off for ChaCha20).
  if (key.length !== KEY_LENGTH) throw new Error(`"key" expected Uint8Array of length ${KEY_LENGTH}, got length=${key.length}`);
  ciphersMade++;
  // Like noble, key/nonce/AAD are read when encrypt/decrypt runs, not copied here.
  return {
    encrypt(plaintext: Uint8Array, output?: Uint8Array): Bytes {
      const out = output === undefined ? undefined : getOutput(plaintext.length + TAG_LENGTH, output, false);
      // libsodium returns a fresh copy out of its heap: ciphertext ‖ 16-byte tag, as noble does.
      const sealed = lib.crypto_aead_chacha20poly1305_ietf_encrypt(plaintext, AAD ?? null, null, nonce, key) as Bytes;
      if (!out) return sealed;
      out.set(sealed);
      return out;
    },
    decrypt(ciphertext: Uint8Array, output?: Uint8Array): Bytes {
      const out = output === undefined ? undefined : getOutput(ciphertext.length - TAG_LENGTH, output, false);
      let opened: Bytes;
      try {
        // libsodium checks the tag before it decrypts anything.
        opened = lib.crypto_aead_chacha20poly1305_ietf_decrypt(null, ciphertext, AAD ?? null, nonce, key) as Bytes;
      } catch {
        throw new Error('invalid tag');
      }
      if (!out) return opened;
      out.set(opened);
      return out;
    },
  };
}

function chooseCipher(key: Uint8Array, nonce: Uint8Array, AAD?: Uint8Array): CipherWithOutput {
  return sodium ? sodiumCipher(sodium, key, nonce, AAD) : nobleChaCha20Poly1305(key, nonce, AAD);
}

export const chacha20poly1305 = /* @__PURE__ */ wrapCipher({ blockSize: 64, nonceLength: 12, tagLength: TAG_LENGTH, withAAD: true }, chooseCipher);
