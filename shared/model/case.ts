import { z } from 'zod';
import { isoDate } from './dates';
import { name, recordMeta, text } from './records';
import { MARKINGS } from './vocabulary';

/** A case, or operation: a named investigation with its unit and classification marking. */
export const caseSchema = z.object({
  ...recordMeta,
  name,
  description: text,
  unit: z.string().max(300),
  openedOn: isoDate,
  marking: z.enum(MARKINGS, { error: 'invalid_marking' }),
  archived: z.boolean(),
  /** Demo and synthetic cases say so, wherever they are shown or exported. */
  synthetic: z.boolean(),
});
export type Case = z.infer<typeof caseSchema>;
