import { PRISONS_ES } from '../gazetteer/prisons-es.generated';

/** The demo case sizes the workstation offers: the case of DOMAIN.md, and larger ones for speed. */
export const DEMO_SIZES = [270, 1000, 2000, 10_000, 100_000] as const;
export const DEFAULT_DEMO_SIZE = 270;
/** The seed of the canonical demo cases; another seed gives another case of the same shape. */
export const DEFAULT_DEMO_SEED = 20_181_008;
export const MIN_DEMO_SIZE = 60;
export const MAX_DEMO_SIZE = 200_000;

/**
 * How many of each the demo case holds. For the default 270 people these are the counts of the
 * 2018 reporting (DOMAIN.md), exactly:
 *
 * | what                                   | 270 |
 * | -------------------------------------- | --- |
 * | prisons (all hold monitored inmates)   |  30 |
 * | … of which hold jihadist convicts      |  28 |
 * | convicted_terrorism                    | 150 |
 * | at_risk (other sentences, monitored)   | 120 |
 * | leader + core (role leader / core)     | 1 + 24, in exactly 17 prisons, all convicted |
 * | recruits (role recruit, all at_risk)   |  60 |
 * | contacts (role contact)                | 185 |
 * | programme enrolled/completed/dropped   | 9 / 6 / 5 (20 in the programme) |
 * | programme declined                     |  30 (10 of them core, the leader among them) |
 * | release within 90 days of today        | 1 leader (today + 7) + 9 others (3 of them core) |
 * | preventive detention (at_risk, remand) |  12 |
 * | Spanish converts in the core           |   3 |
 *
 * Larger sizes keep the proportions, except prisons (more of the gazetteer, up to all 79) and the
 * core (about a tenth of the people, at most 1,000, always one leader).
 */
export interface DemoShape {
  people: number;
  prisons: number;
  convictedPrisons: number;
  convicted: number;
  atRisk: number;
  /** Leader included. */
  core: number;
  corePrisons: number;
  recruits: number;
  programmeEnrolled: number;
  programmeCompleted: number;
  programmeDroppedOut: number;
  declinedCore: number;
  declinedOther: number;
  /** Besides the leader. */
  releaseSoon: number;
  releaseSoonCore: number;
  preventive: number;
  coreConverts: number;
}

export function isDemoSize(size: number): boolean {
  return Number.isInteger(size) && size >= MIN_DEMO_SIZE && size <= MAX_DEMO_SIZE;
}

export function demoShape(size: number): DemoShape {
  if (!isDemoSize(size)) throw new RangeError(`demo size must be an integer from ${MIN_DEMO_SIZE} to ${MAX_DEMO_SIZE}`);
  const scale = (n: number) => Math.round((n * size) / 270);
  const prisons = Math.min(PRISONS_ES.length, Math.round(30 * (size / 270) ** 0.4));
  const convictedPrisons = prisons - Math.round(prisons / 15);
  const convicted = scale(150);
  const core = Math.min(1000, scale(25));
  const programme = scale(20);
  const programmeEnrolled = Math.round((programme * 9) / 20);
  const programmeCompleted = Math.round((programme * 6) / 20);
  const declinedCore = Math.round((core * 10) / 25);
  const releaseSoon = scale(9);
  return {
    people: size,
    prisons,
    convictedPrisons,
    convicted,
    atRisk: size - convicted,
    core,
    corePrisons: Math.min(core, Math.round((convictedPrisons * 17) / 28)),
    recruits: scale(60),
    programmeEnrolled,
    programmeCompleted,
    programmeDroppedOut: programme - programmeEnrolled - programmeCompleted,
    declinedCore,
    declinedOther: Math.max(0, scale(30) - declinedCore),
    releaseSoon,
    releaseSoonCore: Math.min(core - 1, Math.round(releaseSoon / 3)),
    preventive: scale(12),
    coreConverts: Math.max(1, Math.round((core * 3) / 25)),
  };
}

/** `demo-270`, or `demo-270-s42` for another seed, so that cases of different seeds never collide. */
export function demoCaseId(size: number, seed: number = DEFAULT_DEMO_SEED): string {
  return seed === DEFAULT_DEMO_SEED ? `demo-${size}` : `demo-${size}-s${seed >>> 0}`;
}

/** Zero-padded record numbers, wide enough that ids sort in creation order for every size. */
export function recordNumber(n: number, size: number): string {
  return String(n).padStart(Math.max(5, String(size * 8).length), '0');
}

export function demoRecordId(caseId: string, table: string, n: number, size: number): string {
  return `${caseId}:${table}:${recordNumber(n, size)}`;
}

export function demoPersonId(caseId: string, index: number, size: number): string {
  return demoRecordId(caseId, 'person', index + 1, size);
}

/** The leader of a demo case: always its first person. */
export function demoLeaderId(size: number = DEFAULT_DEMO_SIZE, seed: number = DEFAULT_DEMO_SEED): string {
  return demoPersonId(demoCaseId(size, seed), 0, size);
}
