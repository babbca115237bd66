import { createCipheriv, createDecipheriv } from 'node:crypto';
import { getOutput, wrapCipher, type CipherWithOutput } from '@noble/ciphers/utils.js';

/**
 * ChaCha20-Poly1305 (RFC 8439) from OpenSSL through node:crypto, with the exact API of
 * `chacha20poly1305` from @noble/ciphers/chacha.js — the only primitive typage's STREAM layer and
 * stanza wrapping call. It replaces noble's pure-JS version for modules inside age-encryption only
 * (register-node-aead.mjs for Node, the redirect plugin for Vite builds): typage still does all of
 * age's chunking and nonces. noble's own `wrapCipher` supplies argument checks, single-use encrypt
 * and the tag-length check, so validation is noble's, byte for byte.
 *
 * Everything else @noble/ciphers/chacha.js exports passes through unchanged.
 */
export * from '@noble/ciphers/chacha.js';

/** Which implementation this module is, for diagnostics and the redirect tests. */
export const AEAD_IMPLEMENTATION = 'node-crypto';

/** What noble's ciphers return: bytes over a plain ArrayBuffer. */
type Bytes = ReturnType<CipherWithOutput['encrypt']>;

const TAG_LENGTH = 16;
const KEY_LENGTH = 32;
let ciphersMade = 0;

/** How many ciphers this module has made in this process: > 0 proves typage's calls come here. */
export function nodeAeadCiphersMade(): number {
  return ciphersMade;
}

function openSslCipher(key: Uint8Array, nonce: Uint8Array, AAD?: Uint8Array): CipherWithOutput {
  // noble's chacha20 refuses anything but a 32-byte key (16-byte "short keys" are off for ChaCha20).
  if (key.length !== KEY_LENGTH) throw new Error(`"key" expected Uint8Array of length ${KEY_LENGTH}, got length=${key.length}`);
  ciphersMade++;
  // Like noble, key/nonce/AAD are read when encrypt/decrypt runs, not copied here.
  return {
    encrypt(plaintext: Uint8Array, output?: Uint8Array): Bytes {
      const out = getOutput(plaintext.length + TAG_LENGTH, output, false);
      const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_LENGTH });
      if (AAD) cipher.setAAD(AAD, { plaintextLength: plaintext.length });
      const body = cipher.update(plaintext);
      cipher.final();
      out.set(body, 0);
      out.set(cipher.getAuthTag(), plaintext.length);
      return out;
    },
    decrypt(ciphertext: Uint8Array, output?: Uint8Array): Bytes {
      const out = getOutput(ciphertext.length - TAG_LENGTH, output, false);
      const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_LENGTH });
      decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_LENGTH));
      if (AAD) decipher.setAAD(AAD, { plaintextLength: ciphertext.length - TAG_LENGTH });
      const body = decipher.update(ciphertext.subarray(0, ciphertext.length - TAG_LENGTH));
      try {
        decipher.final();
      } catch {
        // OpenSSL decrypts before it checks the tag: wipe the unauthenticated plaintext, answer as noble does.
        body.fill(0);
        throw new Error('invalid tag');
      }
      out.set(body, 0);
      return out;
    },
  };
}

export const chacha20poly1305 = /* @__PURE__ */ wrapCipher({ blockSize: 64, nonceLength: 12, tagLength: TAG_LENGTH, withAAD: true }, openSslCipher);

// `VIGIA_AEAD_TRACE=1` makes a process say on exit which AEAD typage used (the CLI redirect test).
if (process.env.VIGIA_AEAD_TRACE === '1') {
  process.on('exit', () => process.stderr.write(`vigia-aead: ${AEAD_IMPLEMENTATION} (${ciphersMade} ciphers)\n`));
}
