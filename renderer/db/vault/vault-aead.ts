import { NOBLE_XCHACHA, useXChaChaPoly, type XChaChaPoly } from '../../../shared/vault/aead';

type Sodium = typeof import('libsodium-wrappers').default;

let loading: Promise<string> | undefined;

/**
 * Loads libsodium's WebAssembly XChaCha20-Poly1305 once and puts it under the vault's seal and open
 * (shared/vault/aead.ts), after checking that it seals a known record exactly as noble does: every
 * record is sealed and opened inside IndexedDB transactions, and noble's pure JavaScript costs some
 * 30 µs per record, libsodium's a few. If the module cannot load (an engine or a policy without
 * WebAssembly) or disagrees, noble stays: correct, only slower. Resolves to what is in use; never rejects.
 */
export function vaultAeadReady(): Promise<string> {
  loading ??= import('libsodium-wrappers')
    .then(async ({ default: sodium }) => {
      await sodium.ready;
      const candidate = sodiumXChaCha(sodium);
      if (!agreesWithNoble(candidate)) return NOBLE_XCHACHA.name;
      useXChaChaPoly(candidate);
      return candidate.name;
    })
    .catch(() => NOBLE_XCHACHA.name);
  return loading;
}

function sodiumXChaCha(sodium: Sodium): XChaChaPoly {
  return {
    name: 'libsodium-wasm',
    encrypt: (key, nonce, plaintext, aad) => sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, aad, null, nonce, key),
    // libsodium checks the tag before it decrypts anything, and throws when it does not verify.
    decrypt: (key, nonce, ciphertext, aad) => sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, aad, nonce, key),
  };
}

/** Same key, nonce, text and associated data: the same bytes both ways, and a flipped bit refused. */
function agreesWithNoble(candidate: XChaChaPoly): boolean {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
  const nonce = Uint8Array.from({ length: 24 }, (_, i) => 255 - i);
  const text = new TextEncoder().encode('{"primaryName":"Youssef Ouali","notes":"comprobación"}');
  const aad = new TextEncoder().encode('vigia.self-check');
  const ours = NOBLE_XCHACHA.encrypt(key, nonce, text, aad);
  const theirs = candidate.encrypt(key, nonce, text, aad);
  if (ours.length !== theirs.length || ours.some((byte, i) => byte !== theirs[i])) return false;
  const opened = candidate.decrypt(key, nonce, ours, aad);
  if (opened.length !== text.length || opened.some((byte, i) => byte !== text[i])) return false;
  const flipped = ours.slice();
  flipped[3]! ^= 1;
  try {
    candidate.decrypt(key, nonce, flipped, aad);
    return false;
  } catch {
    return true;
  }
}
