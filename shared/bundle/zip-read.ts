import { Inflate } from 'fflate';
import { fail, succeed, type BundleResult } from './errors';
import { classifyEntry, MANIFEST_PATH, type EntryKind } from './entry-paths';
import { BUNDLE_LIMITS } from './limits';
import { memoryPlaintext, stagedPieces, type StagedPlaintext } from './staged-plaintext';
import type { ZipCodecs } from './zip-codecs';

/**
 * Reads a ZIP through its central directory, with random access to the staged plaintext: never front
 * to back (fflate's streaming Unzip truncates stored entries that contain ZIP signatures) and never
 * all at once (memory would grow with the attachments). Names, duplicates, sizes and compression
 * methods are checked from the directory before any entry is read; each entry's local header is
 * checked against the directory when the entry is read; entries may not overlap.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  /** Uncompressed size, as the directory states it. */
  size: number;
  localOffset: number;
  /** Where the next entry (or the central directory) starts: this entry's header and data end before. */
  end: number;
}

export interface ZipDirectory {
  /** Entries in central-directory order. */
  entries: ZipEntry[];
  byName: ReadonlyMap<string, ZipEntry>;
}

/** What the manifest checks need: every entry's path, and the bytes of the ones already read. */
export interface Archive {
  /** Entry paths in central-directory order. */
  order: string[];
  files: ReadonlyMap<string, Uint8Array>;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
/** 20,000 entries with names of a few dozen bytes take about 2 MiB; anything near this is not ours. */
const MAX_DIRECTORY_BYTES = 32 * 1024 * 1024;
/** General-purpose flags: 0 encrypted, 3 data descriptor, 6 strong encryption, 11 UTF-8 names. */
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const ZIP64_MARK = 0xffffffff;
const DESCRIPTOR_SIZE = 12;
const INFLATE_STEP = 16 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

export function limitFor(kind: EntryKind): number {
  switch (kind.kind) {
    case 'manifest':
      return BUNDLE_LIMITS.maxManifestBytes;
    case 'signature':
      return BUNDLE_LIMITS.maxSignatureBytes;
    case 'records':
    case 'audit':
      return BUNDLE_LIMITS.maxRecordFileBytes;
    case 'attachment':
      return BUNDLE_LIMITS.maxAttachmentBytes;
  }
}

/** The end-of-central-directory record: exactly at the end, after an optional comment; no ZIP64. */
async function findDirectory(plain: StagedPlaintext): Promise<{ count: number; offset: number; size: number } | undefined> {
  if (plain.size < EOCD_SIZE) return undefined;
  const tailStart = Math.max(0, plain.size - EOCD_SIZE - MAX_COMMENT);
  const tail = await plain.read(tailStart, plain.size - tailStart);
  for (let at = tail.length - EOCD_SIZE; at >= 0; at -= 1) {
    if (u32(tail, at) !== EOCD_SIGNATURE) continue;
    if (at + EOCD_SIZE + u16(tail, at + 20) !== tail.length) continue;
    const disk = u16(tail, at + 4);
    const directoryDisk = u16(tail, at + 6);
    const onDisk = u16(tail, at + 8);
    const count = u16(tail, at + 10);
    const size = u32(tail, at + 12);
    const offset = u32(tail, at + 16);
    if (disk !== 0 || directoryDisk !== 0 || onDisk !== count) return undefined;
    // ZIP64 (0xFFFF/0xFFFFFFFF markers, or a ZIP64 record between directory and end) is not written
    // by fflate and never accepted: the directory must end exactly where this record starts.
    if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) return undefined;
    if (offset + size !== tailStart + at) return undefined;
    return { count, offset, size };
  }
  return undefined;
}

export async function readDirectory(plain: StagedPlaintext): Promise<BundleResult<ZipDirectory>> {
  const found = await findDirectory(plain);
  if (!found) return fail({ code: 'zip_invalid' });
  if (found.count > BUNDLE_LIMITS.maxEntries) {
    return fail({ code: 'too_many_entries', count: found.count, limit: BUNDLE_LIMITS.maxEntries });
  }
  if (found.size > MAX_DIRECTORY_BYTES) return fail({ code: 'zip_invalid' });
  const directory = await plain.read(found.offset, found.size);
  if (directory.length !== found.size) return fail({ code: 'zip_invalid' });

  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < found.count; i += 1) {
    if (at + CENTRAL_SIZE > directory.length || u32(directory, at) !== CENTRAL_SIGNATURE) return fail({ code: 'zip_invalid' });
    const nameLength = u16(directory, at + 28);
    const next = at + CENTRAL_SIZE + nameLength + u16(directory, at + 30) + u16(directory, at + 32);
    if (next > directory.length) return fail({ code: 'zip_invalid' });
    const entry: ZipEntry = {
      name: names.decode(directory.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength)),
      flags: u16(directory, at + 8),
      method: u16(directory, at + 10),
      compressedSize: u32(directory, at + 20),
      size: u32(directory, at + 24),
      localOffset: u32(directory, at + 42),
      end: found.offset,
    };
    if (u16(directory, at + 34) !== 0) return fail({ code: 'zip_invalid' });
    if (entry.compressedSize === ZIP64_MARK || entry.size === ZIP64_MARK || entry.localOffset === ZIP64_MARK) return fail({ code: 'zip_invalid' });
    if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) return fail({ code: 'zip_invalid' });
    entries.push(entry);
    at = next;
  }
  if (at !== directory.length) return fail({ code: 'zip_invalid' });

  const checked = checkEntries(entries);
  if (!checked.ok) return checked;
  return succeed({ entries, byName: new Map(entries.map((e) => [e.name, e])) });
}

/** The same checks, in the same order, as the reader has always made; then the layout. */
function checkEntries(entries: ZipEntry[]): BundleResult<void> {
  const names = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const kind = classifyEntry(entry.name);
    if (!kind) return fail({ code: 'entry_name_invalid', path: entry.name });
    if (names.has(entry.name)) return fail({ code: 'entry_duplicate', path: entry.name });
    names.add(entry.name);
    const limit = limitFor(kind);
    if (entry.size > limit) return fail({ code: 'entry_too_large', path: entry.name, size: entry.size, limit });
    if (entry.method !== 0 && entry.method !== 8) return fail({ code: 'entry_compression_unsupported', path: entry.name });
    // Attachments are read in place, by reference, so they must be stored (the writer stores them).
    if (kind.kind === 'attachment' && entry.method !== 0) return fail({ code: 'entry_compression_unsupported', path: entry.name });
    total += entry.size;
  }
  if (total > BUNDLE_LIMITS.maxTotalBytes) return fail({ code: 'bundle_too_large', size: total, limit: BUNDLE_LIMITS.maxTotalBytes });
  if (!names.has(MANIFEST_PATH)) return fail({ code: 'manifest_missing' });
  if (entries[0]!.name !== MANIFEST_PATH) return fail({ code: 'manifest_not_first' });

  for (const entry of entries) {
    if (entry.method === 0 && entry.compressedSize !== entry.size) return fail({ code: 'zip_invalid' });
    // Deflate expands incompressible data by a few bytes per 16 KiB block at worst.
    if (entry.compressedSize > entry.size + Math.ceil(entry.size / 1024) + 1024) return fail({ code: 'zip_invalid' });
  }
  // Entries lie one after another before the directory: each ends before the next begins.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 0; i < byOffset.length; i += 1) {
    const entry = byOffset[i]!;
    if (i + 1 < byOffset.length) entry.end = byOffset[i + 1]!.localOffset;
    if (entry.localOffset + LOCAL_SIZE + entry.compressedSize > entry.end) return fail({ code: 'zip_invalid' });
  }
  return succeed(undefined);
}

/**
 * Checks the entry's local header against the directory (signature, name, method, flags and, without
 * a data descriptor, sizes) and returns where its data starts; the data must end before the next entry.
 */
export async function locateData(plain: StagedPlaintext, entry: ZipEntry): Promise<BundleResult<number>> {
  const header = await plain.read(entry.localOffset, LOCAL_SIZE);
  if (header.length !== LOCAL_SIZE || u32(header, 0) !== LOCAL_SIGNATURE) return fail({ code: 'zip_invalid' });
  const flags = u16(header, 6);
  if ((flags & ~0x0800) !== (entry.flags & ~0x0800) || u16(header, 8) !== entry.method) return fail({ code: 'zip_invalid' });
  if (!(flags & FLAG_DESCRIPTOR) && (u32(header, 18) !== entry.compressedSize || u32(header, 22) !== entry.size)) return fail({ code: 'zip_invalid' });
  const nameLength = u16(header, 26);
  const dataOffset = entry.localOffset + LOCAL_SIZE + nameLength + u16(header, 28);
  const descriptor = flags & FLAG_DESCRIPTOR ? DESCRIPTOR_SIZE : 0;
  if (dataOffset + entry.compressedSize + descriptor > entry.end) return fail({ code: 'zip_invalid' });
  const name = await plain.read(entry.localOffset + LOCAL_SIZE, nameLength);
  if (new TextDecoder('utf-8').decode(name) !== entry.name) return fail({ code: 'zip_invalid' });
  return succeed(dataOffset);
}

/** The entry's data was not valid deflate. */
export class ZipDataError extends Error {}

/** The entry's uncompressed bytes in pieces (stored entries: read in place; deflated: inflated as read). */
export async function* entryPieces(plain: StagedPlaintext, entry: ZipEntry, dataOffset: number): AsyncGenerator<Uint8Array> {
  if (entry.method === 0) {
    yield* stagedPieces(plain, dataOffset, entry.compressedSize);
    return;
  }
  const out: Uint8Array[] = [];
  let failure: unknown;
  const inflate = new Inflate((chunk) => out.push(chunk));
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      inflate.push(chunk, final);
    } catch (error) {
      failure = error;
    }
  };
  for await (const piece of stagedPieces(plain, dataOffset, entry.compressedSize)) {
    // Small pushes: 16 KiB of deflate inflates to at most ~16 MiB, so a bomb is caught early.
    for (let at = 0; at < piece.length; at += INFLATE_STEP) {
      push(piece.subarray(at, at + INFLATE_STEP), false);
      if (failure) throw new ZipDataError('inflate_failed');
      yield* out.splice(0);
    }
  }
  push(new Uint8Array(0), true);
  if (failure) throw new ZipDataError('inflate_failed');
  yield* out.splice(0);
}

/**
 * A bounded entry (manifest, signature, record and audit files) whole, in a buffer of its declared
 * size (the directory's sizes were checked against the limits). `actualSize` is what the data really
 * holds — counted up to the first piece past the declared size — so a lying directory shows as a size
 * mismatch rather than an overrun. The import never reads attachments this way.
 *
 * With `codecs` (Node), a deflated entry is inflated in one call that stops one byte past the declared
 * size; its compressed bytes are read whole (the directory bounds them by the declared size).
 */
export async function readEntryBytes(
  plain: StagedPlaintext,
  entry: ZipEntry,
  codecs?: ZipCodecs,
): Promise<BundleResult<{ bytes: Uint8Array; actualSize: number }>> {
  const located = await locateData(plain, entry);
  if (!located.ok) return located;
  if (codecs && entry.method === 8) return inflateWhole(plain, entry, located.value, codecs);
  const bytes = new Uint8Array(entry.size);
  let actualSize = 0;
  try {
    for await (const piece of entryPieces(plain, entry, located.value)) {
      if (actualSize < entry.size) bytes.set(piece.subarray(0, entry.size - actualSize), actualSize);
      actualSize += piece.length;
      // More than declared: a mismatch either way, and reading on could inflate a bomb.
      if (actualSize > entry.size) break;
    }
  } catch (error) {
    if (error instanceof ZipDataError) return fail({ code: 'zip_invalid' });
    throw error;
  }
  return succeed({ bytes: actualSize < entry.size ? bytes.subarray(0, actualSize) : bytes, actualSize });
}

async function inflateWhole(
  plain: StagedPlaintext,
  entry: ZipEntry,
  dataOffset: number,
  codecs: ZipCodecs,
): Promise<BundleResult<{ bytes: Uint8Array; actualSize: number }>> {
  const compressed = await plain.read(dataOffset, entry.compressedSize);
  let bytes: Uint8Array | undefined;
  try {
    bytes = codecs.inflateRaw(compressed, entry.size + 1);
  } catch {
    return fail({ code: 'zip_invalid' });
  }
  // More than declared (by how much was not inflated): a mismatch either way.
  if (!bytes) return succeed({ bytes: new Uint8Array(0), actualSize: entry.size + 1 });
  return succeed({ bytes, actualSize: bytes.length });
}

/** Test-only convenience: every entry of an in-memory ZIP, checked as the import checks them. */
export async function readArchive(zip: Uint8Array, codecs?: ZipCodecs): Promise<BundleResult<Archive>> {
  const plain = memoryPlaintext(zip);
  const directory = await readDirectory(plain);
  if (!directory.ok) return directory;
  const files = new Map<string, Uint8Array>();
  for (const entry of directory.value.entries) {
    const read = await readEntryBytes(plain, entry, codecs);
    if (!read.ok) return read;
    if (read.value.actualSize !== entry.size) return fail({ code: 'zip_invalid' });
    files.set(entry.name, read.value.bytes);
  }
  return succeed({ order: directory.value.entries.map((e) => e.name), files });
}
