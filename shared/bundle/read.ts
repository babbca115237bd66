import { identityToRecipient } from 'age-encryption';
import { decryptToStage, type BundleKey } from './age-layer';
import { fail, succeed, type BundleResult } from './errors';
import type { Sha256Factory, Sha256Whole } from './hashing';
import { MANIFEST_PATH, SIGNATURE_PATH } from './entry-paths';
import { BUNDLE_LIMITS } from './limits';
import type { BundleManifest } from './manifest';
import type { StagedContents } from './stage';
import { stageEntries } from './staged-entries';
import { bundleFileOf, memoryStage, type BundleFile, type PlaintextStage, type StagedPlaintext } from './staged-plaintext';
import { checkEntryList, checkSignature, parseManifest, type Signer } from './verify-manifest';
import type { ZipCodecs } from './zip-codecs';
import { entryPieces, locateData, readDirectory, readEntryBytes } from './zip-read';

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
  /** The bundle worker's WebCrypto digest, for record files and attachments up to WHOLE_DIGEST_MAX_BYTES (hashing.ts). */
  sha256Whole?: Sha256Whole;
  /** Inflate for record files: fflate's by default; Node callers pass zlib's (zip-codecs.ts). */
  zip?: ZipCodecs;
  /**
   * Where the decrypted ZIP waits while it is checked: memory by default; a temporary file (CLI) or a
   * Blob (worker) keeps memory bounded whatever the attachments weigh.
   */
  stage?: PlaintextStage;
  /** Ciphertext bytes decrypted so far, of the file's size. */
  onProgress?: (done: number, total: number) => void;
  /** Then, bytes of the listed entries whose size, hash and records are checked, of all of them. */
  onCheckProgress?: (done: number, total: number) => void;
}

export interface OpenedBundle extends StagedContents {
  manifest: BundleManifest;
  signer: Signer;
  /**
   * The verified plaintext ZIP; `attachments` point into it. The caller discards it when done (a
   * temporary file is deleted then).
   */
  plaintext: StagedPlaintext;
  /** Entry paths in ZIP order (what `bundle extract` writes out). */
  paths: string[];
  /** A verified entry's bytes, in pieces (inflated when deflated): `bundle extract` streams them out. */
  entryChunks(path: string): AsyncIterable<Uint8Array>;
}

/** The age payload may exceed the entries by the ZIP's own headers and directory. */
const MAX_PLAINTEXT = BUNDLE_LIMITS.maxTotalBytes + 64 * 1024 * 1024;

/**
 * decrypt into a stage → read the ZIP through its central directory → manifest and entry list →
 * signature and trust → every entry's size and hash → every record's validity → a staged bundle.
 * Nothing is written: the caller applies the staged result in one transaction, or shows the error.
 * On failure the stage is discarded; on success the caller owns `plaintext`.
 */
export async function openBundle(file: Uint8Array | BundleFile, options: OpenOptions): Promise<BundleResult<OpenedBundle>> {
  let plain: StagedPlaintext | undefined;
  try {
    const staged = await decryptToStage(file instanceof Uint8Array ? bundleFileOf(file) : file, options.key, options.stage ?? memoryStage, MAX_PLAINTEXT, options.onProgress);
    if (!staged.ok) return staged;
    plain = staged.value;
    const opened = await openStaged(plain, options);
    if (!opened.ok) await plain.discard();
    return opened;
  } catch (error) {
    await plain?.discard().catch(() => undefined);
    // Every expected failure is a value already; this is the last guard so none reaches the user raw.
    return fail({ code: 'bundle_unreadable', detail: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The checks after decryption, on a plaintext already staged and authenticated elsewhere (the desktop
 * app's utility process decrypts): `options.key` still says who opens it, `stage` is unused. It may
 * throw; the caller owns `plain` whatever happens.
 */
export async function openStaged(plain: StagedPlaintext, options: OpenOptions): Promise<BundleResult<OpenedBundle>> {
  const directory = await readDirectory(plain);
  if (!directory.ok) return directory;
  const files = new Map<string, Uint8Array>();
  for (const path of [MANIFEST_PATH, SIGNATURE_PATH]) {
    const entry = directory.value.byName.get(path);
    if (!entry) continue;
    const read = await readEntryBytes(plain, entry, options.zip);
    if (!read.ok) return read;
    if (read.value.actualSize !== entry.size) return fail({ code: 'zip_invalid' });
    files.set(path, read.value.bytes);
  }
  const archive = { order: directory.value.entries.map((e) => e.name), files };
  const manifest = parseManifest(files.get(MANIFEST_PATH)!);
  if (!manifest.ok) return manifest;
  const listed = checkEntryList(archive, manifest.value);
  if (!listed.ok) return listed;
  const signer = checkSignature(archive, manifest.value, options.trustedSigningKeys);
  if (!signer.ok) return signer;
  if (!signer.value.trusted && !options.allowUntrustedSigner) {
    const { name, signingKey, fingerprint } = signer.value;
    return fail({ code: 'untrusted_signer', name, signingKey, fingerprint });
  }
  const addressed = await checkAddressee(manifest.value, options.key);
  if (!addressed.ok) return addressed;
  const staged = await stageEntries(plain, directory.value, manifest.value, { sha256: options.sha256, sha256Whole: options.sha256Whole }, options.zip, options.onCheckProgress);
  if (!staged.ok) return staged;

  const byName = directory.value.byName;
  async function* entryChunks(path: string): AsyncIterable<Uint8Array> {
    const loaded = files.get(path);
    if (loaded) {
      yield loaded;
      return;
    }
    const entry = byName.get(path);
    if (!entry) throw new Error(`entry_missing:${path}`);
    const located = await locateData(plain, entry);
    if (!located.ok) throw new Error(located.error.code);
    yield* entryPieces(plain, entry, located.value);
  }
  return succeed({ ...staged.value, manifest: manifest.value, signer: signer.value, plaintext: plain, paths: archive.order, entryChunks });
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
