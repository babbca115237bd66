import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Attachment } from '../model/attachment';
import type { AuditEntry } from '../model/audit';
import type { Case } from '../model/case';
import type { Person } from '../model/person';
import type { Prison } from '../model/prison';
import type { RecordMeta } from '../model/records';
import { emptySnapshot, type CaseSnapshot } from '../model/tables';

/** A small, valid case for tests of the bundle format and the merge (the demo generator makes big ones). */
export const FIXTURE_CASE_ID = 'case:fixture';

export function meta(id: string, hlc = '1700000000000-0000-ws-a'): RecordMeta {
  return { id, caseId: FIXTURE_CASE_ID, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, hlc, fieldClocks: {}, updatedBy: 'ws-a', deleted: 0 };
}

export function fixtureCase(): Case {
  return {
    ...meta(FIXTURE_CASE_ID),
    name: 'Operación Fixture',
    description: 'Synthetic case for tests',
    unit: 'UCIE',
    openedOn: '2018-10-01',
    marking: 'RESERVADO',
    archived: false,
    synthetic: true,
  };
}

export function fixturePrison(id = 'prison:fixture-1'): Prison {
  return {
    ...meta(id),
    name: 'Centro Penitenciario Fixture',
    town: 'Villa',
    province: 'Madrid',
    region: 'Comunidad de Madrid',
    administration: 'SGIP',
    kind: 'ordinary',
    modules: ['Módulo 1'],
  };
}

export function fixturePerson(id: string, primaryName = 'Ahmed Fixture'): Person {
  return {
    ...meta(id),
    primaryName,
    alternateNames: [{ name: 'Abu Fixture', kind: 'kunya', sourceIds: [] }],
    nationalities: [{ country: 'MA', status: 'claimed', sourceIds: [] }],
    role: 'core',
    monitoring: 'convicted_terrorism',
    programme: { status: 'none' },
    photoAttachmentIds: [],
    notes: '',
    sourceIds: [],
  };
}

export function fixtureAttachment(id: string, ownerId: string, bytes: Uint8Array): Attachment {
  return {
    ...meta(id),
    ownerType: 'person',
    ownerId,
    fileName: 'letter.bin',
    mimeType: 'application/octet-stream',
    size: bytes.length,
    sha256: bytesToHex(sha256(bytes)),
  };
}

export function fixtureAudit(seq: number, recordId: string): AuditEntry {
  return {
    id: `audit:fixture-${seq}`,
    caseId: FIXTURE_CASE_ID,
    seq,
    at: 1_700_000_000_000 + seq,
    hlc: `17000000000${String(seq).padStart(2, '0')}-0000-ws-a`,
    analyst: 'Ana',
    workstationId: 'ws-a',
    action: 'create',
    table: 'persons',
    recordId,
    after: { id: recordId },
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
  };
}

/**
 * A case with two people, a prison, an attachment whose bytes contain ZIP signatures (the trap that
 * corrupts fflate's streaming reader) and two audit entries.
 */
export function fixtureContents(): { snapshot: CaseSnapshot; audit: AuditEntry[]; attachmentBytes: Map<string, Uint8Array> } {
  const snapshot = emptySnapshot();
  snapshot.cases.push(fixtureCase());
  snapshot.prisons.push(fixturePrison());
  snapshot.persons.push(fixturePerson('person:fixture-1'), fixturePerson('person:fixture-2', 'Youssef Fixture'));
  const bytes = new Uint8Array(70_000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 0xff;
  bytes.set([0x50, 0x4b, 0x03, 0x04, 0x50, 0x4b, 0x01, 0x02, 0x50, 0x4b, 0x05, 0x06], 1000);
  const attachment = fixtureAttachment('attachment:fixture-1', 'person:fixture-1', bytes);
  snapshot.attachments.push(attachment);
  return {
    snapshot,
    audit: [fixtureAudit(1, 'person:fixture-1'), fixtureAudit(2, 'person:fixture-2')],
    attachmentBytes: new Map([[attachment.sha256, bytes]]),
  };
}
