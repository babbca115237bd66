import type { Attachment, Person } from '../model';

/** Image types a report page shows and every PDF reader draws. */
export const PHOTO_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];

export interface SheetPhoto {
  attachmentId: string;
  sha256: string;
  mimeType: string;
}

type PhotoCandidate = Pick<Attachment, 'id' | 'ownerId' | 'ownerType' | 'mimeType' | 'sha256' | 'deleted' | 'createdAt'>;

/**
 * The photo on a person's sheet: one of the person's photos (`photoAttachmentIds`, in that order)
 * or else the earliest image attached to the person, provided it is still in the case given — live,
 * attached to this person, an image the page can show. The case given is already released at the
 * report's level, so a photo marked above it is not there to be chosen.
 */
export function personPhoto(person: Pick<Person, 'id' | 'photoAttachmentIds'>, attachments: readonly PhotoCandidate[]): SheetPhoto | undefined {
  const shown = (a: PhotoCandidate | undefined): a is PhotoCandidate => !!a && !a.deleted && a.ownerType === 'person' && a.ownerId === person.id && PHOTO_TYPES.includes(a.mimeType);
  const byId = new Map(attachments.map((a) => [a.id, a]));
  const chosen = person.photoAttachmentIds.map((id) => byId.get(id)).find(shown);
  const found = chosen ?? attachments.filter(shown).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))[0];
  return found ? { attachmentId: found.id, sha256: found.sha256, mimeType: found.mimeType } : undefined;
}
