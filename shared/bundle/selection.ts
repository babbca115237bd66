import type { AuditEntry } from '../model/audit';
import { effectiveMarking, highestMarking } from '../model/marking';
import type { Person } from '../model/person';
import { CASE_TABLE_NAMES, emptySnapshot, type CaseSnapshot, type CaseTableName } from '../model/tables';
import type { Marking } from '../model/vocabulary';
import { releaseCase, type WithheldCounts } from '../release';

/**
 * A selection bundle: chosen people and what hangs off them. The guarantee (tested in
 * selection.test.ts): every reference a sent record makes — a stay's person and prison, a link's two
 * ends, an event's people and prisons, a cited source, a note's subject, an attachment's owner, a
 * record's case — resolves to a record sent in the same bundle. Nothing dangles at the receiver, so
 * a record whose references reach outside the selection stays home:
 * - a link from a chosen person to someone not chosen;
 * - an event that also involves someone not chosen.
 * Live ones are counted in `leftOut`, so the sender can be told before sending.
 *
 * What goes: the case record; the chosen people; their stays and sentences; links and events among
 * them; the prisons those stays and events name; every source any of these cites; the notes about
 * any of them except the case itself (a case note is about everyone); the attachments of any sent
 * person or source. Tombstones travel like in a whole-case bundle: a deletion must reach the
 * colleague too. Records are sent as they are, never trimmed: an altered copy at the same stamps
 * would corrupt the merge.
 */
export interface PeopleSelection {
  snapshot: CaseSnapshot;
  leftOut: { links: number; events: number };
}

export function selectPeople(whole: CaseSnapshot, personIds: Iterable<string>): PeopleSelection {
  const chosen = new Set(personIds);
  const selection = emptySnapshot();
  const leftOut = { links: 0, events: 0 };
  const isChosen = (id: string) => chosen.has(id);

  selection.cases.push(...whole.cases);
  selection.persons.push(...whole.persons.filter((p) => chosen.has(p.id)));
  selection.stays.push(...whole.stays.filter((s) => chosen.has(s.personId)));
  selection.sentences.push(...whole.sentences.filter((s) => chosen.has(s.personId)));
  for (const link of whole.links) {
    const ends = [chosen.has(link.fromId), chosen.has(link.toId)];
    if (ends[0] && ends[1]) selection.links.push(link);
    else if ((ends[0] || ends[1]) && !link.deleted) leftOut.links += 1;
  }
  for (const event of whole.events) {
    if (event.personIds.length > 0 && event.personIds.every(isChosen)) selection.events.push(event);
    else if (event.personIds.some(isChosen) && !event.deleted) leftOut.events += 1;
  }

  const prisonIds = new Set([...selection.stays.map((s) => s.prisonId), ...selection.events.flatMap((e) => e.prisonIds)]);
  selection.prisons.push(...whole.prisons.filter((p) => prisonIds.has(p.id)));

  const cited = new Set<string>();
  const cite = (ids: readonly string[]) => ids.forEach((id) => cited.add(id));
  for (const person of selection.persons) citedByPerson(person).forEach((ids) => cite(ids));
  for (const fact of [...selection.stays, ...selection.sentences, ...selection.links, ...selection.events]) cite(fact.sourceIds);
  selection.sources.push(...whole.sources.filter((s) => cited.has(s.id)));

  const owners = new Set([...selection.persons, ...selection.sources].map((r) => r.id));
  selection.attachments.push(...whole.attachments.filter((a) => owners.has(a.ownerId)));

  const caseIds = new Set(selection.cases.map((c) => c.id));
  const subjects = new Set(
    CASE_TABLE_NAMES.filter((t) => t !== 'notes').flatMap((t) => (selection[t] as ReadonlyArray<{ id: string }>).map((r) => r.id)),
  );
  selection.notes.push(...whole.notes.filter((n) => subjects.has(n.subjectId) && !caseIds.has(n.subjectId)));
  return { snapshot: selection, leftOut };
}

/** A selection released up to a marking: what goes, what the release kept home, the marking it holds. */
export interface ReleasedSelection extends PeopleSelection {
  upTo: Marking;
  /** Live records the selection would have carried that the release keeps home, by kind. */
  withheld: WithheldCounts;
  /** The highest marking the bundle actually holds: what it is marked with. */
  marking: Marking;
}

/**
 * Chosen people, released up to a marking for a colleague cleared to it. What may go is decided by
 * releaseCase (shared/release) on the whole case: nothing above the level, no fact whose only sources
 * are withheld, a withheld person takes their links along. A bundle, unlike a file, is merged at the
 * receiver field by field, so its records travel as they are, never trimmed (an altered copy at the
 * same stamps would corrupt the merge): a record the release keeps but alters (a link citing a
 * withheld source among others, a person with a name only a withheld source gives) stays home too,
 * and so does anything that would then point at something not sent. The guarantee of selectPeople
 * holds: every reference a sent record makes resolves inside the bundle. Pure.
 */
export function selectPeopleUpTo(whole: CaseSnapshot, caseId: string, personIds: Iterable<string>, upTo: Marking): ReleasedSelection {
  const release = releaseCase(whole, caseId, upTo);
  const chosen = [...personIds];
  const plain = selectPeople(whole, chosen);
  // A record goes only as it is: the release kept it and left it unchanged.
  const unchanged = new Set<string>();
  for (const table of CASE_TABLE_NAMES) {
    const original = new Map((whole[table] as ReadonlyArray<{ id: string }>).map((r) => [r.id, r]));
    for (const kept of release.snapshot[table] as ReadonlyArray<{ id: string }>) {
      const before = original.get(kept.id);
      if (before && (before === kept || JSON.stringify(before) === JSON.stringify(kept))) unchanged.add(`${table}\u0000${kept.id}`);
    }
  }
  const goes = (table: CaseTableName, id: string) => unchanged.has(`${table}\u0000${id}`);
  const { snapshot: selected, leftOut } = selectPeople(whole, chosen.filter((id) => goes('persons', id)));
  // What stays home, then whatever points at it, until nothing sent points outside the bundle.
  const home = new Set<string>();
  for (const table of CASE_TABLE_NAMES) for (const r of selected[table] as ReadonlyArray<{ id: string }>) if (!goes(table, r.id)) home.add(r.id);
  for (let changed = true; changed; ) {
    changed = false;
    const present = new Set(CASE_TABLE_NAMES.flatMap((t) => (selected[t] as ReadonlyArray<{ id: string }>).filter((r) => !home.has(r.id)).map((r) => r.id)));
    for (const table of CASE_TABLE_NAMES) {
      for (const record of selected[table] as ReadonlyArray<{ id: string }>) {
        if (home.has(record.id)) continue;
        if (referencesOf(table, record).some((id) => !present.has(id))) {
          home.add(record.id);
          changed = true;
        }
      }
    }
  }
  const snapshot = emptySnapshot();
  for (const table of CASE_TABLE_NAMES) (snapshot[table] as Array<{ id: string }>).push(...(selected[table] as ReadonlyArray<{ id: string }>).filter((r) => !home.has(r.id)));

  const before = liveCounts(plain.snapshot);
  const after = liveCounts(snapshot);
  const withheld: WithheldCounts = { sources: 0, persons: 0, stays: 0, sentences: 0, links: 0, events: 0, notes: 0, attachments: 0, personDetails: 0 };
  for (const table of Object.keys(withheld) as Array<keyof WithheldCounts>) if (table !== 'personDetails') withheld[table] = before[table] - after[table];
  const caseMarking = whole.cases.find((c) => c.id === caseId)!.marking;
  const marked = [snapshot.sources, snapshot.persons, snapshot.links, snapshot.events, snapshot.notes, snapshot.attachments].flat().map((r) => effectiveMarking(r.marking, caseMarking));
  return {
    snapshot,
    // Links and events to people not sent stay home as in any selection: those of withheld people are counted as withheld.
    leftOut: { links: Math.max(0, leftOut.links - withheld.links), events: Math.max(0, leftOut.events - withheld.events) },
    upTo,
    withheld,
    marking: highestMarking([caseMarking, ...marked]) ?? caseMarking,
  };
}

/** Every id a record points at, which must be in the same bundle. */
function referencesOf(table: CaseTableName, record: object): string[] {
  const r = record as Record<string, unknown>;
  const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);
  const caseRef = table === 'cases' ? [] : ids(r.caseId);
  switch (table) {
    case 'persons':
      return [...caseRef, ...citedByPerson(record as Person).flat(), ...ids(r.photoAttachmentIds)];
    case 'sources':
      return [...caseRef, ...ids(r.attachmentIds)];
    case 'stays':
      return [...caseRef, ...ids(r.personId), ...ids(r.prisonId), ...ids(r.sourceIds)];
    case 'sentences':
      return [...caseRef, ...ids(r.personId), ...ids(r.sourceIds)];
    case 'links':
      return [...caseRef, ...ids(r.fromId), ...ids(r.toId), ...ids(r.sourceIds)];
    case 'events':
      return [...caseRef, ...ids(r.personIds), ...ids(r.prisonIds), ...ids(r.sourceIds)];
    case 'notes':
      return [...caseRef, ...ids(r.subjectId)];
    case 'attachments':
      return [...caseRef, ...ids(r.ownerId)];
    default:
      return caseRef;
  }
}

function citedByPerson(person: Person): ReadonlyArray<readonly string[]> {
  return [person.sourceIds, ...person.alternateNames.map((n) => n.sourceIds), ...person.nationalities.map((n) => n.sourceIds), ...(person.identifiers ?? []).map((n) => n.sourceIds)];
}

/** The audit entries about records the selection sends: the history of other records stays home. */
export function auditOfSelection(audit: readonly AuditEntry[], selection: CaseSnapshot): AuditEntry[] {
  const sent = new Set(CASE_TABLE_NAMES.flatMap((t) => (selection[t] as ReadonlyArray<{ id: string }>).map((r) => recordKey(t, r.id))));
  return audit.filter((e) => sent.has(recordKey(e.table, e.recordId)));
}

const recordKey = (table: string, id: string) => `${table}\u0000${id}`;

/** Records an analyst would see (not tombstones), per table: what "what will go" shows. */
export function liveCounts(snapshot: CaseSnapshot): Record<CaseTableName, number> {
  return Object.fromEntries(
    CASE_TABLE_NAMES.map((t) => [t, (snapshot[t] as ReadonlyArray<{ deleted: 0 | 1 }>).filter((r) => !r.deleted).length]),
  ) as Record<CaseTableName, number>;
}
