import type { AuditEntry } from '../model/audit';
import type { Person } from '../model/person';
import { CASE_TABLE_NAMES, emptySnapshot, type CaseSnapshot, type CaseTableName } from '../model/tables';

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
