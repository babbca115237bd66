import { unzipSync } from 'fflate';
import { fail, succeed, type BundleResult } from './errors';
import { classifyEntry, MANIFEST_PATH, type EntryKind } from './entry-paths';
import { BUNDLE_LIMITS } from './limits';

/**
 * Reads a ZIP through its central directory (fflate's `unzipSync`), never with the streaming Unzip,
 * which truncates stored entries that happen to contain ZIP signatures. Names, duplicates, sizes and
 * compression methods are checked from the directory before anything is inflated.
 */
export interface Archive {
  /** Entry paths in central-directory order. */
  order: string[];
  files: Map<string, Uint8Array>;
}

interface DirectoryEntry {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

function limitFor(kind: EntryKind): number {
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

export function readArchive(zip: Uint8Array): BundleResult<Archive> {
  const directory: DirectoryEntry[] = [];
  try {
    unzipSync(zip, {
      filter: (file) => {
        directory.push({ ...file });
        return false;
      },
    });
  } catch {
    return fail({ code: 'zip_invalid' });
  }

  if (directory.length > BUNDLE_LIMITS.maxEntries) {
    return fail({ code: 'too_many_entries', count: directory.length, limit: BUNDLE_LIMITS.maxEntries });
  }
  const names = new Set<string>();
  let total = 0;
  for (const entry of directory) {
    const kind = classifyEntry(entry.name);
    if (!kind) return fail({ code: 'entry_name_invalid', path: entry.name });
    if (names.has(entry.name)) return fail({ code: 'entry_duplicate', path: entry.name });
    names.add(entry.name);
    const limit = limitFor(kind);
    if (entry.originalSize > limit) return fail({ code: 'entry_too_large', path: entry.name, size: entry.originalSize, limit });
    if (entry.compression !== 0 && entry.compression !== 8) return fail({ code: 'entry_compression_unsupported', path: entry.name });
    total += entry.originalSize;
  }
  if (total > BUNDLE_LIMITS.maxTotalBytes) return fail({ code: 'bundle_too_large', size: total, limit: BUNDLE_LIMITS.maxTotalBytes });
  if (!names.has(MANIFEST_PATH)) return fail({ code: 'manifest_missing' });
  if (directory[0]!.name !== MANIFEST_PATH) return fail({ code: 'manifest_not_first' });

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch {
    return fail({ code: 'zip_invalid' });
  }
  return succeed({ order: directory.map((e) => e.name), files: new Map(Object.entries(files)) });
}
