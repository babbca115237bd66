import { z } from 'zod';
import { isoDate } from './dates';
import { recordId, recordMeta, sourceIds } from './records';

/** Which prison held a person from when to when. An open stay (`to` absent) is the current one. */
export const staySchema = z
  .object({
    ...recordMeta,
    personId: recordId,
    prisonId: recordId,
    module: z.string().max(100).optional(),
    cell: z.string().max(100).optional(),
    from: isoDate,
    to: isoDate.optional(),
    sourceIds,
  })
  .refine((s) => !s.to || s.from <= s.to, { error: 'period_reversed', path: ['to'] });
export type Stay = z.infer<typeof staySchema>;

type Period = Pick<Stay, 'from' | 'to'>;

/** Two stays overlap when each starts before the other ends; a shared transfer day is not overlap. */
export function staysOverlap(a: Period, b: Period): boolean {
  const aEnd = a.to ?? '9999-12-31';
  const bEnd = b.to ?? '9999-12-31';
  return a.from < bEnd && b.from < aEnd;
}

/** The stay that holds a person on `date`, the latest one when records disagree. */
export function stayOn<T extends Period>(stays: readonly T[], date: string): T | undefined {
  let found: T | undefined;
  for (const stay of stays) {
    if (stay.from <= date && (!stay.to || date <= stay.to) && (!found || stay.from > found.from)) found = stay;
  }
  return found;
}
