/**
 * For tests only: a row sealed in record format 1, as the first release sealed it (commit 1fc77e9),
 * to prove that rows already on workstations still open and are written again in the current format.
 * The associated data is canonical JSON of an object, the payload unpadded JSON.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../json';
import { aadOf, sealBytes } from './aead';
import { ATTACHMENT_CHUNK_BYTES, UNPADDED_ATTACHMENT_FORMAT } from './attachment-cipher';
import { SEALED_FIELD, UNPADDED_RECORD_FORMAT, type RecordPlace } from './record-cipher';

export function sealFormatOne(sealKey: Uint8Array, where: RecordPlace, record: Record<string, unknown>, clearFields: readonly string[]): Record<string, unknown> {
  const defined = Object.entries(record).filter(([, value]) => value !== undefined);
  const clear = Object.fromEntries(defined.filter(([field]) => clearFields.includes(field)));
  const hidden = Object.fromEntries(defined.filter(([field]) => !clearFields.includes(field)));
  const bound = Object.fromEntries(Object.entries(clear).map(([field, value]) => [field, value instanceof Uint8Array ? { bytes: bytesToHex(value) } : value]));
  const aad = aadOf(canonicalJson({ purpose: 'vigia.record', format: 1, table: where.table, key: where.primaryKey, clear: bound }));
  const sealed = sealBytes(sealKey, new TextEncoder().encode(JSON.stringify(hidden)), aad, 1);
  sealed[0] = UNPADDED_RECORD_FORMAT;
  return { ...clear, [SEALED_FIELD]: sealed };
}

/**
 * For tests only: an attachment's chunks as the first release sealed them (format 1: 64 KiB chunks
 * of exactly the bytes, no padding), pinned against chunks the shipped code sealed in
 * attachment-cipher.test.ts.
 */
export function sealAttachmentFormatOne(key: Uint8Array, storeKey: string, bytes: Uint8Array): Uint8Array[] {
  const count = Math.max(1, Math.ceil(bytes.length / ATTACHMENT_CHUNK_BYTES));
  return Array.from({ length: count }, (_, index) => {
    const aad = aadOf(canonicalJson({ purpose: 'vigia.attachment-chunk', format: 1, storeKey, index, count }));
    const chunk = sealBytes(key, bytes.subarray(index * ATTACHMENT_CHUNK_BYTES, (index + 1) * ATTACHMENT_CHUNK_BYTES), aad, 1);
    chunk[0] = UNPADDED_ATTACHMENT_FORMAT;
    return chunk;
  });
}
