import { z } from 'zod';
import { isoDate } from './dates';
import { recordMarking } from './marking';
import { name, recordId, recordMeta, sourceIds, text } from './records';
import { EVENT_KINDS } from './vocabulary';

export const eventSchema = z.object({
  ...recordMeta,
  kind: z.enum(EVENT_KINDS),
  title: name,
  date: isoDate,
  personIds: z.array(recordId).max(10_000),
  prisonIds: z.array(recordId).max(1000),
  description: text,
  sourceIds,
  marking: recordMarking,
});
export type CaseEvent = z.infer<typeof eventSchema>;
