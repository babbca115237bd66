import { isRecordId } from '../model/ids';
import { staysOverlap, type Stay } from '../model/stay';
import type { CaseSnapshot } from '../model/tables';

/**
 * Referential problems in a case snapshot, as readable lines (empty when there are none): ids that
 * repeat or are malformed, records of another case, references to records that do not exist,
 * self links, overlapping stays. The demo tests run it; a bundle import can run it too.
 */
export function snapshotProblems(snapshot: CaseSnapshot, limit = 20): string[] {
  const problems: string[] = [];
  const report = (line: string) => {
    if (problems.length < limit) problems.push(line);
  };
  const caseIds = new Set(snapshot.cases.map((c) => c.id));
  const ids = new Set<string>();
  for (const [table, records] of Object.entries(snapshot) as [string, { id: string; caseId: string }[]][]) {
    for (const record of records) {
      if (!isRecordId(record.id)) report(`${table}: malformed id ${record.id}`);
      if (ids.has(record.id)) report(`${table}: repeated id ${record.id}`);
      ids.add(record.id);
      if (!caseIds.has(record.caseId)) report(`${table} ${record.id}: unknown case ${record.caseId}`);
    }
  }
  const persons = new Set(snapshot.persons.map((p) => p.id));
  const prisons = new Set(snapshot.prisons.map((p) => p.id));
  const sources = new Set(snapshot.sources.map((s) => s.id));
  const need = (set: Set<string>, id: string, what: string) => {
    if (!set.has(id)) report(`${what}: missing ${id}`);
  };
  const needSources = (list: readonly string[], what: string) => list.forEach((id) => need(sources, id, `${what} source`));

  for (const p of snapshot.persons) {
    needSources(p.sourceIds, p.id);
    p.alternateNames.forEach((n) => needSources(n.sourceIds, `${p.id} name`));
    p.nationalities.forEach((n) => needSources(n.sourceIds, `${p.id} nationality`));
  }
  const staysByPerson = new Map<string, Stay[]>();
  for (const s of snapshot.stays) {
    need(persons, s.personId, `stay ${s.id} person`);
    need(prisons, s.prisonId, `stay ${s.id} prison`);
    needSources(s.sourceIds, s.id);
    const list = staysByPerson.get(s.personId) ?? [];
    list.push(s);
    staysByPerson.set(s.personId, list);
  }
  for (const [personId, stays] of staysByPerson) {
    const sorted = [...stays].sort((a, b) => (a.from < b.from ? -1 : 1));
    for (let k = 1; k < sorted.length; k += 1) {
      if (staysOverlap(sorted[k - 1]!, sorted[k]!)) report(`stays of ${personId} overlap: ${sorted[k - 1]!.id}, ${sorted[k]!.id}`);
    }
  }
  for (const s of snapshot.sentences) {
    need(persons, s.personId, `sentence ${s.id} person`);
    needSources(s.sourceIds, s.id);
  }
  for (const l of snapshot.links) {
    need(persons, l.fromId, `link ${l.id} from`);
    need(persons, l.toId, `link ${l.id} to`);
    if (l.fromId === l.toId) report(`link ${l.id} links ${l.fromId} to itself`);
    needSources(l.sourceIds, l.id);
  }
  for (const e of snapshot.events) {
    e.personIds.forEach((id) => need(persons, id, `event ${e.id} person`));
    e.prisonIds.forEach((id) => need(prisons, id, `event ${e.id} prison`));
    needSources(e.sourceIds, e.id);
  }
  for (const n of snapshot.notes) need(ids, n.subjectId, `note ${n.id} subject`);
  for (const a of snapshot.attachments) need(ids, a.ownerId, `attachment ${a.id} owner`);
  return problems;
}
