import type { GazetteerPrison } from '../gazetteer/types';
import type { Role } from '../model/vocabulary';
import { addMonthsToDay } from './calendar';
import { LEADER_SENTENCE_MONTHS, OTHER_OFFENCES, TERRORISM_OFFENCES } from './offences';
import { demoModules, ISOLATION_MODULE } from './prisons';
import { sample, type Random } from './random';
import type { DemoShape } from './shape';

/**
 * The skeleton of a demo case in typed arrays, one slot per person: who sits where, serving what,
 * since when. Records are written from it afterwards, so 100,000 people cost a few megabytes here.
 *
 * People are laid out by index: 0 the leader, then the rest of the core, the other convicted, the
 * recruits, and the other at-risk inmates (see `roleOf`).
 */
export const ORIGIN_ARABIC = 0;
export const ORIGIN_SPANISH = 1;
export const ORIGIN_CONVERT = 2;

/** Indexes into PROGRAMME_STATUSES. */
export const PROGRAMME_NONE = 0;
export const PROGRAMME_ENROLLED = 1;
export const PROGRAMME_DECLINED = 2;
export const PROGRAMME_COMPLETED = 3;
export const PROGRAMME_DROPPED_OUT = 4;

export const LEADER = 0;
/** Days the leader has left: his expected release is a week from today. */
export const LEADER_DAYS_TO_RELEASE = 7;
/** Months the leader served before that release, about four years short of his fourteen. */
export const LEADER_MONTHS_SERVED = 120;
const NO_DAY = 0;

export interface DemoPrison {
  readonly entry: GazetteerPrison;
  readonly modules: string[];
}

export interface CoDefendantGroups {
  count: number;
  /** Members of group g are `members[first[g]] … members[first[g + 1] - 1]`. */
  first: Int32Array;
  members: Int32Array;
  arrestDay: Int32Array;
  convictionDay: Int32Array;
}

export interface DemoPlan {
  shape: DemoShape;
  todayDay: number;
  prisons: DemoPrison[];
  corePrisons: Int32Array;
  prisonOf: Int32Array;
  moduleOf: Int32Array;
  origin: Uint8Array;
  female: Uint8Array;
  programme: Uint8Array;
  releaseSoon: Uint8Array;
  preventive: Uint8Array;
  groupOf: Int32Array;
  groups: CoDefendantGroups;
  offenceOf: Int16Array;
  lengthMonths: Int32Array;
  sentenceStart: Int32Array;
  releaseDay: Int32Array;
  /** Stays of person i: `stayPrison/stayModule/stayFrom[stayFirst[i] … stayFirst[i + 1] - 1]`. */
  stayFirst: Int32Array;
  stayPrison: Int32Array;
  stayModule: Int32Array;
  stayFrom: Int32Array;
}

export function roleOf(i: number, shape: DemoShape): Role {
  if (i === LEADER) return 'leader';
  if (i < shape.core) return 'core';
  if (i >= shape.convicted && i < shape.convicted + shape.recruits) return 'recruit';
  return 'contact';
}

export function isConvicted(i: number, shape: DemoShape): boolean {
  return i < shape.convicted;
}

export function planDemoCase(random: Random, shape: DemoShape, todayDay: number, order: GazetteerPrison[]): DemoPlan {
  const n = shape.people;
  const prisons = order.slice(0, shape.prisons).map((entry) => ({ entry, modules: demoModules(random) }));
  const plan: DemoPlan = {
    shape,
    todayDay,
    prisons,
    corePrisons: new Int32Array(0),
    prisonOf: new Int32Array(n),
    moduleOf: new Int32Array(n),
    origin: new Uint8Array(n),
    female: new Uint8Array(n),
    programme: new Uint8Array(n),
    releaseSoon: new Uint8Array(n),
    preventive: new Uint8Array(n),
    groupOf: new Int32Array(n).fill(-1),
    groups: { count: 0, first: new Int32Array(0), members: new Int32Array(0), arrestDay: new Int32Array(0), convictionDay: new Int32Array(0) },
    offenceOf: new Int16Array(n),
    lengthMonths: new Int32Array(n),
    sentenceStart: new Int32Array(n),
    releaseDay: new Int32Array(n),
    stayFirst: new Int32Array(n + 1),
    stayPrison: new Int32Array(0),
    stayModule: new Int32Array(0),
    stayFrom: new Int32Array(0),
  };
  placeInmates(random, plan);
  markTraits(random, plan);
  formCoDefendantGroups(random, plan);
  planSentences(random, plan);
  planStays(random, plan);
  return plan;
}

/** Current prison and module: the core over its prisons, every prison with convicts and at-risk inmates. */
function placeInmates(random: Random, plan: DemoPlan): void {
  const { shape, prisons } = plan;
  const convictedPrisons = sample(random, shape.prisons, shape.convictedPrisons);
  plan.corePrisons = convictedPrisons.slice(0, shape.corePrisons);
  const numbered = (p: number) => prisons[p]!.modules.length - 1; // the last module is isolation
  for (let i = 0; i < shape.people; i += 1) {
    let prison: number;
    if (i < shape.core) {
      prison = plan.corePrisons[i % shape.corePrisons]!;
    } else if (i < shape.convicted) {
      const k = i - shape.core;
      prison = convictedPrisons[k < shape.convictedPrisons ? k : random.int(0, shape.convictedPrisons - 1)]!;
    } else {
      const k = i - shape.convicted;
      prison = k < shape.prisons ? k : random.int(0, shape.prisons - 1);
    }
    plan.prisonOf[i] = prison;
    // Monitored inmates gather in a few modules; the most dangerous sit in isolation.
    const isolation = i < shape.core ? 0.3 : i < shape.convicted ? 0.08 : 0.02;
    plan.moduleOf[i] = random.chance(isolation) ? numbered(prison) : Math.floor(random.next() ** 2 * numbered(prison));
    if (prisons[prison]!.entry.kind === 'women') plan.female[i] = 1;
  }
}

function markTraits(random: Random, plan: DemoPlan): void {
  const { shape } = plan;
  const coreOthers = shape.core - 1;
  const convictedOthers = shape.convicted - shape.core;
  const contacts = shape.atRisk - shape.recruits;
  const inProgramme = shape.programmeEnrolled + shape.programmeCompleted + shape.programmeDroppedOut;
  const programmeFromConvicted = Math.min(convictedOthers, Math.round(inProgramme * 0.75));

  // Core: who declined the programme, who is near the end of the sentence, who converted.
  plan.programme[LEADER] = PROGRAMME_DECLINED;
  for (const k of sample(random, coreOthers, shape.declinedCore - 1)) plan.programme[1 + k] = PROGRAMME_DECLINED;
  for (const k of sample(random, coreOthers, shape.releaseSoonCore)) plan.releaseSoon[1 + k] = 1;
  for (const k of sample(random, coreOthers, shape.coreConverts)) plan.origin[1 + k] = ORIGIN_CONVERT;

  // Other convicted, one shuffled order split into disjoint groups.
  const soonOthers = shape.releaseSoon - shape.releaseSoonCore;
  const convictedOrder = sample(random, convictedOthers, programmeFromConvicted + shape.declinedOther + soonOthers);
  const statuses: number[] = [];
  for (let s = 0; s < shape.programmeEnrolled; s += 1) statuses.push(PROGRAMME_ENROLLED);
  for (let s = 0; s < shape.programmeCompleted; s += 1) statuses.push(PROGRAMME_COMPLETED);
  for (let s = 0; s < shape.programmeDroppedOut; s += 1) statuses.push(PROGRAMME_DROPPED_OUT);
  let next = 0;
  let status = 0;
  for (; next < programmeFromConvicted; next += 1) plan.programme[shape.core + convictedOrder[next]!] = statuses[status++]!;
  for (let s = 0; s < shape.declinedOther; s += 1, next += 1) plan.programme[shape.core + convictedOrder[next]!] = PROGRAMME_DECLINED;
  for (let s = 0; s < soonOthers; s += 1, next += 1) plan.releaseSoon[shape.core + convictedOrder[next]!] = 1;

  // At-risk contacts: some on remand, some in the programme.
  const firstContact = shape.convicted + shape.recruits;
  const contactOrder = sample(random, contacts, shape.preventive + (inProgramme - programmeFromConvicted));
  next = 0;
  for (let s = 0; s < shape.preventive; s += 1, next += 1) plan.preventive[firstContact + contactOrder[next]!] = 1;
  for (; status < statuses.length; next += 1) plan.programme[firstContact + contactOrder[next]!] = statuses[status++]!;

  // Origins: the convicted mostly of Moroccan origin, the at-risk inmates mixed.
  for (let i = shape.core; i < shape.people; i += 1) {
    const spanishChance = i < shape.convicted ? 0.04 : 0.4;
    if (random.chance(spanishChance)) plan.origin[i] = i < shape.convicted ? ORIGIN_CONVERT : ORIGIN_SPANISH;
  }
}

/** Co-defendants: the convicted tried together, arrested the same day, convicted by the same court. */
function formCoDefendantGroups(random: Random, plan: DemoPlan): void {
  const { shape } = plan;
  const order = sample(random, shape.convicted, shape.convicted);
  const first: number[] = [];
  const members = new Int32Array(shape.convicted);
  let m = 0;
  let k = 0;
  while (k < order.length) {
    const person = order[k]!;
    first.push(m);
    // The leader and those about to be released stand alone: their dates are fixed by their release.
    const alone = person === LEADER || plan.releaseSoon[person] === 1;
    const size = alone ? 1 : pickGroupSize(random);
    members[m++] = person;
    k += 1;
    for (let taken = 1; taken < size && k < order.length; ) {
      const other = order[k]!;
      if (other === LEADER || plan.releaseSoon[other] === 1) break;
      members[m++] = other;
      k += 1;
      taken += 1;
    }
  }
  const count = first.length;
  first.push(m);
  const groups: CoDefendantGroups = {
    count,
    first: Int32Array.from(first),
    members,
    arrestDay: new Int32Array(count),
    convictionDay: new Int32Array(count),
  };
  for (let g = 0; g < count; g += 1) {
    const from = groups.first[g]!;
    const to = groups.first[g + 1]!;
    // One offence per trial; the core draws from the heavier ones.
    const hasCore = members.subarray(from, to).some((p) => p < shape.core);
    const offence = hasCore ? random.int(0, 2) : random.int(0, TERRORISM_OFFENCES.length - 1);
    for (let j = from; j < to; j += 1) {
      plan.groupOf[members[j]!] = g;
      plan.offenceOf[members[j]!] = offence;
    }
  }
  plan.groups = groups;
}

function pickGroupSize(random: Random): number {
  const r = random.next();
  return r < 0.4 ? 1 : r < 0.65 ? 2 : r < 0.85 ? 3 : r < 0.95 ? 4 : 5;
}

function lengthFor(random: Random, minMonths: number, maxMonths: number): number {
  return random.int(minMonths, maxMonths);
}

/**
 * Sentence dates. Everyone still inside is released after the 90-day window except those marked
 * `releaseSoon` and the leader, so "who walks out in the next 90 days" has a known answer.
 */
function planSentences(random: Random, plan: DemoPlan): void {
  const { shape, todayDay, groups } = plan;
  const horizon = todayDay + 91; // the first day after the 90-day window
  for (let g = 0; g < groups.count; g += 1) {
    const from = groups.first[g]!;
    const to = groups.first[g + 1]!;
    const first = groups.members[from]!;
    const offence = TERRORISM_OFFENCES[plan.offenceOf[first]!]!;
    let shortest = Infinity;
    for (let j = from; j < to; j += 1) {
      const p = groups.members[j]!;
      const months = p === LEADER ? LEADER_SENTENCE_MONTHS : lengthFor(random, offence.minMonths, offence.maxMonths);
      plan.lengthMonths[p] = months;
      shortest = Math.min(shortest, months);
    }
    let arrest: number;
    if (first === LEADER) {
      arrest = addMonthsToDay(todayDay + LEADER_DAYS_TO_RELEASE, -LEADER_MONTHS_SERVED);
    } else if (plan.releaseSoon[first] === 1) {
      arrest = addMonthsToDay(todayDay + random.int(8, 90), -plan.lengthMonths[first]!);
    } else {
      // Arrested long enough ago to have been tried, recently enough to be inside past the window.
      const earliest = Math.max(addMonthsToDay(horizon, -shortest) + 1, todayDay - 10 * 365);
      arrest = random.int(earliest, todayDay - 300);
    }
    groups.arrestDay[g] = arrest;
    groups.convictionDay[g] = Math.min(arrest + random.int(240, 720), todayDay - 14);
    for (let j = from; j < to; j += 1) {
      const p = groups.members[j]!;
      plan.sentenceStart[p] = arrest;
      plan.releaseDay[p] = p === LEADER ? todayDay + LEADER_DAYS_TO_RELEASE : addMonthsToDay(arrest, plan.lengthMonths[p]!);
    }
  }
  for (let i = shape.convicted; i < shape.people; i += 1) {
    const offenceIndex = random.int(0, OTHER_OFFENCES.length - 1);
    const offence = OTHER_OFFENCES[offenceIndex]!;
    plan.offenceOf[i] = offenceIndex;
    if (plan.preventive[i] === 1) {
      plan.sentenceStart[i] = todayDay - random.int(20, 700);
      plan.releaseDay[i] = NO_DAY;
      continue;
    }
    const months = lengthFor(random, offence.minMonths, offence.maxMonths);
    const earliest = Math.max(addMonthsToDay(horizon, -months) + 1, todayDay - 8 * 365);
    const start = random.int(earliest, todayDay - 30);
    plan.lengthMonths[i] = months;
    plan.sentenceStart[i] = start;
    plan.releaseDay[i] = addMonthsToDay(start, months);
  }
}

/** Earlier stays elsewhere for many: a transfer closes one stay on the day the next opens. */
function planStays(random: Random, plan: DemoPlan): void {
  const { shape, todayDay, prisons } = plan;
  const n = shape.people;
  // Men are not moved through women's or youth prisons.
  const generalPrisons = prisons.flatMap((p, index) => (p.entry.kind === 'women' || p.entry.kind === 'youth' ? [] : [index]));
  const capacity = n * 4;
  const stayPrison = new Int32Array(capacity);
  const stayModule = new Int32Array(capacity);
  const stayFrom = new Int32Array(capacity);
  const cuts: number[] = [];
  let s = 0;
  for (let i = 0; i < n; i += 1) {
    plan.stayFirst[i] = s;
    const current = plan.prisonOf[i]!;
    const entry = plan.sentenceStart[i]!;
    const span = todayDay - entry;
    const kind = prisons[current]!.entry.kind;
    let transfers = i === LEADER ? 3 : i < shape.core ? random.int(1, 3) : pickTransfers(random);
    if (kind === 'women' || kind === 'youth' || generalPrisons.length < 2) transfers = 0;
    while (transfers > 0 && span < 25 * (transfers + 1)) transfers -= 1;
    cuts.length = 0;
    let previous = entry;
    for (let t = 0; t < transfers; t += 1) {
      const cut = random.int(previous + 20, todayDay - 20 * (transfers - t));
      cuts.push(cut);
      previous = cut;
    }
    // Walk back from the current prison so that consecutive stays are in different prisons.
    const prisonsBack: number[] = [current];
    for (let t = 0; t < transfers; t += 1) {
      let earlier = random.pick(generalPrisons);
      while (earlier === prisonsBack[prisonsBack.length - 1]) earlier = random.pick(generalPrisons);
      prisonsBack.push(earlier);
    }
    for (let t = 0; t <= transfers; t += 1) {
      const prison = prisonsBack[transfers - t]!;
      stayPrison[s] = prison;
      stayModule[s] = t === transfers ? plan.moduleOf[i]! : random.int(0, prisons[prison]!.modules.length - 2);
      stayFrom[s] = t === 0 ? entry : cuts[t - 1]!;
      s += 1;
    }
  }
  plan.stayFirst[n] = s;
  plan.stayPrison = stayPrison.subarray(0, s);
  plan.stayModule = stayModule.subarray(0, s);
  plan.stayFrom = stayFrom.subarray(0, s);
}

function pickTransfers(random: Random): number {
  const r = random.next();
  return r < 0.45 ? 0 : r < 0.75 ? 1 : r < 0.9 ? 2 : 3;
}

export function moduleName(plan: DemoPlan, prison: number, module: number): string {
  return plan.prisons[prison]!.modules[module] ?? ISOLATION_MODULE;
}
