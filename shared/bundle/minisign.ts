import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { base64 } from '@scure/base';
import { decodeMinisignPublicKey, KEY_ID_BYTES, type SigningKeyPair } from '../identity/signing-key';

/**
 * minisign's signature file, so `minisign -Vm manifest.json -P KEY` verifies a bundle's manifest:
 *
 *   untrusted comment: <free text>
 *   base64("ED" ‖ key id ‖ Ed25519(BLAKE2b-512(message)))
 *   trusted comment: <one line>
 *   base64(Ed25519(signature ‖ trusted comment))
 *
 * We write the prehashed "ED" algorithm (minisign's default since 0.8) and verify only that: the
 * legacy "Ed" form signs the whole message and is refused so that one code path is exercised.
 */
const PREHASHED = new Uint8Array([0x45, 0x44]); // "ED"

export interface MinisignSignature {
  keyId: Uint8Array;
  signature: Uint8Array;
  trustedComment: string;
  globalSignature: Uint8Array;
}

export function signMinisign(message: Uint8Array, key: SigningKeyPair, trustedComment: string, untrustedComment: string): string {
  if (/[\r\n]/.test(trustedComment) || /[\r\n]/.test(untrustedComment)) throw new TypeError('comment_not_one_line');
  const signature = ed25519.sign(blake2b(message), key.secretKey);
  const line = new Uint8Array(2 + KEY_ID_BYTES + 64);
  line.set(PREHASHED, 0);
  line.set(key.keyId, 2);
  line.set(signature, 2 + KEY_ID_BYTES);
  const globalSignature = ed25519.sign(concat(signature, new TextEncoder().encode(trustedComment)), key.secretKey);
  return [
    `untrusted comment: ${untrustedComment}`,
    base64.encode(line),
    `trusted comment: ${trustedComment}`,
    base64.encode(globalSignature),
    '',
  ].join('\n');
}

export function parseMinisignSignature(text: string): MinisignSignature | undefined {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.length < 4 || !lines[0]!.startsWith('untrusted comment: ') || !lines[2]!.startsWith('trusted comment: ')) return undefined;
  if (lines.slice(4).some((l) => l !== '')) return undefined;
  try {
    const line = base64.decode(lines[1]!);
    const globalSignature = base64.decode(lines[3]!);
    if (line.length !== 2 + KEY_ID_BYTES + 64 || globalSignature.length !== 64) return undefined;
    if (line[0] !== PREHASHED[0] || line[1] !== PREHASHED[1]) return undefined;
    return {
      keyId: line.slice(2, 2 + KEY_ID_BYTES),
      signature: line.slice(2 + KEY_ID_BYTES),
      trustedComment: lines[2]!.slice('trusted comment: '.length),
      globalSignature,
    };
  } catch {
    return undefined;
  }
}

export type MinisignVerification =
  | { ok: true; trustedComment: string }
  | { ok: false; code: 'signature_malformed' | 'signature_key_mismatch' | 'signature_invalid' };

export function verifyMinisign(message: Uint8Array, signatureText: string, publicKey: string): MinisignVerification {
  const parsed = parseMinisignSignature(signatureText);
  const key = decodeMinisignPublicKey(publicKey);
  if (!parsed || !key) return { ok: false, code: 'signature_malformed' };
  if (!equalBytes(parsed.keyId, key.keyId)) return { ok: false, code: 'signature_key_mismatch' };
  const comment = new TextEncoder().encode(parsed.trustedComment);
  const valid =
    safeVerify(parsed.signature, blake2b(message), key.publicKey) &&
    safeVerify(parsed.globalSignature, concat(parsed.signature, comment), key.publicKey);
  return valid ? { ok: true, trustedComment: parsed.trustedComment } : { ok: false, code: 'signature_invalid' };
}

function safeVerify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    // Strict RFC 8032 verification, as libsodium (and so minisign) does.
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
