import { COMMON_PASSPHRASES } from './common-passphrases';

/**
 * The vault passphrase as text: how it is normalised (so the same passphrase typed on another keyboard
 * or pasted from another program unlocks), and what a new one must be. Unlocking only normalises; the
 * rules apply when a passphrase is set, so a later change of the rules never locks anyone out.
 */

/** Counted in Unicode code points after normalisation: "ñ" and "🔑" are one character each, as a person counts them. */
export const MIN_PASSPHRASE_LENGTH = 15;

/**
 * RFC 8265's OpaqueString profile, the IETF's rule for passwords: every space-like character (Unicode
 * Zs: no-break space, ideographic space …) becomes U+0020, then NFC. NFC makes "é" typed as one key
 * (U+00E9) and as "e" + combining acute (U+0065 U+0301, macOS dead keys, some paste sources) the same
 * text. NFKC would also do that, but it rewrites characters the person chose into other ones
 * ("ﬁ" → "fi", "²" → "2", full-width → ASCII): RFC 8265 keeps that for identifiers, not secrets.
 * Nothing is trimmed: a leading or trailing space is part of what was typed.
 */
export function normalisePassphrase(raw: string): string {
  return raw.replace(/\p{Zs}/gu, ' ').normalize('NFC');
}

/** The bytes the KDF reads: UTF-8 of the normalised text. */
export function passphraseBytes(raw: string): Uint8Array {
  return new TextEncoder().encode(normalisePassphrase(raw));
}

export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * Why a new passphrase was refused, as a code the UI translates:
 * - `too_short`: fewer than MIN_PASSPHRASE_LENGTH characters;
 * - `common`: on the list of common passphrases, or one character repeated;
 * - `malformed`: holds half of a UTF-16 surrogate pair (only a broken paste produces one), which
 *   UTF-8 cannot encode, so two different texts would give the same key.
 */
export type PassphraseProblem = 'too_short' | 'common' | 'malformed';

export type PassphraseCheck =
  | { ok: true; passphrase: string; length: number }
  | { ok: false; problem: PassphraseProblem; length: number; minimum: number };

const LONE_SURROGATE = /\p{Cs}/u;

/** Checks a passphrase being set (first time or changed); `passphrase` is the normalised text. */
export function checkNewPassphrase(raw: string): PassphraseCheck {
  const passphrase = normalisePassphrase(raw);
  const length = codePointLength(passphrase);
  const refuse = (problem: PassphraseProblem): PassphraseCheck => ({ ok: false, problem, length, minimum: MIN_PASSPHRASE_LENGTH });
  if (LONE_SURROGATE.test(passphrase)) return refuse('malformed');
  if (length < MIN_PASSPHRASE_LENGTH) return refuse('too_short');
  if (isCommonPassphrase(passphrase)) return refuse('common');
  return { ok: true, passphrase, length };
}

/**
 * The form blocklist entries and candidates are compared in: normalised, lower case (locale-independent,
 * so "I" folds the same in Turkish), without white space ("correct horse" = "correcthorse").
 */
export function foldForBlocklist(raw: string): string {
  return normalisePassphrase(raw).toLowerCase().replace(/\s+/gu, '');
}

const BLOCKLIST = new Set(COMMON_PASSPHRASES.map(foldForBlocklist));

function isCommonPassphrase(passphrase: string): boolean {
  const folded = foldForBlocklist(passphrase);
  return BLOCKLIST.has(folded) || new Set(folded).size <= 1;
}
