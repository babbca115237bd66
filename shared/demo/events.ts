import type { CaseEvent } from '../model/event';
import type { Link } from '../model/link';
import type { Note } from '../model/note';
import type { Person } from '../model/person';
import type { Fields } from '../model/records';
import { gazetteerPrisonId } from '../model/prison';
import { isoOf } from './calendar';
import { leaderDates, LEADER_IDENTITY } from './leader';
import { LEADER, type DemoPlan } from './plan';
import { sample, type Random } from './random';
import { pickIn, type DemoSources } from './sources';
import { demoRecordId } from './shape';
import type { DemoStamper } from './stamp';

export const OPERATION_NAME = 'Operación Celosía';

/** Arrests, convictions, transfers, the leader's story and the operation that dismantled the network. */
export function buildEvents(
  random: Random,
  plan: DemoPlan,
  persons: readonly Person[],
  sources: DemoSources,
  stamper: DemoStamper,
): CaseEvent[] {
  const { shape, todayDay, groups } = plan;
  const caseId = stamper.caseId;
  const prisonId = (p: number) => gazetteerPrisonId(caseId, plan.prisons[p]!.entry.id);
  const sourceId = (index: number) => sources.records[index]!.id;
  const events: CaseEvent[] = [];
  const add = (event: Fields<CaseEvent>) => {
    events.push(stamper.record(demoRecordId(caseId, 'event', events.length + 1, shape.people), event));
  };
  const leader = persons[LEADER]!;
  const dates = leaderDates(plan);
  const leaderPrison = prisonId(plan.prisonOf[LEADER]!);

  add({
    kind: 'operation',
    title: `${OPERATION_NAME}: registros en ${plan.corePrisons.length} centros penitenciarios`,
    date: isoOf(todayDay - 2),
    personIds: persons.slice(0, shape.core).map((p) => p.id),
    prisonIds: Array.from(plan.corePrisons, prisonId),
    description:
      `Registro de celdas e intervención de correspondencia de los ${shape.core} miembros del núcleo de un ` +
      `«frente de cárceles» yihadista disciplinado y organizado, repartidos en ${plan.corePrisons.length} centros.`,
    sourceIds: [sourceId(sources.police.first), sourceId(sources.press.first)],
  });

  // The leader's story, in order.
  add({
    kind: 'release',
    title: `Excarcelación de ${leader.primaryName} tras cumplir una condena anterior`,
    date: isoOf(dates.earlierRelease),
    personIds: [leader.id],
    prisonIds: [],
    description: '',
    sourceIds: [sourceId(sources.police.first)],
  });
  add({
    kind: 'other',
    title: `Huida de ${leader.primaryName} a Suiza`,
    date: isoOf(dates.flight),
    personIds: [leader.id],
    prisonIds: [],
    description: `Solicita asilo en Suiza el ${isoOf(dates.asylumClaim)} alegando nacionalidad iraquí, que resulta falsa.`,
    sourceIds: [sourceId(sources.asylumFile)],
  });
  add({
    kind: 'arrest',
    title: `Detención de ${leader.primaryName} en Suiza por orden española`,
    date: isoOf(dates.arrestInSwitzerland),
    personIds: [leader.id],
    prisonIds: [],
    description: 'Conspiración para atentar con camiones bomba contra objetivos de alto valor en Madrid.',
    sourceIds: [sourceId(sources.extraditionFile)],
  });
  add({
    kind: 'extradition',
    title: `Extradición de ${leader.primaryName} desde Suiza`,
    date: isoOf(dates.extradition),
    personIds: [leader.id],
    prisonIds: [prisonId(plan.stayPrison[plan.stayFirst[LEADER]!]!)],
    description: `Identificado como ${LEADER_IDENTITY.realName}; ingresa en prisión a disposición de la Audiencia Nacional.`,
    sourceIds: [sourceId(sources.extraditionFile)],
  });
  add({
    kind: 'conviction',
    title: `Condena de ${leader.primaryName} a 14 años de prisión`,
    date: isoOf(dates.conviction),
    personIds: [leader.id],
    prisonIds: [leaderPrison],
    description: `Fin de condena original ${isoOf(dates.originalEnd)}; licenciamiento previsto ${isoOf(dates.release)}.`,
    sourceIds: [sourceId(sources.courtFirst + plan.groupOf[LEADER]!)],
  });

  // Arrest and conviction of every other trial.
  for (let g = 0; g < groups.count; g += 1) {
    const members = Array.from(groups.members.subarray(groups.first[g]!, groups.first[g + 1]!));
    if (members.includes(LEADER)) continue;
    const personIds = members.map((m) => persons[m]!.id);
    add({
      kind: 'arrest',
      title: members.length > 1 ? `Detención de ${members.length} personas` : `Detención de ${persons[members[0]!]!.primaryName}`,
      date: isoOf(groups.arrestDay[g]!),
      personIds,
      prisonIds: [],
      description: '',
      sourceIds: [sourceId(pickIn(random, sources.police))],
    });
    add({
      kind: 'conviction',
      title: `Sentencia de la Audiencia Nacional (${members.length} ${members.length > 1 ? 'condenados' : 'condenado'})`,
      date: isoOf(groups.convictionDay[g]!),
      personIds,
      prisonIds: [],
      description: '',
      sourceIds: [sourceId(sources.courtFirst + g)],
    });
  }

  // Transfers of the core, and of a tenth of the others, as the prison service reported them.
  for (let i = 0; i < shape.people; i += 1) {
    const first = plan.stayFirst[i]!;
    const last = plan.stayFirst[i + 1]! - 1;
    if (last === first || (i >= shape.core && !random.chance(0.1))) continue;
    for (let s = first + 1; s <= last; s += 1) {
      const to = plan.stayPrison[s]!;
      add({
        kind: 'transfer',
        title: `Traslado de ${persons[i]!.primaryName} a ${plan.prisons[to]!.entry.name}`,
        date: isoOf(plan.stayFrom[s]!),
        personIds: [persons[i]!.id],
        prisonIds: [prisonId(plan.stayPrison[s - 1]!), prisonId(to)],
        description: '',
        sourceIds: [sourceId(sources.prisonReport[to]!)],
      });
    }
  }
  return events;
}

const PERSON_NOTES = [
  'Rechaza las actividades del módulo y dirige el rezo de otros internos.',
  'Cambio de aspecto y de hábitos desde el último traslado.',
  'Recibe giros de procedencia no identificada.',
  'Pide a menudo el traslado a un centro concreto.',
  'Mantiene contacto con familiares en el extranjero.',
];
const LETTER_LINK_NOTES = ['Pendiente de traducción completa.', 'Contrastar con el registro de llamadas del mismo mes.'];

/** A few analyst notes: on the case, on the leader, on some people and some letters. */
export function buildNotes(
  random: Random,
  plan: DemoPlan,
  persons: readonly Person[],
  links: readonly Link[],
  stamper: DemoStamper,
): Note[] {
  const size = plan.shape.people;
  const notes: Note[] = [];
  const add = (subjectType: Note['subjectType'], subjectId: string, text: string) => {
    notes.push(stamper.record<Fields<Note>>(demoRecordId(stamper.caseId, 'note', notes.length + 1, size), { subjectType, subjectId, text }));
  };
  const dates = leaderDates(plan);
  add('case', stamper.caseId, 'Datos sintéticos de formación: ninguna persona de este caso existe. Synthetic training data: no person in this case exists.');
  add(
    'person',
    persons[LEADER]!.id,
    `Licenciamiento previsto el ${isoOf(dates.release)}: coordinar con la Audiencia Nacional nuevos cargos y prisión provisional antes de esa fecha.`,
  );
  for (const i of sample(random, size - 1, Math.max(3, Math.round(size / 50)))) {
    add('person', persons[i + 1]!.id, random.pick(PERSON_NOTES));
  }
  const letters = links.filter((l) => l.kind === 'letter');
  for (const k of sample(random, letters.length, Math.max(2, Math.round(size / 100)))) {
    add('link', letters[k]!.id, random.pick(LETTER_LINK_NOTES));
  }
  return notes;
}
