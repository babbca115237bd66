import { identityToRecipient } from 'age-encryption';
import { decryptBytes, type BundleKey } from './age-layer';
import { fail, succeed, type BundleResult } from './errors';
import type { Sha256Factory } from './hashing';
import { MANIFEST_PATH } from './entry-paths';
import { BUNDLE_LIMITS } from './limits';
import type { BundleManifest } from './manifest';
import { checkEntryHashes, stageContents, type StagedContents } from './stage';
import { checkEntryList, checkSignature, parseManifest, type Signer } from './verify-manifest';
import { readArchive } from './zip-read';

export interface OpenOptions {
  key: BundleKey;
  /** Minisign public keys the reader trusts (its keyring and its own key). */
  trustedSigningKeys: readonly string[];
  /**
   * `inspect` shows a bundle from an untrusted signer (with the fingerprint to compare) without
   * staging it; everything else requires trust.
   */
  allowUntrustedSigner?: boolean;
  /** Defaults to @noble/hashes; Node callers pass their native SHA-256. */
  sha256?: Sha256Factory;
}

export interface OpenedBundle extends StagedContents {
  manifest: BundleManifest;
  signer: Signer;
  /** The verified entries as they were in the ZIP, by path (what `bundle extract` writes out). */
  files: ReadonlyMap<string, Uint8Array>;
}

/**
 * decrypt → read the ZIP through its central directory → manifest and entry list → signature and
 * trust → every entry's size and hash → every record's validity → a staged bundle. Nothing is
 * written: the caller applies the staged result in one transaction, or shows the error.
 */
export async function openBundle(file: Uint8Array, options: OpenOptions): Promise<BundleResult<OpenedBundle>> {
  try {
    return await openChecked(file, options);
  } catch (error) {
    // Every expected failure is a value already; this is the last guard so none reaches the user raw.
    return fail({ code: 'bundle_unreadable', detail: error instanceof Error ? error.message : String(error) });
  }
}

async function openChecked(file: Uint8Array, options: OpenOptions): Promise<BundleResult<OpenedBundle>> {
  const plain = await decryptBytes(file, options.key, BUNDLE_LIMITS.maxTotalBytes + 64 * 1024 * 1024);
  if (!plain.ok) return plain;
  const archive = readArchive(plain.value);
  if (!archive.ok) return archive;
  const manifest = parseManifest(archive.value.files.get(MANIFEST_PATH)!);
  if (!manifest.ok) return manifest;
  const listed = checkEntryList(archive.value, manifest.value);
  if (!listed.ok) return listed;
  const signer = checkSignature(archive.value, manifest.value, options.trustedSigningKeys);
  if (!signer.ok) return signer;
  if (!signer.value.trusted && !options.allowUntrustedSigner) {
    const { name, signingKey, fingerprint } = signer.value;
    return fail({ code: 'untrusted_signer', name, signingKey, fingerprint });
  }
  const addressed = await checkAddressee(manifest.value, options.key);
  if (!addressed.ok) return addressed;
  const hashes = checkEntryHashes(archive.value, manifest.value, options.sha256);
  if (!hashes.ok) return hashes;
  const staged = stageContents(archive.value, manifest.value);
  if (!staged.ok) return staged;
  return succeed({ ...staged.value, manifest: manifest.value, signer: signer.value, files: archive.value.files });
}

/**
 * The signed manifest names who the bundle is for. Anyone can encrypt to a public age recipient, so a
 * bundle re-encrypted to us but signed for someone else is refused here.
 */
async function checkAddressee(manifest: BundleManifest, key: BundleKey): Promise<BundleResult<void>> {
  const { encryption } = manifest;
  if ('passphrase' in key) return encryption.mode === 'passphrase' ? succeed(undefined) : fail({ code: 'not_for_you', recipients: [] });
  const recipients = encryption.mode === 'recipients' ? encryption.recipients.map((r) => r.ageRecipient) : [];
  const me = await identityToRecipient(key.identity);
  return recipients.includes(me) ? succeed(undefined) : fail({ code: 'not_for_you', recipients: recipients });
}
