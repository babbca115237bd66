import type { AlternateName } from '../model/person';
import { addMonthsToDay, isoOf } from './calendar';
import { LEADER_SENTENCE_MONTHS } from './offences';
import { LEADER, type DemoPlan } from './plan';

/**
 * The ringleader of the demo case, modelled on the 2018 reporting (DOMAIN.md) but fictional: known
 * by one name, with another real name, 44, Moroccan, serving 14 years for a truck-bomb plot, due out
 * about four years early a week from today. Years before, released from an earlier sentence, he
 * fled to Switzerland, sought asylum under a false nationality and was extradited back.
 */
export const LEADER_IDENTITY = {
  primaryName: 'Youssef Ouali',
  realName: 'Hicham Bensaid',
  kunya: 'Abu Ilyas al-Andalusi',
  /** The kunya as his followers write it: Arabic script, what the case report must print and keep searchable. */
  kunyaArabic: 'أبو إلياس الأندلسي',
  alias: 'El Profesor',
  spellings: ['Yousef Ouali', 'Yusuf Wali'],
  ageYears: 44,
  nationality: 'MA',
  claimedNationality: 'IQ',
} as const;

export function leaderAlternateNames(sourceIds: string[]): AlternateName[] {
  return [
    { name: LEADER_IDENTITY.kunya, kind: 'kunya', sourceIds },
    { name: LEADER_IDENTITY.kunyaArabic, kind: 'kunya', sourceIds },
    { name: LEADER_IDENTITY.alias, kind: 'alias', sourceIds },
    ...LEADER_IDENTITY.spellings.map((name) => ({ name, kind: 'spelling' as const, sourceIds: [] })),
  ];
}

/** The leader's story as days, counted back from his extradition (the start of his sentence). */
export interface LeaderDates {
  earlierRelease: number;
  flight: number;
  asylumClaim: number;
  arrestInSwitzerland: number;
  extradition: number;
  conviction: number;
  release: number;
  /** When the fourteen years would end if served in full. */
  originalEnd: number;
  birth: number;
}

export function leaderDates(plan: DemoPlan): LeaderDates {
  const extradition = plan.sentenceStart[LEADER]!;
  const earlierRelease = addMonthsToDay(extradition, -74);
  return {
    earlierRelease,
    flight: earlierRelease + 41,
    asylumClaim: earlierRelease + 47,
    arrestInSwitzerland: extradition - 96,
    extradition,
    conviction: plan.groups.convictionDay[plan.groupOf[LEADER]!]!,
    release: plan.releaseDay[LEADER]!,
    originalEnd: addMonthsToDay(extradition, LEADER_SENTENCE_MONTHS),
    // 44 years and 137 days old today.
    birth: addMonthsToDay(plan.todayDay, -12 * LEADER_IDENTITY.ageYears) - 137,
  };
}

export function leaderNotes(dates: LeaderDates): string {
  return [
    `Conocido como ${LEADER_IDENTITY.primaryName} («${LEADER_IDENTITY.kunya}», «${LEADER_IDENTITY.alias}»); su nombre real, establecido tras la extradición, es ${LEADER_IDENTITY.realName}.`,
    `Cumple 14 años (168 meses) por conspirar para atentar con camiones bomba contra objetivos de alto valor en Madrid.`,
    `Fin de condena original: ${isoOf(dates.originalEnd)}; licenciamiento previsto el ${isoOf(dates.release)}, unos cuatro años antes, por beneficios penitenciarios.`,
    `Se esperan nuevos cargos y prisión provisional.`,
    `Tras su excarcelación el ${isoOf(dates.earlierRelease)} huyó a Suiza, pidió asilo alegando nacionalidad iraquí y fue extraditado a España el ${isoOf(dates.extradition)}.`,
  ].join(' ');
}
