import { z } from 'zod';
import { recordMarking } from './marking';
import { name, recordId, recordMeta } from './records';

/** 256 MiB: a scanned letter or a video still fits; a bundle cannot smuggle in more per file. */
export const MAX_ATTACHMENT_BYTES = 256 * 1024 * 1024;

/**
 * A file attached to a person or a source. The bytes are stored once per content hash (the
 * renderer's `blobs` table, the bundle's `attachments/<sha256>`); this record describes them.
 */
export const attachmentSchema = z.object({
  ...recordMeta,
  ownerType: z.enum(['person', 'source']),
  ownerId: recordId,
  fileName: name,
  mimeType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'invalid_mime' }).max(200),
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES, { error: 'too_large' }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'invalid_hash' }),
  marking: recordMarking,
});
export type Attachment = z.infer<typeof attachmentSchema>;
