import { z } from 'zod';
import { CREDIBILITY, RELIABILITY, type Credibility, type Reliability } from './vocabulary';

export interface Grading {
  reliability: Reliability;
  credibility: Credibility;
}

export const grading = z.object({
  reliability: z.enum(RELIABILITY, { error: 'invalid_grading' }),
  credibility: z.literal(CREDIBILITY, { error: 'invalid_grading' }),
});

/** "B2", as analysts write and say it. */
export function formatGrading(g: Grading): string {
  return `${g.reliability}${g.credibility}`;
}

export function parseGrading(value: string): Grading | undefined {
  const match = /^([A-F])([1-6])$/.exec(value.trim().toUpperCase());
  if (!match) return undefined;
  return { reliability: match[1] as Reliability, credibility: Number(match[2]) as Credibility };
}

/** Orders gradings from strongest (A1) to weakest (F6); reliability first, as analysts read them. */
export function gradingRank(g: Grading): number {
  return RELIABILITY.indexOf(g.reliability) * 6 + (g.credibility - 1);
}
