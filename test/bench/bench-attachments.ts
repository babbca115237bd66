import type { Attachment } from '../../shared/model/attachment';
import type { CaseSnapshot } from '../../shared/model/tables';

/** Incompressible, seeded bytes (xorshift32): attachments are stored, as scans and photos would be. */
export function seededBytes(size: number, seed: number): Uint8Array {
  const words = new Uint32Array(size / 4);
  let x = seed || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return new Uint8Array(words.buffer);
}

/** The record of the `index`-th bench attachment, owned by one of the case's people in turn. */
export function benchAttachment(snapshot: CaseSnapshot, index: number, file: { size: number; sha256: string }): Attachment {
  const template = snapshot.persons[0]!;
  return {
    id: `attachment:bench-${index}`,
    caseId: template.caseId,
    createdAt: template.createdAt,
    updatedAt: template.updatedAt,
    hlc: template.hlc,
    fieldClocks: {},
    updatedBy: template.updatedBy,
    deleted: 0,
    ownerType: 'person',
    ownerId: snapshot.persons[index % snapshot.persons.length]!.id,
    fileName: `scan-${index}.bin`,
    mimeType: 'application/octet-stream',
    size: file.size,
    sha256: file.sha256,
  };
}
