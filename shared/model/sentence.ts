import { z } from 'zod';
import { isoDate } from './dates';
import { recordId, recordMeta, sourceIds } from './records';

export const sentenceSchema = z
  .object({
    ...recordMeta,
    personId: recordId,
    offence: z.string().trim().min(1, { error: 'empty_offence' }).max(500),
    /** Length as pronounced by the court, in months (14 years = 168). */
    lengthMonths: z.number().int().min(0).max(12_000).optional(),
    start: isoDate,
    expectedRelease: isoDate.optional(),
    earlyRelease: isoDate.optional(),
    preventiveDetention: z.boolean(),
    sourceIds,
  })
  .refine((s) => !s.expectedRelease || s.start <= s.expectedRelease, {
    error: 'release_before_start',
    path: ['expectedRelease'],
  })
  .refine((s) => !s.earlyRelease || s.start <= s.earlyRelease, {
    error: 'release_before_start',
    path: ['earlyRelease'],
  });
export type Sentence = z.infer<typeof sentenceSchema>;

/** The date a person is expected to walk out: early release when granted, else the expected one. */
export function releaseDate(sentence: Pick<Sentence, 'expectedRelease' | 'earlyRelease'>): string | undefined {
  return sentence.earlyRelease ?? sentence.expectedRelease;
}
