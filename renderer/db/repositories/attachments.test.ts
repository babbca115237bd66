// @vitest-environment node
// Node's own Blob: IndexedDB (fake-indexeddb) clones it, where happy-dom's comes back as a plain object.
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/model';
import { loadRecordHistory } from '../queries/audit';
import { dumpDatabase, freshDatabase } from '../test-support';
import { attachFile, deleteAttachment, listAttachments, loadAttachmentBytes } from './attachments';
import { createCase } from './cases';
import { createPerson } from './persons';

async function caseWithPerson() {
  const db = await freshDatabase();
  const created = await createCase(db, { name: 'Operación Tinta', marking: 'CONFIDENCIAL' });
  if (!created.ok) throw new Error('case not created');
  const person = await createPerson(db, created.value.id, { primaryName: 'Abu Musa', role: 'leader' });
  if (!person.ok) throw new Error('person not created');
  return { db, caseId: created.value.id, personId: person.value.id };
}

const letter = new TextEncoder().encode('Querido hermano: ...');

describe('attachments repository', () => {
  it('stores the bytes by SHA-256 and the audited record in one go, and gives them back', async () => {
    const { db, caseId, personId } = await caseWithPerson();
    const result = await attachFile(db, caseId, { ownerType: 'person', ownerId: personId, fileName: 'carta.txt', bytes: letter });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // SHA-256 of the letter, computed independently with WebCrypto.
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', letter));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(result.value).toMatchObject({ sha256: hex, size: letter.byteLength, mimeType: 'text/plain', fileName: 'carta.txt' });

    const [listed] = await listAttachments(db, personId);
    expect(listed?.id).toBe(result.value.id);
    const stored = await db.blobs.get(hex);
    expect(stored).toMatchObject({ sha256: hex, size: letter.byteLength, mimeType: 'text/plain' });
    const back = await loadAttachmentBytes(db, hex);
    expect(new Uint8Array(await back!.arrayBuffer())).toEqual(new Uint8Array(letter));
    expect(back!.type).toBe('text/plain');
    expect(await loadAttachmentBytes(db, '0'.repeat(64))).toBeUndefined();
    const [entry] = await loadRecordHistory(db, result.value.id);
    expect(entry).toMatchObject({ action: 'create', table: 'attachments' });
  });

  it('keeps one copy of bytes attached twice, and hides a deleted attachment', async () => {
    const { db, caseId, personId } = await caseWithPerson();
    const first = await attachFile(db, caseId, { ownerType: 'person', ownerId: personId, fileName: 'a.txt', bytes: letter });
    await attachFile(db, caseId, { ownerType: 'person', ownerId: personId, fileName: 'b.txt', bytes: letter });
    expect(await db.blobs.count()).toBe(1);
    if (!first.ok) throw new Error('not attached');
    await deleteAttachment(db, first.value.id);
    expect((await listAttachments(db, personId)).map((a) => a.fileName)).toEqual(['b.txt']);
  });

  it('refuses a file over the size limit, and one for a missing owner, writing nothing', async () => {
    const { db, caseId } = await caseWithPerson();
    const before = await dumpDatabase(db);
    const huge = { byteLength: MAX_ATTACHMENT_BYTES + 1 } as Uint8Array;
    const tooLarge = await attachFile(db, caseId, { ownerType: 'person', ownerId: 'nobody', fileName: 'x.pdf', bytes: huge });
    expect(tooLarge).toEqual({ ok: false, issues: [{ path: 'size', code: 'too_large' }] });
    const orphan = await attachFile(db, caseId, { ownerType: 'source', ownerId: 'missing-source', fileName: 'x.pdf', bytes: letter });
    expect(orphan.ok).toBe(false);
    if (!orphan.ok) expect(orphan.issues).toContainEqual({ path: 'ownerId', code: 'missing_owner' });
    // The blob written before the record was refused is rolled back with it.
    expect(await dumpDatabase(db)).toEqual(before);
  });
});
