import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * A fingerprint two analysts can read to each other over the phone: the first 128 bits of
 * SHA-256("vigia-fingerprint-v1\n" ‖ age recipient ‖ "\n" ‖ minisign public key), as eight groups of
 * four upper-case hex digits (`3F9A-12C0-…`). It covers both keys, so swapping either one changes it.
 */
export const FINGERPRINT_PATTERN = /^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/;

export function fingerprintOf(ageRecipient: string, signingKey: string): string {
  const digest = sha256(new TextEncoder().encode(`vigia-fingerprint-v1\n${ageRecipient}\n${signingKey}`));
  const hex = bytesToHex(digest.slice(0, 16)).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}
