import { bytesToHex } from '@noble/hashes/utils.js';
import type { AnalystIdentity } from '../identity/analyst-identity';
import type { AuditEntry } from '../model/audit';
import { CASE_TABLE_NAMES, type CaseSnapshot } from '../model/tables';
import type { Marking } from '../model/vocabulary';
import { encryptStream, readAll, type BundleEncryption } from './age-layer';
import { nobleSha256, sha256HexOf, type Sha256Factory, type Sha256Whole } from './hashing';
import { attachmentPath, auditPath, MANIFEST_PATH, recordsPath, SIGNATURE_PATH } from './entry-paths';
import { BUNDLE_FORMAT, BUNDLE_VERSION, trustedCommentFor, type BundleManifest, type ManifestEntry } from './manifest';
import { signMinisign } from './minisign';
import { toNdjson } from './ndjson';
import type { ZipWriteCodecs } from './zip-codecs';
import { once, zipStream, type ZipEntrySource } from './zip-write';

/** Where attachment bytes come from, by SHA-256: the renderer's blob store, a folder, a Map in tests. */
export interface AttachmentSource {
  has(sha256: string): boolean | Promise<boolean>;
  chunks(sha256: string): AsyncIterable<Uint8Array>;
}

export function attachmentsFromMap(bytes: ReadonlyMap<string, Uint8Array>): AttachmentSource {
  return {
    has: (sha) => bytes.has(sha),
    chunks: (sha) => once(bytes.get(sha) ?? new Uint8Array(0)),
  };
}

export interface BundleContents {
  snapshot: CaseSnapshot;
  audit: readonly AuditEntry[];
  attachments: AttachmentSource;
}

export interface BundleOptions {
  sender: AnalystIdentity;
  encryption: BundleEncryption;
  /** Names of the recipients, by age recipient, written into the manifest for the reader's eyes. */
  recipientNames?: Readonly<Record<string, string>>;
  scope: BundleManifest['scope'];
  marking: Marking;
  /** Bundles imported here for these cases, newest first (the manifest's `receivedBundles`). */
  receivedBundles?: readonly string[];
  now: Date;
  bundleId?: string;
  /** Defaults to @noble/hashes; Node callers pass their native SHA-256. */
  sha256?: Sha256Factory;
  /**
   * The bundle worker's WebCrypto digest, for record files (in memory anyway). Attachments stream
   * through `sha256`: holding each whole to digest it doubled the export's garbage collection.
   */
  sha256Whole?: Sha256Whole;
  /** CRC-32 and deflate for the ZIP: fflate's pure JS by default; Node passes zlib's, the bundle worker a WASM CRC-32. */
  zip?: ZipWriteCodecs;
  /**
   * The desktop app's utility process encrypts: the stream is then the signed ZIP itself, which the
   * caller must encrypt with this same `encryption` (the manifest names its recipients).
   */
  encryptElsewhere?: boolean;
}

export interface WrittenBundle {
  manifest: BundleManifest;
  /** The age-encrypted bundle, produced as it is read. */
  stream: ReadableStream<Uint8Array>;
}

/**
 * Builds the manifest (record files are serialised and hashed in memory; attachments are described by
 * their records' size and SHA-256, and checked against them as they stream), signs it, and returns the
 * encrypted bundle as a stream whose memory use does not grow with attachment size.
 */
export async function writeBundleStream(contents: BundleContents, options: BundleOptions): Promise<WrittenBundle> {
  const hash = options.sha256 ?? nobleSha256;
  const hashing = { sha256: hash, sha256Whole: options.sha256Whole };
  const entries: ManifestEntry[] = [];
  const sources: ZipEntrySource[] = [];
  const counts: BundleManifest['counts'] = {};
  const caseIds = new Set<string>();
  const stamps: string[] = [];

  for (const table of CASE_TABLE_NAMES) {
    const records = contents.snapshot[table] as ReadonlyArray<{ caseId: string; hlc: string }>;
    if (records.length === 0) continue;
    for (const r of records) {
      caseIds.add(r.caseId);
      stamps.push(r.hlc);
    }
    counts[table] = records.length;
    const bytes = toNdjson(records);
    entries.push({ path: recordsPath(table), size: bytes.length, sha256: await sha256HexOf(bytes, hashing) });
    sources.push({ path: recordsPath(table), compress: true, bytes });
  }

  const auditByCase = new Map<string, AuditEntry[]>();
  for (const entry of contents.audit) {
    caseIds.add(entry.caseId);
    const ofCase = auditByCase.get(entry.caseId);
    // Appended in place: copying the list per entry is quadratic in the audit trail's length.
    if (ofCase) ofCase.push(entry);
    else auditByCase.set(entry.caseId, [entry]);
  }
  for (const [caseId, auditEntries] of [...auditByCase].sort(([a], [b]) => a.localeCompare(b))) {
    const bytes = toNdjson(auditEntries);
    entries.push({ path: auditPath(caseId), size: bytes.length, sha256: await sha256HexOf(bytes, hashing) });
    sources.push({ path: auditPath(caseId), compress: true, bytes });
  }

  const seen = new Set<string>();
  for (const attachment of contents.snapshot.attachments) {
    if (attachment.deleted || seen.has(attachment.sha256)) continue;
    if (!(await contents.attachments.has(attachment.sha256))) continue;
    seen.add(attachment.sha256);
    const { sha256: expected, size } = attachment;
    entries.push({ path: attachmentPath(expected), size, sha256: expected });
    sources.push({
      path: attachmentPath(expected),
      compress: false,
      chunks: () => checkedChunks(contents.attachments.chunks(expected), expected, size, hash),
    });
  }

  if (caseIds.size === 0) throw new TypeError('bundle_without_case');
  stamps.sort();
  const createdAt = options.now.toISOString();
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    bundleId: options.bundleId ?? crypto.randomUUID(),
    createdAt,
    sender: {
      name: options.sender.name,
      signingKey: options.sender.signingKey,
      fingerprint: options.sender.fingerprint,
      ageRecipient: options.sender.ageRecipient,
    },
    encryption:
      options.encryption.mode === 'passphrase'
        ? { mode: 'passphrase' }
        : {
            mode: 'recipients',
            recipients: options.encryption.recipients.map((ageRecipient) => {
              const name = options.recipientNames?.[ageRecipient];
              return name ? { ageRecipient, name } : { ageRecipient };
            }),
          },
    scope: options.scope,
    caseIds: [...caseIds].sort(),
    marking: options.marking,
    synthetic: contents.snapshot.cases.some((c) => c.synthetic),
    clock: stamps.length > 0 ? { from: stamps[0]!, to: stamps[stamps.length - 1]! } : null,
    counts,
    ...(options.receivedBundles?.length ? { receivedBundles: [...options.receivedBundles] } : {}),
    entries,
  };

  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
  const signature = new TextEncoder().encode(
    signMinisign(manifestBytes, options.sender.signing, trustedCommentFor(manifest), `signature of a Vigía bundle manifest by ${options.sender.fingerprint}`),
  );
  const zip = zipStream(
    [
      { path: MANIFEST_PATH, compress: true, bytes: manifestBytes },
      { path: SIGNATURE_PATH, compress: false, chunks: () => once(signature) },
      ...sources,
    ],
    options.now,
    options.zip,
  );
  return { manifest, stream: options.encryptElsewhere ? zip : await encryptStream(zip, options.encryption) };
}

export async function writeBundle(contents: BundleContents, options: BundleOptions): Promise<{ manifest: BundleManifest; bytes: Uint8Array }> {
  const { manifest, stream } = await writeBundleStream(contents, options);
  return { manifest, bytes: await readAll(stream) };
}

/** A local blob that does not match its record would make a bundle the reader must refuse: stop here. */
async function* checkedChunks(chunks: AsyncIterable<Uint8Array>, expected: string, size: number, factory: Sha256Factory): AsyncIterable<Uint8Array> {
  const hash = factory();
  let total = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    total += chunk.length;
    if (total > size) throw new Error(`attachment_size_mismatch:${expected}`);
    yield chunk;
  }
  if (total !== size) throw new Error(`attachment_size_mismatch:${expected}`);
  if (bytesToHex(hash.digest()) !== expected) throw new Error(`attachment_hash_mismatch:${expected}`);
}
