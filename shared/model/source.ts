import { z } from 'zod';
import { isoDate } from './dates';
import { recordMarking } from './marking';
import { name, recordMeta, text } from './records';
import { RELIABILITY, SOURCE_KINDS } from './vocabulary';

/** Where a fact came from: a letter, a call record, a report, a press article… and how reliable. */
export const sourceSchema = z.object({
  ...recordMeta,
  kind: z.enum(SOURCE_KINDS),
  title: name,
  author: z.string().max(300),
  date: isoDate.optional(),
  keptAt: z.string().max(500),
  reliability: z.enum(RELIABILITY),
  attachmentIds: z.array(z.string()).max(1000),
  notes: text,
  marking: recordMarking,
});
export type Source = z.infer<typeof sourceSchema>;
