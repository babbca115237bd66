import { z } from 'zod';
import { MARKINGS, type Marking } from './vocabulary';

/**
 * Markings come in two families that never compare with each other: Spain's official-secrets grades
 * and the Traffic Light Protocol. A case uses one; its records are marked within it.
 */
const FAMILIES: readonly (readonly Marking[])[] = [
  ['DIFUSION_LIMITADA', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO'],
  ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED'],
];

const familyOf = (marking: Marking) => FAMILIES.find((family) => family.includes(marking))!;

/**
 * A record's own marking, when it is above its case's (a source that names an informant, a link
 * known from an intercepted letter). Absent: the record has the case's marking.
 */
export const recordMarking = z.enum(MARKINGS, { error: 'invalid_marking' }).optional();

/**
 * The marking a record carries: its own when above the case's, else the case's. A marking of the
 * other family (a TLP mark in a Spanish-graded case, from a hostile or mistaken bundle) cannot be
 * compared, so it counts as the highest of the case's family: it fails closed, never open.
 */
export function effectiveMarking(own: Marking | undefined, caseMarking: Marking): Marking {
  if (own === undefined) return caseMarking;
  const family = familyOf(caseMarking);
  if (!family.includes(own)) return family[family.length - 1]!;
  return isAtOrBelow(caseMarking, own) ? own : caseMarking;
}

/** Whether `marking` may be released to someone cleared to `level`: same family, not above it. */
export function isAtOrBelow(marking: Marking, level: Marking): boolean {
  const family = familyOf(level);
  return family.includes(marking) && family.indexOf(marking) <= family.indexOf(level);
}

/**
 * The markings a record of a case may carry, and the levels the case can be released at: the case's
 * and every one above it in its family (below the case's marking nothing could be released).
 */
export function markingsFrom(caseMarking: Marking): Marking[] {
  const family = familyOf(caseMarking);
  return family.slice(family.indexOf(caseMarking));
}

/** The highest of some markings of one family, or undefined for none. */
export function highestMarking(markings: Iterable<Marking>): Marking | undefined {
  let highest: Marking | undefined;
  for (const marking of markings) if (highest === undefined || isAtOrBelow(highest, marking)) highest = marking;
  return highest;
}
