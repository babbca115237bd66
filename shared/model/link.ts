import { z } from 'zod';
import { isoDate } from './dates';
import { grading } from './grading';
import { recordMarking } from './marking';
import { recordId, recordMeta, sourceIds, text } from './records';
import { LINK_KINDS } from './vocabulary';

/**
 * A typed, dated relation between two people. `directed` links run from `fromId` to `toId`
 * (who wrote to whom); undirected ones are symmetric and the order of the ends means nothing.
 * A link has a single `date`, or a period `from`–`to`; `count` says how many letters, calls or
 * visits it stands for.
 */
export const linkSchema = z
  .object({
    ...recordMeta,
    kind: z.enum(LINK_KINDS),
    fromId: recordId,
    toId: recordId,
    directed: z.boolean(),
    date: isoDate.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    count: z.number().int().min(1).max(100_000).optional(),
    grading,
    sourceIds,
    notes: text,
    marking: recordMarking,
  })
  .refine((l) => l.fromId !== l.toId, { error: 'self_link', path: ['toId'] })
  .refine((l) => !l.from || !l.to || l.from <= l.to, { error: 'period_reversed', path: ['to'] });
export type Link = z.infer<typeof linkSchema>;

/** The date a link is first known to exist: its date, or the start of its period. */
export function linkStart(link: Pick<Link, 'date' | 'from'>): string | undefined {
  return link.date ?? link.from;
}
