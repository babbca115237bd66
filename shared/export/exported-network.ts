import { shortPrisonName } from '../gazetteer/short-names';
import {
  currentStay,
  effectiveMarking,
  formatGrading,
  highestMarking,
  IDENTIFIER_SCHEMES,
  releaseDate,
  stayOn,
  type IdentifierScheme,
  type CaseSnapshot,
  type IsoDate,
  type Link,
  type Marking,
  type Person,
  type Prison,
  type Sentence,
  type Stay,
} from '../model';
import { LIST_SEPARATOR } from './list-separator';
import { applyFilters, DEFAULT_FILTERS, liveCaseRecords, networkInputOf, type NetworkFilters } from '../network';

/** What an export is asked for: the whole case, or what the network view shows (its filters, its date). */
export interface ExportRequest {
  /** The day the file is written: it closes open stays and is written into the file. */
  exportedOn: IsoDate;
  /** "The network as it stood on this day", the same selection as the network view's date. */
  asOf?: IsoDate;
  /** The network view's filters; absent for the whole case. */
  filters?: NetworkFilters;
}

export interface ExportedPerson {
  id: string;
  name: string;
  realName: string;
  /** Aliases, kunyas and other spellings, in the record's order. */
  otherNames: string[];
  aliases: string[];
  kunyas: string[];
  spellings: string[];
  /** "SCHEME:value", e.g. "NIS:0012345". */
  identifiers: string[];
  /** The same identifiers by scheme (several of one scheme joined by the list separator). */
  identifierBy: Record<IdentifierScheme, string>;
  /** ISO 3166 codes, claimed and verified alike. */
  nationalities: string[];
  birthDate: IsoDate | '';
  role: Person['role'];
  monitoring: Person['monitoring'];
  /** The prison holding the person on the "as of" day (else today), when one does, and since when. */
  prisonId: string;
  prisonName: string;
  stayFrom: IsoDate | '';
  /** The latest release date among the person's sentences, and that sentence's offence and start. */
  expectedRelease: IsoDate | '';
  sentenceOffence: string;
  sentenceStart: IsoDate | '';
  sentenceExpectedRelease: IsoDate | '';
  sentenceEarlyRelease: IsoDate | '';
}

export interface ExportedLink {
  id: string;
  source: string;
  target: string;
  kind: Link['kind'];
  directed: boolean;
  /** How many letters, calls or visits the link stands for (1 when not counted). */
  weight: number;
  date: IsoDate | '';
  from: IsoDate | '';
  to: IsoDate | '';
  /** Admiralty grading, e.g. "B2". */
  grading: string;
  /** Titles of the cited sources. */
  sources: string[];
}

export interface ExportedPrison {
  id: string;
  name: string;
  shortName: string;
  town: string;
  province: string;
}

export interface ExportedStay {
  id: string;
  personId: string;
  prisonId: string;
  from: IsoDate;
  to: IsoDate | '';
}

/** A case's network as it leaves Vigía: live records only, already selected, every value a plain string, number or boolean. */
export interface ExportedNetwork {
  caseId: string;
  caseName: string;
  marking: Marking;
  exportedOn: IsoDate;
  asOf: IsoDate | '';
  /** Whether the view's filters narrowed the case (the whole case otherwise). */
  filtered: boolean;
  persons: ExportedPerson[];
  links: ExportedLink[];
  prisons: ExportedPrison[];
  /** Stays of the exported people in the exported prisons. */
  stays: ExportedStay[];
}

/**
 * The part of a case an export writes: the same selection the network view makes
 * (shared/network's applyFilters, with its "as of" date), so that a file exported "as of D"
 * holds exactly what the view shows for D. Deleted records never leave.
 */
export function exportedNetwork(snapshot: CaseSnapshot, caseId: string, request: ExportRequest): ExportedNetwork {
  const theCase = snapshot.cases.find((c) => c.id === caseId && !c.deleted);
  if (!theCase) throw new Error(`no live case ${caseId} in the snapshot`);
  const records = liveCaseRecords(snapshot, caseId);
  const { persons, prisons, links, stays, sentences } = records;
  const sentenceByPerson = perPerson(sentences, latestReleaseSentence);
  // The stay that places a person, by the same rule as the view's: on the "as of" day, else the current one.
  const placingStay = perPerson(stays, (list) => (request.asOf ? stayOn(list, request.asOf) : currentStay(list)));
  const input = networkInputOf(records);
  const filters: NetworkFilters = { ...(request.filters ?? DEFAULT_FILTERS), ...(request.asOf ? { asOf: request.asOf } : {}) };
  const shown = applyFilters(input, filters, request.exportedOn);

  const shownIds = new Set(shown.persons.map((p) => p.id));
  const shownLinkIds = new Set(shown.links.map((l) => l.id));
  const prisonById = new Map(prisons.map((p) => [p.id, p]));
  const sourceTitle = new Map(records.sources.map((s) => [s.id, s.title]));

  return {
    caseId,
    caseName: theCase.name,
    marking: containedMarking(theCase.marking, persons.filter((p) => shownIds.has(p.id)), links.filter((l) => shownLinkIds.has(l.id)), records.sources),
    exportedOn: request.exportedOn,
    asOf: request.asOf ?? '',
    filtered: request.filters !== undefined,
    persons: persons
      .filter((p) => shownIds.has(p.id))
      .map((p) => {
        const prison = prisonById.get(shown.currentPrisonByPerson.get(p.id) ?? '');
        const stay = placingStay.get(p.id);
        return exportPerson(p, prison, stay?.prisonId === prison?.id ? stay : undefined, sentenceByPerson.get(p.id));
      }),
    links: links.filter((l) => shownLinkIds.has(l.id)).map((l) => exportLink(l, sourceTitle)),
    prisons: prisons.map(exportPrison),
    stays: stays.filter((s) => shownIds.has(s.personId)).map(exportStay),
  };
}

/**
 * The marking a file carries: the highest of what it holds — the people, the links and the sources
 * their titles come from — never the case's by default (a SECRETO source cited by one link makes the
 * whole file SECRETO; a release that withheld it does not).
 */
function containedMarking(caseMarking: Marking, persons: readonly Person[], links: readonly Link[], sources: readonly { id: string; marking?: Marking }[]): Marking {
  const cited = new Set(links.flatMap((l) => l.sourceIds));
  const markings = [caseMarking, ...persons.map((p) => p.marking), ...links.map((l) => l.marking), ...sources.filter((s) => cited.has(s.id)).map((s) => s.marking)];
  return highestMarking(markings.map((m) => effectiveMarking(m, caseMarking))) ?? caseMarking;
}

function perPerson<T extends { personId: string }, V>(records: readonly T[], pick: (list: T[]) => V | undefined): Map<string, V> {
  const grouped = new Map<string, T[]>();
  for (const record of records) {
    const list = grouped.get(record.personId);
    if (list) list.push(record);
    else grouped.set(record.personId, [record]);
  }
  const picked = new Map<string, V>();
  for (const [personId, list] of grouped) {
    const value = pick(list);
    if (value !== undefined) picked.set(personId, value);
  }
  return picked;
}

/** The sentence with the latest release date (the one the network's "next releases" count). */
function latestReleaseSentence(sentences: readonly Sentence[]): Sentence | undefined {
  let latest: Sentence | undefined;
  for (const sentence of sentences) {
    const date = releaseDate(sentence);
    if (date && (!latest || date > releaseDate(latest)!)) latest = sentence;
  }
  return latest;
}

function exportPerson(person: Person, prison: Prison | undefined, stay: Stay | undefined, sentence: Sentence | undefined): ExportedPerson {
  const named = (kind: string) => person.alternateNames.filter((n) => n.kind === kind).map((n) => n.name);
  const identifiers = person.identifiers ?? [];
  return {
    id: person.id,
    name: person.primaryName,
    realName: person.realName ?? '',
    otherNames: person.alternateNames.map((n) => n.name),
    aliases: named('alias'),
    kunyas: named('kunya'),
    spellings: named('spelling'),
    identifiers: identifiers.map((i) => `${i.scheme}:${i.value}`),
    identifierBy: Object.fromEntries(
      IDENTIFIER_SCHEMES.map((scheme) => [scheme, identifiers.filter((i) => i.scheme === scheme).map((i) => i.value).join(LIST_SEPARATOR)]),
    ) as Record<IdentifierScheme, string>,
    nationalities: person.nationalities.map((n) => n.country),
    birthDate: person.birthDate ?? '',
    role: person.role,
    monitoring: person.monitoring,
    prisonId: prison?.id ?? '',
    prisonName: prison?.name ?? '',
    stayFrom: stay?.from ?? '',
    expectedRelease: (sentence && releaseDate(sentence)) ?? '',
    sentenceOffence: sentence?.offence ?? '',
    sentenceStart: sentence?.start ?? '',
    sentenceExpectedRelease: sentence?.expectedRelease ?? '',
    sentenceEarlyRelease: sentence?.earlyRelease ?? '',
  };
}

function exportLink(link: Link, sourceTitle: ReadonlyMap<string, string>): ExportedLink {
  return {
    id: link.id,
    source: link.fromId,
    target: link.toId,
    kind: link.kind,
    directed: link.directed,
    weight: link.count ?? 1,
    date: link.date ?? '',
    from: link.from ?? '',
    to: link.to ?? '',
    grading: formatGrading(link.grading),
    sources: link.sourceIds.flatMap((id) => sourceTitle.get(id) ?? []),
  };
}

function exportPrison(prison: Prison): ExportedPrison {
  return { id: prison.id, name: prison.name, shortName: shortPrisonName(prison), town: prison.town, province: prison.province };
}

function exportStay(stay: Stay): ExportedStay {
  return { id: stay.id, personId: stay.personId, prisonId: stay.prisonId, from: stay.from, to: stay.to ?? '' };
}

