import { bytesToHex } from '@noble/hashes/utils.js';
import { emptySnapshot } from '../model/tables';
import { fail, succeed, type BundleResult } from './errors';
import { classifyEntry } from './entry-paths';
import { nobleSha256, sha256HexOf, WHOLE_DIGEST_MAX_BYTES, type Sha256Hashing } from './hashing';
import type { BundleManifest } from './manifest';
import { checkCounts, stageEntry, type StagedAttachment, type StagedContents } from './stage';
import type { StagedPlaintext } from './staged-plaintext';
import type { ZipCodecs } from './zip-codecs';
import { locateData, readEntryBytes, type ZipDirectory } from './zip-read';

/**
 * Every entry the signed manifest lists: size and SHA-256 against the manifest, then (record and audit
 * files) every line against the schemas. A record file is held only while it is parsed; an attachment
 * is hashed in 1 MiB pieces where it lies and staged as a reference. The error returned is always the
 * first, in the manifest's order, as if the entries were checked one by one in that order.
 *
 * Attachments are hashed before record files are parsed: reading them allocates hundreds of MiB of
 * short-lived buffers, and each full garbage collection that this triggers is cheap while the heap does
 * not yet hold every parsed record (it halved the import's GC time on the 10k-person demo case).
 */
export async function stageEntries(
  plain: StagedPlaintext,
  directory: ZipDirectory,
  manifest: BundleManifest,
  hash: Sha256Hashing = {},
  codecs?: ZipCodecs,
  onProgress?: (done: number, total: number) => void,
): Promise<BundleResult<StagedContents>> {
  const staged: StagedContents = { snapshot: emptySnapshot(), audit: [], attachments: new Map() };
  const caseIds = new Set(manifest.caseIds);
  const listed = manifest.entries;
  // Bytes of the listed entries checked so far, of all of them (the signed manifest's sizes).
  const total = listed.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  const checked = (entry: Listed) => {
    done += entry.size;
    onProgress?.(Math.min(done, total), total);
  };
  onProgress?.(0, total);

  // 1. Attachments, in manifest order, up to the first that fails.
  let firstFailure: { index: number; error: BundleResult<never> } | undefined;
  for (let index = 0; index < listed.length && !firstFailure; index += 1) {
    const attachment = await checkAttachment(plain, directory, listed[index]!, hash, staged);
    if (attachment && !attachment.ok) firstFailure = { index, error: attachment };
    else if (attachment) checked(listed[index]!);
  }
  // 2. Everything else, in manifest order, before that failure: an earlier failure is the one to report.
  const end = firstFailure?.index ?? listed.length;
  for (let index = 0; index < end; index += 1) {
    const entry = listed[index]!;
    if (classifyEntry(entry.path)?.kind === 'attachment') continue;
    const file = await checkFile(plain, directory, entry, hash, codecs, staged, caseIds);
    if (!file.ok) return file;
    checked(entry);
  }
  if (firstFailure) return firstFailure.error;
  const counted = checkCounts(staged.snapshot, manifest);
  return counted.ok ? succeed(staged) : counted;
}

type Listed = BundleManifest['entries'][number];

/** An attachment's size and hash, staged as a reference; `undefined` for other entries. */
async function checkAttachment(
  plain: StagedPlaintext,
  directory: ZipDirectory,
  listed: Listed,
  hash: Sha256Hashing,
  staged: StagedContents,
): Promise<BundleResult<void> | undefined> {
  const kind = classifyEntry(listed.path);
  if (kind?.kind !== 'attachment') return undefined;
  const entry = directory.byName.get(listed.path)!;
  if (entry.size !== listed.size) return fail({ code: 'entry_size_mismatch', path: listed.path, expected: listed.size, actual: entry.size });
  if (kind.sha256 !== listed.sha256) return fail({ code: 'entry_hash_mismatch', path: listed.path });
  const attachment = await hashInPlace(plain, directory, listed.path, hash);
  if (!attachment.ok) return attachment;
  if (attachment.value.actualSize !== listed.size) {
    return fail({ code: 'entry_size_mismatch', path: listed.path, expected: listed.size, actual: attachment.value.actualSize });
  }
  if (attachment.value.sha256 !== listed.sha256) return fail({ code: 'entry_hash_mismatch', path: listed.path });
  staged.attachments.set(kind.sha256, attachment.value.at);
  return succeed(undefined);
}

/** A record or audit file: size and hash, then every line into `staged`. */
async function checkFile(
  plain: StagedPlaintext,
  directory: ZipDirectory,
  listed: Listed,
  hash: Sha256Hashing,
  codecs: ZipCodecs | undefined,
  staged: StagedContents,
  caseIds: ReadonlySet<string>,
): Promise<BundleResult<void>> {
  const entry = directory.byName.get(listed.path)!;
  if (entry.size !== listed.size) return fail({ code: 'entry_size_mismatch', path: listed.path, expected: listed.size, actual: entry.size });
  const read = await readEntryBytes(plain, entry, codecs);
  if (!read.ok) return read;
  const { bytes, actualSize } = read.value;
  if (actualSize !== listed.size) return fail({ code: 'entry_size_mismatch', path: listed.path, expected: listed.size, actual: actualSize });
  if ((await sha256HexOf(bytes, hash)) !== listed.sha256) return fail({ code: 'entry_hash_mismatch', path: listed.path });
  return stageEntry(staged, listed.path, bytes, caseIds);
}

/**
 * Attachments are stored (the directory checks said so): read in place and hashed, in one call by the
 * platform's digest when it has one and the attachment is small enough to hold, otherwise in pieces,
 * the next piece read while one is hashed.
 */
async function hashInPlace(
  plain: StagedPlaintext,
  directory: ZipDirectory,
  path: string,
  { sha256 = nobleSha256, sha256Whole }: Sha256Hashing,
): Promise<BundleResult<{ at: StagedAttachment; actualSize: number; sha256: string }>> {
  const entry = directory.byName.get(path)!;
  const located = await locateData(plain, entry);
  if (!located.ok) return located;
  const offset = located.value;
  const size = entry.compressedSize;
  const at = { offset, size: entry.size };
  if (sha256Whole && size <= WHOLE_DIGEST_MAX_BYTES) {
    const bytes = await plain.read(offset, size);
    return succeed({ at, actualSize: bytes.length, sha256: bytesToHex(await sha256Whole(bytes)) });
  }
  const hasher = sha256();
  const readPiece = (from: number) => plain.read(offset + from, Math.min(PIECE, size - from));
  let actualSize = 0;
  let next = size > 0 ? readPiece(0) : undefined;
  while (next) {
    const piece = await next;
    if (piece.length === 0) break;
    actualSize += piece.length;
    next = actualSize < size ? readPiece(actualSize) : undefined;
    hasher.update(piece);
  }
  return succeed({ at, actualSize, sha256: bytesToHex(hasher.digest()) });
}

const PIECE = 1024 * 1024;
