import { prisonFromGazetteer } from '../gazetteer/gazetteer';
import type { Case } from '../model/case';
import { isIsoDate, type IsoDate } from '../model/dates';
import type { Fields } from '../model/records';
import type { CaseSnapshot } from '../model/tables';
import { addMonthsToDay, dayOf, isoOf } from './calendar';
import { buildEvents, buildNotes, OPERATION_NAME } from './events';
import { buildLinks } from './links';
import { buildPeople } from './people';
import { planDemoCase } from './plan';
import { demoPrisonOrder } from './prisons';
import { createRandom } from './random';
import { buildSources } from './sources';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE, demoCaseId, demoShape, type DemoShape } from './shape';
import { DemoStamper } from './stamp';

export interface DemoCaseOptions {
  /** People in the case: 270 (the default) or one of the larger DEMO_SIZES. */
  size?: number;
  /** The day the case is generated for: release dates and ages count from it. */
  today: IsoDate;
  seed?: number;
}

/**
 * A fictional training case shaped like the 2018 "prisons front" (DOMAIN.md): real Spanish prisons,
 * invented people. The same options always give the same case, ids included; nothing depends on
 * the clock, so `today` is a parameter.
 */
export function generateDemoCase(options: DemoCaseOptions): CaseSnapshot {
  const size = options.size ?? DEFAULT_DEMO_SIZE;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!isIsoDate(options.today)) throw new RangeError('today must be a date written YYYY-MM-DD');
  const shape = demoShape(size);
  // Each size gets its own stream, so the 1,000-person case is not the 270 one with more appended.
  const random = createRandom(Math.imul(seed >>> 0, 0x9e3779b1) ^ size);
  const todayDay = dayOf(options.today);
  const stamper = new DemoStamper(demoCaseId(size, seed), options.today);

  const plan = planDemoCase(random, shape, todayDay, demoPrisonOrder());
  const description = caseDescription(shape);
  const caseRecord: Case = stamper.record<Fields<Case>>(stamper.caseId, {
    name: size === DEFAULT_DEMO_SIZE ? OPERATION_NAME : `${OPERATION_NAME} (${groupDigits(size)} internos)`,
    description,
    unit: 'Unidad de Análisis de Radicalización Penitenciaria',
    openedOn: isoOf(addMonthsToDay(todayDay, -8)),
    marking: 'RESERVADO',
    archived: false,
    synthetic: true,
  });
  const sources = buildSources(random, plan, stamper);
  const prisons = plan.prisons.map((p) =>
    prisonFromGazetteer(p.entry, stamper.caseId, { at: stamper.at, hlc: stamper.hlc(), by: 'demo' }, p.modules),
  );
  const people = buildPeople(random, plan, sources, stamper);
  const links = buildLinks(random, plan, people.persons, people.relativeOfPrevious, sources, stamper);
  const events = buildEvents(random, plan, people.persons, sources, stamper);
  const notes = buildNotes(random, plan, people.persons, links, stamper);
  return {
    cases: [caseRecord],
    sources: sources.records,
    prisons,
    persons: people.persons,
    stays: people.stays,
    sentences: people.sentences,
    links,
    events,
    notes,
    attachments: [],
  };
}

function caseDescription(shape: DemoShape): string {
  return (
    `Caso ficticio de formación: las personas son inventadas; los centros penitenciarios son reales. ` +
    `Modelado sobre la información pública de octubre de 2018 sobre un «frente de cárceles» yihadista en España: ` +
    `${groupDigits(shape.people)} internos vigilados en ${shape.prisons} centros, un núcleo de ${shape.core} miembros ` +
    `en ${shape.corePrisons} centros y un cabecilla a punto de quedar en libertad. ` +
    `Fictional training data modelled on public reporting; the people are invented, the prisons are real.`
  );
}

/** 100000 → "100.000", as Spanish writes it, without depending on the runtime's locale data. */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
