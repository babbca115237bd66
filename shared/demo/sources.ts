import type { Fields } from '../model/records';
import type { Source } from '../model/source';
import type { Reliability, SourceKind } from '../model/vocabulary';
import { isoOf } from './calendar';
import { leaderDates } from './leader';
import type { DemoPlan } from './plan';
import type { Random } from './random';
import { demoRecordId } from './shape';
import type { DemoStamper } from './stamp';

/** Fictional outlets: the demo invents articles, so it does not put them in real papers' mouths. */
const PRESS_OUTLETS: readonly { name: string; reliability: Reliability }[] = [
  { name: 'Agencia Atalaya (agencia de noticias)', reliability: 'C' },
  { name: 'Diario Meridiano (nacional)', reliability: 'C' },
  { name: 'El Observador Nacional', reliability: 'C' },
  { name: 'Crónica del Estrecho (regional)', reliability: 'D' },
  { name: 'Gaceta del Duero (regional)', reliability: 'D' },
];
const HEADLINES = [
  'Interior desarticula un «frente de cárceles» yihadista',
  'Una red yihadista se organizaba desde 17 prisiones',
  'El cabecilla de la red, a punto de salir de prisión',
  'Cartas entre presos, clave de la investigación',
  'Prisiones vigila a cientos de internos por radicalización',
  'Pocos internos aceptan los programas de desradicalización',
];
const POLICE_AUTHORS: readonly { name: string; reliability: Reliability }[] = [
  { name: 'Policía Nacional, Comisaría General de Información', reliability: 'B' },
  { name: 'Guardia Civil, Jefatura de Información', reliability: 'B' },
  { name: 'Centro de Inteligencia contra el Terrorismo y el Crimen Organizado', reliability: 'A' },
  { name: 'Servicio de información de un centro penitenciario', reliability: 'C' },
];
const UNIT_ARCHIVE = 'Archivo de la unidad';

/** Where each kind of evidence for the case's links lives: source indexes, by prison or for the case. */
export interface DemoSources {
  records: Source[];
  /** Per prison: the follow-up report of its security service; the court of its province. */
  prisonReport: Int32Array;
  provincialCourt: Int32Array;
  /** Per prison: ranges of letter batches, call records and visit logs. */
  letterFirst: Int32Array;
  callFirst: Int32Array;
  visitFirst: Int32Array;
  police: Range;
  press: Range;
  testimony: Range;
  tips: Range;
  /** Group g's judgment is source `courtFirst + g`. */
  courtFirst: number;
  asylumFile: number;
  extraditionFile: number;
}

export interface Range {
  first: number;
  count: number;
}

export function pickIn(random: Random, range: Range): number {
  return range.first + random.int(0, range.count - 1);
}

export function pickPerPrison(random: Random, first: Int32Array, prison: number): number {
  return random.int(first[prison]!, first[prison + 1]! - 1);
}

export function buildSources(random: Random, plan: DemoPlan, stamper: DemoStamper): DemoSources {
  const { shape, todayDay, prisons } = plan;
  const size = shape.people;
  const records: Source[] = [];
  const add = (
    kind: SourceKind,
    title: string,
    author: string,
    day: number,
    reliability: Reliability,
    keptAt: string = UNIT_ARCHIVE,
  ): number => {
    const id = demoRecordId(stamper.caseId, 'source', records.length + 1, size);
    records.push(stamper.record<Fields<Source>>(id, {
      kind,
      title,
      author,
      date: isoOf(day),
      keptAt,
      reliability,
      attachmentIds: [],
      notes: '',
    }));
    return records.length - 1;
  };
  const recent = (max: number) => todayDay - random.int(3, max);

  const inmates = new Int32Array(prisons.length);
  for (let i = 0; i < size; i += 1) inmates[plan.prisonOf[i]!]! += 1;

  const prisonReport = new Int32Array(prisons.length);
  const provincialCourt = new Int32Array(prisons.length);
  const letterFirst = new Int32Array(prisons.length + 1);
  const callFirst = new Int32Array(prisons.length + 1);
  const visitFirst = new Int32Array(prisons.length + 1);
  const ranges = { letter: letterFirst, call: callFirst, visit: visitFirst };
  prisons.forEach(({ entry }, p) => {
    prisonReport[p] = add('report', `Informe de seguimiento de internos FIES — ${entry.name}`, `Dirección del ${entry.name}`, recent(60), 'B', 'SGIP, Coordinación de Seguridad');
    provincialCourt[p] = add('court_record', `Testimonios de sentencia — Audiencia Provincial de ${entry.province}`, `Audiencia Provincial de ${entry.province}`, recent(900), 'A');
  });
  // Evidence batches per prison, in proportion to the inmates it holds.
  for (const [kind, first] of Object.entries(ranges) as [keyof typeof ranges, Int32Array][]) {
    prisons.forEach(({ entry }, p) => {
      first[p] = records.length;
      const per = kind === 'letter' ? 6 : kind === 'call' ? 20 : 40;
      const batches = Math.max(1, Math.ceil(inmates[p]! / per));
      for (let b = 1; b <= batches; b += 1) {
        if (kind === 'letter') {
          add('letter', `Correspondencia intervenida — ${entry.name}, lote ${b}`, `Área de Seguridad, ${entry.name}`, recent(700), random.chance(0.3) ? 'A' : 'B');
        } else if (kind === 'call') {
          add('call_record', `Registro de llamadas de internos — ${entry.name}, ${b}`, 'SGIP, sistema de telefonía de internos', recent(700), random.chance(0.6) ? 'A' : 'B');
        } else {
          add('visit_log', `Libro de comunicaciones orales y vis a vis — ${entry.name}, ${b}`, `Oficina de comunicaciones, ${entry.name}`, recent(700), 'B');
        }
      }
    });
    first[prisons.length] = records.length;
  }

  const police = { first: records.length, count: Math.max(6, Math.round(size / 60)) };
  for (let k = 1; k <= police.count; k += 1) {
    const author = POLICE_AUTHORS[k % POLICE_AUTHORS.length]!;
    const day = recent(400);
    add('report', `Informe de inteligencia ${k}/${isoOf(day).slice(0, 4)}`, author.name, day, author.reliability);
  }
  const press = { first: records.length, count: Math.max(8, Math.round(size / 150)) };
  for (let k = 0; k < press.count; k += 1) {
    const outlet = PRESS_OUTLETS[k % PRESS_OUTLETS.length]!;
    add('press', HEADLINES[k % HEADLINES.length]!, outlet.name, recent(30), outlet.reliability, 'Hemeroteca de la unidad');
  }
  const testimony = { first: records.length, count: Math.max(3, Math.round(size / 90)) };
  for (let k = 0; k < testimony.count; k += 1) {
    const officer = k % 3 !== 2;
    const at = add(
      'testimony',
      officer ? 'Declaración de funcionario de prisiones (identidad reservada)' : 'Declaración de testigo protegido',
      officer ? 'Funcionario de prisiones' : 'Testigo protegido',
      recent(500),
      // Protected witnesses alternate between usually not reliable (E) and not usually reliable (D).
      officer ? 'C' : Math.floor(k / 3) % 2 === 0 ? 'E' : 'D',
    );
    // A protected witness's statement is marked above the case: who said it must not reach a
    // partner agency, so a release below SECRETO leaves out what only these statements support.
    if (!officer) records[at] = { ...records[at]!, marking: 'SECRETO' };
  }
  const tips = { first: records.length, count: Math.max(2, Math.round(size / 135)) };
  for (let k = 0; k < tips.count; k += 1) {
    add('other', 'Confidencia anónima recibida en la unidad', 'Desconocido', recent(300), 'F');
  }
  const courtFirst = records.length;
  for (let g = 0; g < plan.groups.count; g += 1) {
    const day = plan.groups.convictionDay[g]!;
    add('court_record', `Sentencia ${g + 1}/${isoOf(day).slice(0, 4)} de la Audiencia Nacional, Sala de lo Penal`, 'Audiencia Nacional', day, 'A');
  }
  const asylumFile = add(
    'other',
    'Expediente de solicitud de asilo en Suiza (copia por cooperación policial internacional)',
    'Autoridades suizas de migración, vía Interpol',
    leaderDates(plan).asylumClaim,
    'B',
  );
  const extraditionFile = add('court_record', 'Expediente de extradición desde Suiza', 'Audiencia Nacional', plan.sentenceStart[0]!, 'A');
  return { records, prisonReport, provincialCourt, letterFirst, callFirst, visitFirst, police, press, testimony, tips, courtFirst, asylumFile, extraditionFile };
}
