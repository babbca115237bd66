import { KEY_BYTES, NOBLE_XCHACHA, NONCE_BYTES, TAG_BYTES, useXChaChaPoly, type XChaChaPoly } from '../../../shared/vault/aead';

type Sodium = typeof import('libsodium-wrappers').default;

/**
 * What libsodium-wrappers keeps as `sodium.libsodium` once ready: libsodium's own Emscripten module,
 * with libsodium's C functions as it exports them, its allocator and its memory. The wrappers call
 * exactly these, but for every record they allocate five buffers, copy each input in, copy the output
 * out into a new array and free all five: opening 100,000 records, that wrapping cost as much as the
 * cipher. The typings do not declare the module, so every member used is checked before it is trusted.
 * In the C functions' arguments, pointers are offsets in `HEAPU8`, 64-bit lengths go as two 32-bit
 * halves (low, high), and 0 is NULL (no length written back, no secret nonce).
 */
interface SodiumModule {
  readonly HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(address: number): void;
  _crypto_aead_xchacha20poly1305_ietf_encrypt(
    ciphertext: number, ciphertextLengthAt: number, message: number, messageLength: number, messageLengthHigh: number,
    aad: number, aadLength: number, aadLengthHigh: number, secretNonce: number, nonce: number, key: number,
  ): number;
  _crypto_aead_xchacha20poly1305_ietf_decrypt(
    message: number, messageLengthAt: number, secretNonce: number, ciphertext: number, ciphertextLength: number, ciphertextLengthHigh: number,
    aad: number, aadLength: number, aadLengthHigh: number, nonce: number, key: number,
  ): number;
}

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
      const module = sodiumModule(sodium);
      if (!module) return NOBLE_XCHACHA.name;
      const candidate = sodiumXChaCha(module);
      if (!agreesWithNoble(candidate)) return NOBLE_XCHACHA.name;
      useXChaChaPoly(candidate);
      return candidate.name;
    })
    .catch(() => NOBLE_XCHACHA.name);
  return loading;
}

function sodiumModule(sodium: Sodium): SodiumModule | undefined {
  const module = (sodium as unknown as { libsodium?: Partial<SodiumModule> }).libsodium;
  if (!module || !(module.HEAPU8 instanceof Uint8Array)) return undefined;
  const functions = [module._malloc, module._free, module._crypto_aead_xchacha20poly1305_ietf_encrypt, module._crypto_aead_xchacha20poly1305_ietf_decrypt];
  return functions.every((member) => typeof member === 'function') ? (module as SodiumModule) : undefined;
}

/**
 * XChaCha20-Poly1305 through libsodium's own C functions, on one region of its memory kept for the
 * purpose, laid out key ‖ nonce ‖ associated data ‖ input ‖ output: grown when a larger record comes,
 * and wiped after every call, so that no key and no plaintext stays in the module's memory between
 * records.
 */
function sodiumXChaCha(module: SodiumModule): XChaChaPoly {
  const scratch = scratchMemory(module);
  return {
    name: 'libsodium-wasm',
    encryptInto: (key, nonce, plaintext, aad, output) => {
      checkSizes(key, nonce.length, output.length === plaintext.length + TAG_BYTES);
      const base = scratch.filled(key, nonce, aad, plaintext, output.length);
      const input = base + INPUTS_AT + aad.length;
      const at = input + plaintext.length;
      try {
        const refused = module._crypto_aead_xchacha20poly1305_ietf_encrypt(at, 0, input, plaintext.length, 0, base + INPUTS_AT, aad.length, 0, 0, base + KEY_BYTES, base);
        if (refused !== 0) throw new Error('libsodium refused to seal');
        output.set(module.HEAPU8.subarray(at, at + output.length));
      } finally {
        module.HEAPU8.fill(0, base, at + output.length);
      }
    },
    // libsodium checks the tag before it decrypts anything; when it does not verify, it returns -1 and
    // leaves the output zeroed, and `read` is never called.
    decryptWith: (key, sealed, nonceAt, aad, read) => {
      const cipherLength = sealed.length - nonceAt - NONCE_BYTES;
      checkSizes(key, NONCE_BYTES, Number.isInteger(nonceAt) && nonceAt >= 0 && cipherLength >= TAG_BYTES);
      const length = cipherLength - TAG_BYTES;
      // The sealed bytes are copied in whole, the caller's bytes before the nonce with them: libsodium is pointed past those.
      const base = scratch.filled(key, undefined, aad, sealed, length);
      const nonce = base + INPUTS_AT + aad.length + nonceAt;
      const input = nonce + NONCE_BYTES;
      const at = input + cipherLength;
      try {
        const refused = module._crypto_aead_xchacha20poly1305_ietf_decrypt(at, 0, 0, input, cipherLength, 0, base + INPUTS_AT, aad.length, 0, nonce, base);
        if (refused !== 0) throw new Error('ciphertext cannot be decrypted using that key');
        return read(module.HEAPU8.subarray(at, at + length));
      } finally {
        module.HEAPU8.fill(0, base, at + length);
      }
    },
  };
}

/** Where the associated data starts in the region, after the key and the nonce; the input follows it, the output the input. */
const INPUTS_AT = KEY_BYTES + NONCE_BYTES;

function scratchMemory(module: SodiumModule) {
  let base = 0;
  let capacity = 0;
  const reserve = (bytes: number) => {
    if (bytes <= capacity) return;
    // Doubling: a few growths at the first large records, none after. Growing may move the module's
    // memory (a new HEAPU8), which is why HEAPU8 is read again after this, never kept.
    const next = Math.max(4096, 2 ** Math.ceil(Math.log2(bytes)));
    const address = module._malloc(next);
    if (address === 0) throw new Error('libsodium could not allocate memory');
    if (capacity > 0) module._free(base);
    base = address;
    capacity = next;
  };
  return {
    /** Copies one call's inputs in and returns where the region starts (a nonce given apart goes after the key; else it is in the input). */
    filled(key: Uint8Array, nonce: Uint8Array | undefined, aad: Uint8Array, input: Uint8Array, outputLength: number): number {
      reserve(INPUTS_AT + aad.length + input.length + outputLength);
      const heap = module.HEAPU8;
      heap.set(key, base);
      if (nonce) heap.set(nonce, base + KEY_BYTES);
      heap.set(aad, base + INPUTS_AT);
      heap.set(input, base + INPUTS_AT + aad.length);
      return base;
    },
  };
}

/** The C functions read exactly 32 and 24 bytes wherever they are pointed: wrong sizes must not reach them. */
function checkSizes(key: Uint8Array, nonceLength: number, lengthsFit: boolean): void {
  if (key.length !== KEY_BYTES) throw new TypeError('invalid key length');
  if (nonceLength !== NONCE_BYTES) throw new TypeError('invalid nonce length');
  if (!lengthsFit) throw new TypeError('invalid length');
}

/**
 * Same key, nonce, text and associated data: the same bytes both ways, and a flipped bit refused;
 * for a short record and for one of several blocks with a longer associated data, which would show
 * any region of the module's memory pointed at wrongly.
 */
function agreesWithNoble(candidate: XChaChaPoly): boolean {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
  const nonce = Uint8Array.from({ length: 24 }, (_, i) => 255 - i);
  const short = new TextEncoder().encode('{"primaryName":"Youssef Ouali","notes":"comprobación"}');
  const long = Uint8Array.from({ length: 300 }, (_, i) => (i * 13 + 5) & 255);
  const aad = new TextEncoder().encode('vigia.self-check');
  const longAad = Uint8Array.from({ length: 100 }, (_, i) => 200 - i);
  return agreesOn(candidate, key, nonce, short, aad) && agreesOn(candidate, key, nonce, long, longAad);
}

function agreesOn(candidate: XChaChaPoly, key: Uint8Array, nonce: Uint8Array, text: Uint8Array, aad: Uint8Array): boolean {
  const ours = sealedBy(NOBLE_XCHACHA, key, nonce, text, aad);
  const theirs = sealedBy(candidate, key, nonce, text, aad);
  if (!sameBytes(ours, theirs)) return false;
  const sealed = new Uint8Array(1 + NONCE_BYTES + ours.length);
  sealed.set(nonce, 1);
  sealed.set(ours, 1 + NONCE_BYTES);
  if (!candidate.decryptWith(key, sealed, 1, aad, (opened) => sameBytes(opened, text))) return false;
  const flipped = sealed.slice();
  flipped[1 + NONCE_BYTES + 3]! ^= 1;
  try {
    candidate.decryptWith(key, flipped, 1, aad, () => undefined);
    return false;
  } catch {
    return true;
  }
}

function sealedBy(cipher: XChaChaPoly, key: Uint8Array, nonce: Uint8Array, text: Uint8Array, aad: Uint8Array): Uint8Array {
  const output = new Uint8Array(text.length + TAG_BYTES);
  cipher.encryptInto(key, nonce, text, aad, output);
  return output;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
