import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Attachment } from '../model/attachment';
import type { AuditEntry } from '../model/audit';
import type { Case } from '../model/case';
import type { Person } from '../model/person';
import type { Prison } from '../model/prison';
import type { RecordMeta } from '../model/records';
import { emptySnapshot, type CaseSnapshot } from '../model/tables';
import { concatBytes } from '@noble/hashes/utils.js';
import { Zip, ZipPassThrough, zipSync } from 'fflate';
import type { AnalystIdentity } from '../identity/analyst-identity';
import { decryptBytes, encryptBytes, type BundleEncryption } from './age-layer';
import { MANIFEST_PATH, SIGNATURE_PATH } from './entry-paths';
import { trustedCommentFor, type BundleManifest } from './manifest';
import { signMinisign } from './minisign';
import type { OpenedBundle } from './read';
import { readArchive } from './zip-read';

/** A small, valid case for tests of the bundle format and the merge (the demo generator makes big ones). */
export const FIXTURE_CASE_ID = 'case:fixture';

export function fixtureMeta(id: string, hlc = '1700000000000-0000-ws-a'): RecordMeta {
  return { id, caseId: FIXTURE_CASE_ID, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, hlc, fieldClocks: {}, updatedBy: 'ws-a', deleted: 0 };
}

export function fixtureCase(): Case {
  return {
    ...fixtureMeta(FIXTURE_CASE_ID),
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
    ...fixtureMeta(id),
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
    ...fixtureMeta(id),
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
    ...fixtureMeta(id),
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


/**
 * Test-only: takes a valid bundle apart and puts it back together with one thing changed, the way an
 * attacker or a damaged stick would, so that every rejection path can be exercised.
 */
export interface Unpacked {
  entries: Array<[string, Uint8Array]>;
  manifest: BundleManifest;
}

export async function unpack(bundle: Uint8Array, identity: AnalystIdentity): Promise<Unpacked> {
  const plain = await decryptBytes(bundle, { identity: identity.ageIdentity }, 1 << 30);
  if (!plain.ok) throw new Error(plain.error.code);
  const archive = await readArchive(plain.value);
  if (!archive.ok) throw new Error(archive.error.code);
  const entries = archive.value.order.map((p) => [p, archive.value.files.get(p)!] as [string, Uint8Array]);
  const manifest = JSON.parse(new TextDecoder().decode(archive.value.files.get(MANIFEST_PATH)!)) as BundleManifest;
  return { entries, manifest };
}

/** Replace the manifest (and re-sign it with `signer`, as a sender who made a bad bundle would). */
export function withManifest(unpacked: Unpacked, manifest: unknown, signer: AnalystIdentity | undefined): Array<[string, Uint8Array]> {
  const bytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
  const entries = unpacked.entries.map(([p, b]) => [p, p === MANIFEST_PATH ? bytes : b] as [string, Uint8Array]);
  if (!signer) return entries;
  const m = manifest as BundleManifest;
  const signature = new TextEncoder().encode(signMinisign(bytes, signer.signing, trustedCommentFor(m), 'forged'));
  return entries.map(([p, b]) => [p, p === SIGNATURE_PATH ? signature : b] as [string, Uint8Array]);
}

/** ZIP the entries in the given order; duplicate names are kept (zipSync would merge them). */
export function zipEntries(entries: Array<[string, Uint8Array]>): Uint8Array {
  const names = new Set(entries.map(([p]) => p));
  if (names.size === entries.length) {
    // zipSync keeps insertion order of object keys (none of our names are integer-like).
    return zipSync(Object.fromEntries(entries.map(([p, b]) => [p, [b, { level: 0 }]])));
  }
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [path, bytes] of entries) {
    const file = new ZipPassThrough(path);
    zip.add(file);
    file.push(bytes, true);
  }
  zip.end();
  return concatBytes(...chunks);
}

export async function repack(entries: Array<[string, Uint8Array]>, to: BundleEncryption): Promise<Uint8Array> {
  return encryptBytes(zipEntries(entries), to);
}

/** Test-only: a staged bundle's attachments read back whole, to compare with what was sent. */
export async function stagedAttachmentBytes(opened: Pick<OpenedBundle, 'attachments' | 'plaintext'>): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const [sha256, at] of opened.attachments) out.set(sha256, (await opened.plaintext.read(at.offset, at.size)).slice());
  return out;
}
