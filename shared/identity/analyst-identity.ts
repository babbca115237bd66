import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { fingerprintOf } from './fingerprint';
import { encodeMinisignPublicKey, generateSigningKeyPair, signingKeyPairFromSeed, type SigningKeyPair } from './signing-key';

/**
 * An analyst's identity: an age X25519 key pair to receive bundles (X25519 rather than the
 * post-quantum hybrid, because Debian's age 1.1.1 at the transfer station rejects hybrid keys) and an
 * Ed25519 key pair to sign them.
 */
export interface AnalystIdentity {
  name: string;
  /** `AGE-SECRET-KEY-1…` */
  ageIdentity: string;
  /** `age1…` */
  ageRecipient: string;
  signing: SigningKeyPair;
  /** The signing public key in minisign's format. */
  signingKey: string;
  fingerprint: string;
}

/** Names travel in key files and manifests: one line, printable, bounded. */
export const MAX_ANALYST_NAME = 200;
export function isAnalystName(name: string): boolean {
  const hasControl = [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  return name.trim().length > 0 && name.length <= MAX_ANALYST_NAME && !hasControl;
}

export async function generateAnalystIdentity(name: string): Promise<AnalystIdentity> {
  const ageIdentity = await generateX25519Identity();
  return assembleIdentity(name, ageIdentity, generateSigningKeyPair());
}

/** Rebuild an identity from its two secrets (as stored in a key file or the OS keychain). */
export async function restoreAnalystIdentity(name: string, ageIdentity: string, signingSeed: Uint8Array): Promise<AnalystIdentity> {
  return assembleIdentity(name, ageIdentity, signingKeyPairFromSeed(signingSeed));
}

async function assembleIdentity(name: string, ageIdentity: string, signing: SigningKeyPair): Promise<AnalystIdentity> {
  const ageRecipient = await identityToRecipient(ageIdentity);
  const signingKey = encodeMinisignPublicKey(signing.publicKey, signing.keyId);
  return { name, ageIdentity, ageRecipient, signing, signingKey, fingerprint: fingerprintOf(ageRecipient, signingKey) };
}
