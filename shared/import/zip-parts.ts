import { unzipSync } from 'fflate';
import { FileReadError, type ImportLimits } from './limits';

/**
 * The parts of a ZIP-based workbook that `wanted` selects, inflated only after their declared sizes
 * passed the unzipped-bytes limit. fflate inflates each part into a buffer of its declared size, so
 * a part that lies about its size cannot grow memory: it comes out truncated and fails as XML.
 */
export function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ImportLimits): Map<string, Uint8Array> {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (total > limits.maxUnzippedBytes) throw new FileReadError({ code: 'zip_bomb', limit: limits.maxUnzippedBytes });
        return true;
      },
    });
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError({ code: 'damaged', detail: 'the archive cannot be unpacked' });
  }
  return new Map(Object.entries(files));
}

/** The names in the archive's directory, without inflating anything. */
export function zipPartNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    throw new FileReadError({ code: 'damaged', detail: 'the archive cannot be unpacked' });
  }
  return names;
}
