import {
  effectiveMarking,
  formatGrading,
  highestMarking,
  linkStart,
  type CaseSnapshot,
  type IsoDate,
  type Marking,
  type NameKind,
  type Person,
  type Role,
} from '../model';
import { byPerson, liveCaseRecords, networkInputOf, type NetworkInput } from '../network';
import type { TimelineInput } from '../timeline/model';
import { personPhoto, type SheetPhoto } from './person-photo';

export const REPORT_SECTIONS = ['summary', 'people', 'network', 'timeline', 'releases', 'sources', 'journal'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface ReportRequest {
  caseId: string;
  /** Everyone in the case, or these people (those on screen, or a selection). */
  personIds?: readonly string[];
  sections: readonly ReportSection[];
  /** Only what was known to have happened by this day; absent: everything. */
  asOf?: IsoDate;
  /** The day the report is made. */
  today: IsoDate;
  author: string;
  /** The level the case was released up to before this report was made, when it was. */
  releasedUpTo?: Marking;
  /** Made from the case as this workstation knew it at the end of this day (a past state). */
  knownOn?: IsoDate;
  /** How many months ahead the release radar looks. */
  radarMonths?: number;
}

/** One workstation's audit chain as checked before the report was made. */
export interface JournalHead {
  workstationId: string;
  entries: number;
  headHash: string;
  verified: boolean;
}

export interface PersonSheet {
  id: string;
  name: string;
  names: { name: string; kind: NameKind }[];
  realName: string;
  identifiers: string[];
  nationalities: { country: string; status: 'claimed' | 'verified' }[];
  birthDate: string;
  role: Role;
  monitoring: Person['monitoring'];
  programme: Person['programme']['status'];
  /** Marking above the case's, when the person carries one. */
  marking?: Marking;
  stays: { prison: string; module: string; from: IsoDate; to: IsoDate | '' }[];
  transfers: number;
  sentences: { offence: string; start: IsoDate; lengthMonths?: number; expectedRelease: IsoDate | ''; earlyRelease: IsoDate | '' }[];
  release: IsoDate | '';
  /** The person's photo, when one is attached (and released): the page reads its bytes by hash. */
  photo?: SheetPhoto;
  links: {
    kind: string;
    direction: 'outgoing' | 'incoming' | 'mutual';
    other: string;
    date: IsoDate | '';
    from: IsoDate | '';
    to: IsoDate | '';
    count: number;
    grading: string;
    sources: string[];
  }[];
}

export interface ReportContent {
  caseName: string;
  unit: string;
  author: string;
  today: IsoDate;
  asOf: IsoDate | '';
  /** The case as known on this day (a past state), or '' for the case as it is. */
  knownOn: IsoDate | '';
  scope: 'case' | 'people';
  /** What the report holds at most: its pages are marked with it. */
  marking: Marking;
  releasedUpTo: Marking | '';
  sections: ReportSection[];
  summary: {
    persons: number;
    links: number;
    prisons: { name: string; persons: number }[];
    sources: number;
    keyPeople: { id: string; name: string; role: Role; links: number }[];
  };
  people: PersonSheet[];
  /** What the network figure draws: the people of the report and the links among them. */
  network: NetworkInput;
  /** The people's stays, transfers, releases, links and events, for the timeline figure. */
  timeline: TimelineInput;
  releases: { id: string; name: string; date: IsoDate; prison: string }[];
  sources: { title: string; kind: string; author: string; date: IsoDate | ''; reliability: string; marking?: Marking; citedBy: number }[];
  journal: JournalHead[];
}

const ROLE_ORDER: readonly Role[] = ['leader', 'core', 'recruit', 'contact', 'unknown'];
const addMonths = (date: IsoDate, months: number): IsoDate => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/**
 * What a case report holds, from a case (already released at the chosen level when it was) and the
 * journal heads checked beforehand. Pure: the renderer lays it out and prints it. "As of" a day, the
 * report holds the links, stays, sentences and events known to have begun by then, and places people
 * where they were held that day.
 */
export function reportContent(snapshot: CaseSnapshot, request: ReportRequest, journal: readonly JournalHead[]): ReportContent {
  const theCase = snapshot.cases.find((c) => c.id === request.caseId && !c.deleted);
  if (!theCase) throw new Error(`no live case ${request.caseId}`);
  const all = liveCaseRecords(snapshot, request.caseId);
  const by = request.asOf;
  const known = (date: string | undefined) => !by || !date || date <= by;
  const wanted = request.personIds ? new Set(request.personIds) : undefined;
  const persons = all.persons.filter((p) => !wanted || wanted.has(p.id));
  const personIds = new Set(persons.map((p) => p.id));
  const records = {
    ...all,
    persons,
    links: all.links.filter((l) => personIds.has(l.fromId) && personIds.has(l.toId) && known(linkStart(l))),
    stays: all.stays.filter((s) => personIds.has(s.personId) && known(s.from)).map((s) => (by && s.to && s.to > by ? { ...s, to: undefined } : s)),
    sentences: all.sentences.filter((s) => personIds.has(s.personId) && known(s.start)),
  };
  const input = networkInputOf(records);
  const prisonName = new Map(all.prisons.map((p) => [p.id, p.name]));
  const personName = new Map(all.persons.map((p) => [p.id, p.primaryName]));
  const sourceById = new Map(all.sources.map((s) => [s.id, s]));
  const staysOf = byPerson(records.stays);
  const sentencesOf = byPerson(records.sentences);
  const linksOf = new Map<string, typeof records.links>();
  for (const link of records.links) {
    for (const end of [link.fromId, link.toId]) (linksOf.get(end) ?? linksOf.set(end, []).get(end)!).push(link);
  }
  const placed = input.currentPrisonByPerson;
  const caseAttachments = snapshot.attachments.filter((a) => a.caseId === request.caseId);

  const people: PersonSheet[] = [...persons]
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.primaryName.localeCompare(b.primaryName, 'es'))
    .map((p) => {
      const stays = [...(staysOf.get(p.id) ?? [])].sort((a, b) => a.from.localeCompare(b.from));
      const sentences = [...(sentencesOf.get(p.id) ?? [])].sort((a, b) => a.start.localeCompare(b.start));
      const raised = effectiveMarking(p.marking, theCase.marking);
      const photo = personPhoto(p, caseAttachments);
      return {
        id: p.id,
        name: p.primaryName,
        names: p.alternateNames.map((n) => ({ name: n.name, kind: n.kind })),
        realName: p.realName ?? '',
        identifiers: (p.identifiers ?? []).map((i) => `${i.scheme} ${i.value}`),
        nationalities: p.nationalities.map((n) => ({ country: n.country, status: n.status })),
        birthDate: p.birthDate ?? '',
        role: p.role,
        monitoring: p.monitoring,
        programme: p.programme.status,
        ...(raised !== theCase.marking ? { marking: raised } : {}),
        stays: stays.map((s) => ({ prison: prisonName.get(s.prisonId) ?? '', module: s.module ?? '', from: s.from, to: s.to ?? '' })),
        transfers: Math.max(0, stays.length - 1),
        sentences: sentences.map((s) => ({
          offence: s.offence,
          start: s.start,
          ...(s.lengthMonths !== undefined ? { lengthMonths: s.lengthMonths } : {}),
          expectedRelease: s.expectedRelease ?? '',
          earlyRelease: s.earlyRelease ?? '',
        })),
        release: input.releaseByPerson?.get(p.id) ?? '',
        ...(photo ? { photo } : {}),
        links: (linksOf.get(p.id) ?? [])
          .map((l) => ({
            kind: l.kind,
            direction: !l.directed ? ('mutual' as const) : l.fromId === p.id ? ('outgoing' as const) : ('incoming' as const),
            other: personName.get(l.fromId === p.id ? l.toId : l.fromId) ?? '',
            date: l.date ?? '',
            from: l.from ?? '',
            to: l.to ?? '',
            count: l.count ?? 1,
            grading: formatGrading(l.grading),
            sources: l.sourceIds.flatMap((id) => sourceById.get(id)?.title ?? []),
          }))
          .sort((a, b) => (a.date || a.from).localeCompare(b.date || b.from)),
      };
    });

  const degree = new Map<string, number>();
  for (const link of records.links) for (const end of [link.fromId, link.toId]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const keyPeople = [...persons]
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0))
    .slice(0, 10)
    .map((p) => ({ id: p.id, name: p.primaryName, role: p.role, links: degree.get(p.id) ?? 0 }));
  const inPrison = new Map<string, number>();
  for (const prisonId of placed.values()) inPrison.set(prisonId, (inPrison.get(prisonId) ?? 0) + 1);

  const today = by ?? request.today;
  const horizon = addMonths(today, request.radarMonths ?? 24);
  const releases = persons
    .flatMap((p) => {
      const date = input.releaseByPerson?.get(p.id);
      return date && date >= today && date <= horizon ? [{ id: p.id, name: p.primaryName, date, prison: prisonName.get(placed.get(p.id) ?? '') ?? '' }] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'es'));

  const citations = new Map<string, number>();
  for (const fact of [...records.links, ...records.stays, ...records.sentences]) for (const id of fact.sourceIds) citations.set(id, (citations.get(id) ?? 0) + 1);
  const sources = [...citations]
    .flatMap(([id, citedBy]) => {
      const s = sourceById.get(id);
      if (!s) return [];
      const raised = effectiveMarking(s.marking, theCase.marking);
      return [{ title: s.title, kind: s.kind, author: s.author, date: s.date ?? '', reliability: s.reliability, citedBy, ...(raised !== theCase.marking ? { marking: raised } : {}) }];
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'es'));

  const contained = [theCase.marking, ...people.flatMap((p) => p.marking ?? []), ...records.links.map((l) => effectiveMarking(l.marking, theCase.marking)), ...sources.flatMap((s) => s.marking ?? [])];
  return {
    caseName: theCase.name,
    unit: theCase.unit,
    author: request.author,
    today: request.today,
    asOf: by ?? '',
    knownOn: request.knownOn ?? '',
    scope: wanted ? 'people' : 'case',
    marking: highestMarking(contained) ?? theCase.marking,
    releasedUpTo: request.releasedUpTo ?? '',
    sections: REPORT_SECTIONS.filter((s) => request.sections.includes(s)),
    summary: {
      persons: persons.length,
      links: records.links.length,
      prisons: [...inPrison]
        .map(([id, count]) => ({ name: prisonName.get(id) ?? '', persons: count }))
        .sort((a, b) => b.persons - a.persons || a.name.localeCompare(b.name, 'es')),
      sources: sources.length,
      keyPeople,
    },
    people,
    network: input,
    timeline: {
      persons: records.persons,
      prisons: all.prisons,
      stays: records.stays,
      sentences: records.sentences,
      links: records.links,
      events: all.events.filter((e) => known(e.date) && e.personIds.some((id) => personIds.has(id))),
    },
    releases,
    sources,
    journal: [...journal],
  };
}
