import type { Link } from '../model/link';
import type { Person } from '../model/person';
import { CREDIBILITY, LINK_KINDS, type Credibility, type LinkKind } from '../model/vocabulary';
import { isoOf } from './calendar';
import { NumberSet } from './number-set';
import { LEADER, type DemoPlan } from './plan';
import { sample, type Random } from './random';
import { pickIn, pickPerPrison, type DemoSources } from './sources';
import { demoRecordId } from './shape';
import { DEMO_WORKSTATION, type DemoStamper } from './stamp';

const LETTER_NOTES = [
  'Carta en árabe dialectal; traducción en el expediente.',
  'Menciona a «los hermanos» de otros centros.',
  'Contenido religioso con consignas de captación.',
  'Remitida a través de un familiar para eludir la intervención.',
];
const OTHER_NOTES = [
  'Transferencias de peculio entre ambos internos.',
  'Compartieron celda en un centro anterior.',
  'Mencionado por su kunya en una carta intervenida.',
  'Participaron juntos en un altercado en el módulo.',
];

/**
 * The links of the demo case, about five per person: the network's command (leadership), its
 * growth (recruitment), the letters between prisons that were the evidence of the case, and the
 * ordinary ties of prison life (calls, visits, shared modules, co-defendants, family).
 */
export function buildLinks(
  random: Random,
  plan: DemoPlan,
  persons: readonly Person[],
  relativeOfPrevious: Uint8Array,
  sources: DemoSources,
  stamper: DemoStamper,
): Link[] {
  const { shape, todayDay } = plan;
  const n = shape.people;
  const links: Link[] = [];
  const seen = new NumberSet(n * 6);
  const caseId = stamper.caseId;
  // Flat arrays of what every link reads, so building one does not chase person and source objects.
  const personIds = persons.map((p) => p.id);
  const sourceIds = sources.records.map((s) => s.id);
  const reliabilities = sources.records.map((s) => s.reliability);
  const kindIndex = new Map<LinkKind, number>(LINK_KINDS.map((k, i) => [k, i]));

  const add = (
    kind: LinkKind,
    a: number,
    b: number,
    options: { period?: boolean; count?: number; on?: number; sources: number[]; credibility: [number, number]; notes?: string },
  ): void => {
    if (a === b) return;
    const directed = kind === 'letter' || kind === 'call' || kind === 'visit' || kind === 'recruitment' || kind === 'leadership';
    const [x, y] = directed || a < b ? [a, b] : [b, a];
    const key = (kindIndex.get(kind)! * n + x) * n + y;
    if (!seen.add(key)) return;
    const first = options.sources[0]!;
    const second = options.sources[1];
    // A literal with every field rather than stamper.record: links are half the records of a case.
    const link: Link = {
      id: demoRecordId(caseId, 'link', links.length + 1, n),
      caseId,
      createdAt: stamper.at,
      updatedAt: stamper.at,
      hlc: stamper.hlc(),
      fieldClocks: {},
      updatedBy: DEMO_WORKSTATION,
      deleted: 0,
      kind,
      fromId: personIds[a]!,
      toId: personIds[b]!,
      directed,
      grading: {
        reliability: reliabilities[first]!,
        credibility: CREDIBILITY[random.int(options.credibility[0], options.credibility[1]) - 1] as Credibility,
      },
      sourceIds: second === undefined || second === first ? [sourceIds[first]!] : [sourceIds[first]!, sourceIds[second]!],
      notes: options.notes ?? '',
    };
    // Both were inside when the link was observed.
    const lo = Math.min(Math.max(plan.sentenceStart[a]!, plan.sentenceStart[b]!, options.on ?? 0), todayDay - 1);
    if (options.period) {
      const from = random.int(lo, lo + Math.floor((todayDay - 1 - lo) / 2));
      link.from = isoOf(from);
      link.to = isoOf(random.int(from, todayDay - 1));
    } else {
      link.date = isoOf(options.on !== undefined ? lo : random.int(lo, todayDay - 1));
    }
    if (options.count !== undefined) link.count = options.count;
    links.push(link);
  };

  const core = shape.core;
  const prisonOf = plan.prisonOf;
  const randomCore = () => random.int(0, core - 1);
  const randomConvicted = () => random.int(0, shape.convicted - 1);
  const randomAtRisk = () => random.int(shape.convicted, n - 1);
  /** A partner in another prison when one can be found in a few tries: letters cross the system. */
  const elsewhere = (from: number, pickOne: () => number): number => {
    let other = pickOne();
    for (let t = 0; t < 3 && (other === from || prisonOf[other] === prisonOf[from]); t += 1) other = pickOne();
    return other;
  };
  const letter = (a: number, b: number, heavy: boolean) => {
    const count = heavy ? random.int(2, 40) : random.chance(0.5) ? 1 : random.int(2, 8);
    const batch = pickPerPrison(random, sources.letterFirst, prisonOf[a]!);
    add('letter', a, b, {
      period: count > 1,
      count,
      sources: random.chance(0.3) ? [batch, pickIn(random, sources.police)] : [batch],
      credibility: [1, 2],
      ...(random.chance(0.1) ? { notes: random.pick(LETTER_NOTES) } : {}),
    });
  };

  // Leadership: the leader over every core member.
  for (let c = 1; c < core; c += 1) {
    const police = pickIn(random, sources.police);
    add('leadership', LEADER, c, {
      period: true,
      sources: random.chance(0.4) ? [police, pickIn(random, sources.press)] : [police],
      credibility: [2, 3],
    });
  }

  // Recruitment: each recruit by a core member, in the same prison when there is one.
  const coreByPrison = new Map<number, number[]>();
  for (let c = 0; c < core; c += 1) {
    const list = coreByPrison.get(prisonOf[c]!) ?? [];
    list.push(c);
    coreByPrison.set(prisonOf[c]!, list);
  }
  for (let r = shape.convicted; r < shape.convicted + shape.recruits; r += 1) {
    const here = coreByPrison.get(prisonOf[r]!);
    const recruiter = here && random.chance(0.8) ? random.pick(here) : randomCore();
    const police = pickIn(random, sources.police);
    add('recruitment', recruiter, r, {
      sources: random.chance(0.5) ? [police, pickIn(random, sources.testimony)] : [police],
      credibility: [2, 4],
    });
  }

  // Co-defendants: every pair of a trial.
  const { groups } = plan;
  for (let g = 0; g < groups.count; g += 1) {
    for (let j = groups.first[g]!; j < groups.first[g + 1]!; j += 1) {
      for (let k = j + 1; k < groups.first[g + 1]!; k += 1) {
        add('co_defendant', groups.members[j]!, groups.members[k]!, {
          on: groups.arrestDay[g]!,
          sources: [sources.courtFirst + g],
          credibility: [1, 1],
        });
      }
    }
  }

  // Family, and the visits relatives pay each other (comunicaciones entre internos).
  for (let i = 1; i < n; i += 1) {
    if (relativeOfPrevious[i] !== 1) continue;
    add('family', i - 1, i, { sources: [pickIn(random, sources.police)], credibility: [2, 3] });
    if (random.chance(0.6)) {
      const [a, b] = random.chance(0.5) ? [i - 1, i] : [i, i - 1];
      add('visit', a, b, {
        period: true,
        count: random.int(1, 12),
        sources: [pickPerPrison(random, sources.visitFirst, prisonOf[b]!)],
        credibility: [1, 2],
      });
    }
  }

  // Shared module: neighbours in a random order within each prison module.
  const moduleKey = new Float64Array(n);
  for (let i = 0; i < n; i += 1) moduleKey[i] = (prisonOf[i]! * 256 + plan.moduleOf[i]!) + random.next() * 0.5;
  const byModule = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => moduleKey[a]! - moduleKey[b]! || a - b);
  const currentFrom = (i: number) => plan.stayFrom[plan.stayFirst[i + 1]! - 1]!;
  for (let k = 1; k < n; k += 1) {
    const a = byModule[k - 1]!;
    const b = byModule[k]!;
    if (Math.floor(moduleKey[a]!) !== Math.floor(moduleKey[b]!) || !random.chance(0.8)) continue;
    add('shared_module', a, b, {
      on: Math.max(currentFrom(a), currentFrom(b)),
      sources: [sources.prisonReport[prisonOf[a]!]!],
      credibility: [1, 2],
    });
  }

  // Letters: the core writes across prisons; every convict writes to the core; at-risk inmates answer.
  for (let c = 0; c < core; c += 1) {
    const many = c === LEADER ? random.int(8, 12) : random.int(4, 6);
    for (let t = 0; t < many; t += 1) letter(c, elsewhere(c, randomCore), true);
  }
  for (let i = core; i < shape.convicted; i += 1) {
    if (random.chance(0.9)) {
      const c = elsewhere(i, randomCore);
      if (random.chance(0.5)) letter(i, c, false);
      else letter(c, i, false);
    }
    const more = random.int(0, 2) + (random.chance(0.2) ? 1 : 0);
    for (let t = 0; t < more; t += 1) letter(i, elsewhere(i, randomConvicted), false);
    if (random.chance(0.5)) letter(i, randomAtRisk(), false);
  }
  for (let i = shape.convicted; i < n; i += 1) {
    if (random.chance(0.9)) letter(i, elsewhere(i, randomConvicted), false);
    if (random.chance(0.3)) letter(elsewhere(i, randomConvicted), i, false);
  }

  // Calls, visits and other ties across the whole population.
  const calls = n;
  for (let t = 0; t < calls; t += 1) {
    const a = random.int(0, n - 1);
    const b = random.int(0, n - 1);
    add('call', a, b, {
      period: true,
      count: random.int(1, 30),
      sources: [pickPerPrison(random, sources.callFirst, prisonOf[a]!)],
      credibility: [1, 2],
    });
  }
  const visits = Math.round(n * 0.25);
  for (let t = 0; t < visits; t += 1) {
    const a = random.int(0, n - 1);
    const b = random.int(0, n - 1);
    add('visit', a, b, {
      count: 1,
      sources: [pickPerPrison(random, sources.visitFirst, prisonOf[b]!)],
      credibility: [1, 3],
    });
  }
  for (const a of sample(random, n, Math.round(n * 0.2))) {
    const b = random.int(0, n - 1);
    const source = random.chance(0.5) ? pickIn(random, sources.tips) : pickIn(random, sources.testimony);
    add('other', a, b, { sources: [source], credibility: [3, 6], notes: random.pick(OTHER_NOTES) });
  }
  return links;
}

