import { describe, expect, it } from 'vitest';
import { generateDemoCase } from '../demo';
import { releaseCase } from '../release';
import { personPhoto } from './person-photo';

const attachment = (id: string, over: Partial<{ ownerId: string; ownerType: 'person' | 'source'; mimeType: string; deleted: 0 | 1; marking: 'SECRETO' }> = {}) => ({
  id,
  ownerId: 'person:1',
  ownerType: 'person' as const,
  mimeType: 'image/jpeg',
  sha256: id.padEnd(64, '0').slice(0, 64).replace(/[^0-9a-f]/g, 'a'),
  deleted: 0 as const,
  createdAt: Number(id.length),
  ...over,
});

describe("a person's photo on the report sheet", () => {
  it("is the first of the person's photos that is a live image attached to them, else the earliest image attached", () => {
    const person = { id: 'person:1', photoAttachmentIds: ['att:pdf', 'att:gone', 'att:other', 'att:photo', 'att:second'] };
    const attachments = [
      attachment('att:pdf', { mimeType: 'application/pdf' }),
      attachment('att:gone', { deleted: 1 }),
      attachment('att:other', { ownerId: 'person:2' }),
      attachment('att:photo'),
      attachment('att:second', { mimeType: 'image/png' }),
    ];
    expect(personPhoto(person, attachments)?.attachmentId).toBe('att:photo');
    // None chosen as a photo: the earliest image attached to the person.
    const later = { ...attachment('att:later', { mimeType: 'image/png' }), createdAt: 50 };
    const earlier = { ...attachment('att:earlier', { mimeType: 'image/webp' }), createdAt: 5 };
    expect(personPhoto({ id: 'person:1', photoAttachmentIds: [] }, [attachment('att:pdf', { mimeType: 'application/pdf' }), later, earlier])?.attachmentId).toBe('att:earlier');
    expect(personPhoto({ id: 'person:1', photoAttachmentIds: ['att:missing'] }, [attachment('att:pdf', { mimeType: 'application/pdf' }), attachment('att:other', { ownerId: 'person:2' })])).toBeUndefined();
  });

  it('is never a photo marked above the level the case is released at', () => {
    const demo = generateDemoCase({ today: '2026-12-05' });
    const caseId = demo.cases[0]!.id;
    const person = demo.persons[0]!;
    const base = { ...demo.attachments[0] ?? {}, caseId, ownerType: 'person' as const, ownerId: person.id, fileName: 'foto.jpg', size: 10, mimeType: 'image/jpeg', deleted: 0 as const };
    const secret = { ...(base as typeof demo.attachments[number]), id: 'att:secret', sha256: 'b'.repeat(64), marking: 'SECRETO' as const, hlc: person.hlc, createdAt: 1, updatedAt: 1, fieldClocks: {}, updatedBy: 'ws' };
    const withPhoto = { ...demo, persons: demo.persons.map((p) => (p.id === person.id ? { ...p, photoAttachmentIds: ['att:secret'] } : p)), attachments: [...demo.attachments, secret] };
    expect(personPhoto({ id: person.id, photoAttachmentIds: ['att:secret'] }, withPhoto.attachments)?.attachmentId).toBe('att:secret');
    const released = releaseCase(withPhoto, caseId, 'RESERVADO');
    const releasedPerson = released.snapshot.persons.find((p) => p.id === person.id)!;
    expect(personPhoto(releasedPerson, released.snapshot.attachments)).toBeUndefined();
  });
});
