import type { Nationality, Person, ProgrammeParticipation } from '../model/person';
import { gazetteerPrisonId } from '../model/prison';
import type { Fields } from '../model/records';
import type { Sentence } from '../model/sentence';
import type { Stay } from '../model/stay';
import { MONITORING_STATUSES, PROGRAMME_STATUSES } from '../model/vocabulary';
import { addMonthsToDay, isoOf } from './calendar';
import { LEADER_IDENTITY, leaderAlternateNames, leaderDates, leaderNotes } from './leader';
import { makeName, type NameOrigin } from './names';
import { LEADER_OFFENCE, OTHER_OFFENCES, TERRORISM_OFFENCES } from './offences';
import {
  LEADER,
  moduleName,
  ORIGIN_ARABIC,
  ORIGIN_CONVERT,
  PROGRAMME_COMPLETED,
  PROGRAMME_DECLINED,
  PROGRAMME_DROPPED_OUT,
  PROGRAMME_ENROLLED,
  roleOf,
  type DemoPlan,
} from './plan';
import type { Random } from './random';
import { pickIn, type DemoSources } from './sources';
import { demoPersonId, demoRecordId } from './shape';
import { DEMO_WORKSTATION, type DemoStamper } from './stamp';

export interface DemoPeople {
  persons: Person[];
  stays: Stay[];
  sentences: Sentence[];
  /** Person i is a relative (brother, cousin) of person i - 1 when `relativeOfPrevious[i]` is 1. */
  relativeOfPrevious: Uint8Array;
}

const ORIGIN_NAMES: readonly NameOrigin[] = ['arabic', 'spanish', 'convert'];

export function buildPeople(random: Random, plan: DemoPlan, sources: DemoSources, stamper: DemoStamper): DemoPeople {
  const { shape } = plan;
  const size = shape.people;
  const caseId = stamper.caseId;
  const sourceId = (index: number) => sources.records[index]!.id;
  const prisonIds = plan.prisons.map((p) => gazetteerPrisonId(caseId, p.entry.id));
  const persons: Person[] = [];
  const relativeOfPrevious = new Uint8Array(size);
  const leader = leaderDates(plan);
  let previousSurname = -1;

  for (let i = 0; i < size; i += 1) {
    const role = roleOf(i, shape);
    const convicted = i < shape.convicted;
    const origin = plan.origin[i]!;
    const female = plan.female[i] === 1;
    // Relatives: a brother or cousin of the previous person, bearing the same surname.
    const relative =
      i > 1 && origin === plan.origin[i - 1] && female === (plan.female[i - 1] === 1) && random.chance(0.06);
    if (relative) relativeOfPrevious[i] = 1;
    const name = makeName(random, ORIGIN_NAMES[origin]!, {
      female,
      ...(relative ? { surname: previousSurname } : {}),
      kunyaChance: i < shape.core ? 0.7 : convicted ? 0.2 : 0.05,
    });
    previousSurname = name.surname;
    const id = demoPersonId(caseId, i, size);
    if (i === LEADER) {
      const police = [sourceId(sources.police.first), sourceId(sources.press.first)];
      persons.push(stamper.record<Fields<Person>>(id, {
        primaryName: LEADER_IDENTITY.primaryName,
        alternateNames: leaderAlternateNames(police),
        realName: LEADER_IDENTITY.realName,
        nationalities: [
          { country: LEADER_IDENTITY.nationality, status: 'verified', sourceIds: [sourceId(sources.extraditionFile)] },
          { country: LEADER_IDENTITY.claimedNationality, status: 'claimed', sourceIds: [sourceId(sources.asylumFile)] },
        ],
        birthDate: isoOf(leader.birth),
        role,
        monitoring: 'convicted_terrorism',
        programme: participation(random, plan, i),
        photoAttachmentIds: [],
        notes: leaderNotes(leader),
        sourceIds: police,
      }));
      continue;
    }
    const person: Person = stamper.record<Fields<Person>>(id, {
      primaryName: name.primaryName,
      alternateNames: name.alternateNames,
      nationalities: nationalities(random, origin, convicted),
      birthDate: isoOf(birthDay(random, plan.sentenceStart[i]!, plan.prisons[plan.prisonOf[i]!]!.entry.kind === 'youth', convicted)),
      role,
      monitoring: MONITORING_STATUSES[convicted ? 0 : 2]!,
      programme: participation(random, plan, i),
      photoAttachmentIds: [],
      notes: '',
      sourceIds: i < shape.core ? [sourceId(pickIn(random, sources.police))] : [],
    });
    // Some were jailed under a false identity; the real name came out later.
    if (random.chance(i < shape.core ? 0.2 : 0.05)) {
      person.realName = makeName(random, origin === ORIGIN_CONVERT ? 'spanish' : 'arabic', { female }).primaryName;
    }
    persons.push(person);
  }

  // Stays and sentences as literals with every field (see links.ts): they are a third of the records.
  const stays: Stay[] = [];
  for (let i = 0; i < size; i += 1) {
    const personId = persons[i]!.id;
    const last = plan.stayFirst[i + 1]! - 1;
    for (let s = plan.stayFirst[i]!; s <= last; s += 1) {
      const prison = plan.stayPrison[s]!;
      const stay: Stay = {
        id: demoRecordId(caseId, 'stay', s + 1, size),
        caseId,
        createdAt: stamper.at,
        updatedAt: stamper.at,
        hlc: stamper.hlc(),
        fieldClocks: {},
        updatedBy: DEMO_WORKSTATION,
        deleted: 0,
        personId,
        prisonId: prisonIds[prison]!,
        module: moduleName(plan, prison, plan.stayModule[s]!),
        from: isoOf(plan.stayFrom[s]!),
        sourceIds: [sourceId(sources.prisonReport[prison]!)],
      };
      if (s < last) stay.to = isoOf(plan.stayFrom[s + 1]!);
      stays.push(stay);
    }
  }

  const sentences: Sentence[] = [];
  for (let i = 0; i < size; i += 1) {
    const convicted = i < shape.convicted;
    const preventive = plan.preventive[i] === 1;
    const offence = i === LEADER
      ? LEADER_OFFENCE
      : convicted
        ? TERRORISM_OFFENCES[plan.offenceOf[i]!]!.text
        : OTHER_OFFENCES[plan.offenceOf[i]!]!.text;
    const sentence: Sentence = {
      id: demoRecordId(caseId, 'sentence', i + 1, size),
      caseId,
      createdAt: stamper.at,
      updatedAt: stamper.at,
      hlc: stamper.hlc(),
      fieldClocks: {},
      updatedBy: DEMO_WORKSTATION,
      deleted: 0,
      personId: persons[i]!.id,
      offence: preventive ? `Prisión provisional — ${offence}` : offence,
      start: isoOf(plan.sentenceStart[i]!),
      preventiveDetention: preventive,
      sourceIds: [
        sourceId(convicted ? sources.courtFirst + plan.groupOf[i]! : sources.provincialCourt[plan.prisonOf[i]!]!),
      ],
    };
    if (!preventive) {
      sentence.lengthMonths = plan.lengthMonths[i]!;
      sentence.expectedRelease = isoOf(plan.releaseDay[i]!);
    }
    sentences.push(sentence);
  }
  return { persons, stays, sentences, relativeOfPrevious };
}

const CONVICTED_COUNTRIES = ['MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'ES', 'ES', 'DZ', 'TN', 'FR', 'BE'];
const AT_RISK_COUNTRIES = ['MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'DZ', 'DZ', 'TN', 'ES', 'ES'];

function nationalities(random: Random, origin: number, convicted: boolean): Nationality[] {
  if (origin !== ORIGIN_ARABIC) return [{ country: 'ES', status: 'verified', sourceIds: [] }];
  const country = random.pick(convicted ? CONVICTED_COUNTRIES : AT_RISK_COUNTRIES);
  const result: Nationality[] = [{ country, status: random.chance(0.9) ? 'verified' : 'claimed', sourceIds: [] }];
  // Spanish-born sons of Moroccan families often hold both nationalities.
  if (country === 'ES' && random.chance(0.4)) result.push({ country: 'MA', status: 'verified', sourceIds: [] });
  return result;
}

/** Adults when they came in: the age is drawn for the day the sentence started. */
function birthDay(random: Random, startDay: number, youth: boolean, convicted: boolean): number {
  const age = youth ? 18 : convicted ? random.int(19, 50) : random.int(18, 48);
  return addMonthsToDay(startDay, -12 * age) - random.int(0, 364);
}

function participation(random: Random, plan: DemoPlan, i: number): ProgrammeParticipation {
  const code = plan.programme[i]!;
  const status = PROGRAMME_STATUSES[code]!;
  const start = plan.sentenceStart[i]!;
  const today = plan.todayDay;
  // Programmes run inside prison: never before the person came in.
  const since = Math.max(start + 10, today - random.int(30, 900));
  switch (code) {
    case PROGRAMME_ENROLLED:
    case PROGRAMME_DECLINED:
      return { status, since: isoOf(Math.min(since, today - 1)) };
    case PROGRAMME_COMPLETED:
    case PROGRAMME_DROPPED_OUT: {
      const from = Math.max(start + 10, Math.min(since, today - 40));
      const until = Math.min(from + random.int(30, code === PROGRAMME_COMPLETED ? 400 : 200), today - 1);
      return { status, since: isoOf(from), until: isoOf(until) };
    }
    default:
      return { status };
  }
}
