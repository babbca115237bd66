import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CASE_TABLE_NAMES, MAX_ATTACHMENT_BYTES, type Attachment, type FieldIssue, type Marking, type Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, updateRecord } from '../write';
import { blobToStore, openStoredBlob } from '../vault/blob-cipher';

export interface AttachmentInput {
  ownerType: Attachment['ownerType'];
  ownerId: string;
  fileName: string;
  /** Empty or unknown: guessed from the file name's extension. */
  mimeType?: string;
  bytes: Uint8Array;
}

/** What a file's extension says it is; anything else is stored as opaque bytes. */
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
};

export function guessMimeType(fileName: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** Images a browser draws itself, without any plug-in or script: safe to show in an <img>. */
export const PREVIEWABLE_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Thrown inside the transaction only to undo the blob write when the record is refused. */
class RefusedAttachment extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super('attachment refused');
  }
}

/**
 * Attaches a file to a person or a source: the bytes go to `blobs` under their SHA-256 (stored once
 * however many records point at them) and the attachment record is created, audited, in the same
 * transaction. The hash is computed before the transaction: nothing but Dexie may be awaited inside.
 */
export async function attachFile(db: VigiaDatabase, caseId: string, input: AttachmentInput): Promise<Validated<Attachment>> {
  if (input.bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, issues: [{ path: 'size', code: 'too_large' }] };
  const hash = bytesToHex(sha256(input.bytes));
  const mimeType = input.mimeType && input.mimeType.includes('/') ? input.mimeType : guessMimeType(input.fileName);
  // Sealed (in the workstation's database) before the transaction: a copy, never the caller's buffer.
  const stored = blobToStore(db, hash, input.bytes, mimeType);
  const scope = [...CASE_TABLE_NAMES.map((table) => db.table(table)), db.audit, db.settings, db.blobs];
  try {
    return await db.transaction('rw', scope, async () => {
      if (!(await db.blobs.get(hash))) await db.blobs.put(stored);
      const created = await createRecord(db, 'attachments', caseId, {
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        fileName: input.fileName,
        mimeType,
        size: input.bytes.byteLength,
        sha256: hash,
      });
      if (!created.ok) throw new RefusedAttachment(created.issues);
      return created;
    });
  } catch (error) {
    if (error instanceof RefusedAttachment) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** The live attachments of a person or a source, oldest first. */
export async function listAttachments(db: VigiaDatabase, ownerId: string): Promise<Attachment[]> {
  const found = await db.attachments.where('ownerId').equals(ownerId).toArray();
  return found.filter((a) => !a.deleted).sort((a, b) => a.createdAt - b.createdAt);
}

/** The bytes of an attachment, or undefined when they have not arrived (a colleague's bundle without them). */
export async function loadAttachmentBytes(db: VigiaDatabase, hash: string): Promise<Blob | undefined> {
  const stored = await db.blobs.get(hash);
  return stored && openStoredBlob(db, stored);
}

/** Sets an attachment's own marking (above the case's), or clears it back to the case's. */
export function setAttachmentMarking(db: VigiaDatabase, attachmentId: string, marking: Marking | undefined): Promise<Validated<Attachment>> {
  return updateRecord(db, 'attachments', attachmentId, { marking });
}

/** Removes an attachment from its record (a tombstone); the bytes stay until the case is purged. */
export function deleteAttachment(db: VigiaDatabase, attachmentId: string): Promise<Validated<Attachment>> {
  return deleteRecord(db, 'attachments', attachmentId);
}
