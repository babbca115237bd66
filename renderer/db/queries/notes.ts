import type { Note } from '../../../shared/model';
import type { VigiaDatabase } from '../database';

/** The live notes about one record (a person, the case itself…), newest first. */
export async function listNotesAbout(db: VigiaDatabase, subjectId: string): Promise<Note[]> {
  const notes = await db.notes.where('subjectId').equals(subjectId).toArray();
  return notes.filter((n) => !n.deleted).sort((a, b) => b.createdAt - a.createdAt);
}
