import { z } from 'zod';
import { recordMarking } from './marking';
import { recordId, recordMeta, text } from './records';

export const NOTE_SUBJECTS = ['case', 'person', 'prison', 'link', 'source', 'event'] as const;

/** An analyst's note about a record of the case. */
export const noteSchema = z.object({
  ...recordMeta,
  subjectType: z.enum(NOTE_SUBJECTS),
  subjectId: recordId,
  text: text.min(1, { error: 'empty_note' }),
  marking: recordMarking,
});
export type Note = z.infer<typeof noteSchema>;
