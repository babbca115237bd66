import { asciiJson } from '../../../shared/json';
import { paddedLength } from '../../../shared/vault';

/**
 * Large derived values kept in a sealed row (the cached network of a case, some 6 MB of JSON at
 * 10,000 people): sealed under a key of their own, kept in the row's sealed part, with AES-256-GCM
 * through WebCrypto. Why not the record cipher: the row is read outside any transaction and written
 * before one, so the cipher may be asynchronous, and Chromium's AES-GCM opens the 10,000-person case's
 * network in 12 ms where libsodium's WebAssembly XChaCha20-Poly1305 takes 34 (docs/security.md, "The
 * cached network"). Why a key per value: the row's own seal (under its case's key) binds that key to
 * the row, so the bytes beside it are bound too, deleting the case's key makes them unreadable with
 * it, and a random key per write leaves no nonce to count (one message per key).
 *
 * Layout of the sealed bytes: format (1) ‖ nonce (12) ‖ ciphertext ‖ tag (16). The plaintext is the
 * value's JSON in ASCII (asciiJson), padded with spaces to its length bucket (paddedLength, as
 * records are). The associated data is the text `bound`, which names the value's place.
 */
export const LARGE_VALUE_FORMAT = 1;
const NONCE_BYTES = 12;
const KEY_BYTES = 32;
const SPACE = 0x20;

export interface SealedLargeValue {
  /** The value's own key: store it in the row's sealed part, never beside it. */
  key: Uint8Array;
  sealed: Uint8Array;
}

/** Seals `value` (anything JSON carries) for the place `bound` names. */
export async function sealLargeValue(value: unknown, bound: string): Promise<SealedLargeValue> {
  const json = asciiJson(JSON.stringify(value));
  const plaintext = new Uint8Array(paddedLength(json.length)).fill(SPACE);
  UTF8.encodeInto(json, plaintext);
  const key = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const cipher = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: UTF8.encode(bound) }, cipher, plaintext));
  plaintext.fill(0);
  const sealed = new Uint8Array(1 + NONCE_BYTES + ciphertext.length);
  sealed[0] = LARGE_VALUE_FORMAT;
  sealed.set(nonce, 1);
  sealed.set(ciphertext, 1 + NONCE_BYTES);
  return { key, sealed };
}

/**
 * The value sealed by sealLargeValue for the same place, or undefined when the bytes or the key are
 * not what it wrote for that place (another format, one bit changed, cut short, moved from another
 * row or place, another key): the caller reports the row damaged.
 */
export async function openLargeValue(key: unknown, sealed: unknown, bound: string): Promise<unknown> {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) return undefined;
  if (!(sealed instanceof Uint8Array) || sealed.length < 1 + NONCE_BYTES || sealed[0] !== LARGE_VALUE_FORMAT) return undefined;
  let plaintext: Uint8Array;
  try {
    const cipher = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']);
    const iv = sealed.slice(1, 1 + NONCE_BYTES);
    plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: UTF8.encode(bound) }, cipher, sealed.subarray(1 + NONCE_BYTES) as Uint8Array<ArrayBuffer>));
  } catch {
    return undefined;
  }
  // As sealLargeValue writes it: a bucket's length, JSON (padded with spaces, which JSON.parse skips).
  if (paddedLength(plaintext.length) !== plaintext.length) return undefined;
  try {
    return JSON.parse(STRICT_UTF8.decode(plaintext));
  } catch {
    return undefined;
  } finally {
    plaintext.fill(0);
  }
}

const UTF8 = new TextEncoder();
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
