import {
  effectiveMarking,
  highestMarking,
  isAtOrBelow,
  type CaseSnapshot,
  type CaseTableName,
  type Marking,
} from '../model';

/** What a release left out, by kind: what the dialog says before anything is written. */
export type WithheldCounts = Record<Exclude<CaseTableName, 'cases' | 'prisons'>, number> & {
  /** Names, identifiers and nationalities of released people whose only sources were withheld. */
  personDetails: number;
};

export interface Release {
  /** The case as the recipient may see it: nothing above `upTo`, no reference to what was withheld. */
  snapshot: CaseSnapshot;
  upTo: Marking;
  /** The highest marking the release actually contains: what its files and pages are marked with. */
  marking: Marking;
  withheld: WithheldCounts;
  /** Ids of every record left out, for the audit journal and tests. */
  withheldIds: Set<string>;
}

type Sourced = { sourceIds: readonly string[] };

/**
 * A case "up to" a marking, for a reader cleared to that level:
 * - a record above `upTo` (its own marking, else the case's) is left out;
 * - a fact (link, event, stay, sentence, a person's name, identifier or nationality) whose only
 *   sources are withheld is left out with them — it would tell what the source said;
 * - a person withheld takes along their links, stays, sentences, events that name them, notes on
 *   them and their attachments; a withheld source its attachments and notes;
 * - what stays no longer cites anything withheld.
 * Tombstones are judged like live records. Prisons are public facts and always stay. Pure.
 */
export function releaseCase(snapshot: CaseSnapshot, caseId: string, upTo: Marking): Release {
  const theCase = snapshot.cases.find((c) => c.id === caseId);
  if (!theCase) throw new Error(`no case ${caseId} in the snapshot`);
  const caseMarking = theCase.marking;
  // Every record carries at least the case's marking: below it nothing could be released at all.
  if (!isAtOrBelow(caseMarking, upTo)) throw new RangeError(`cannot release a ${caseMarking} case up to ${upTo}`);
  const above = (own: Marking | undefined) => !isAtOrBelow(effectiveMarking(own, caseMarking), upTo);
  const withheldIds = new Set<string>();
  const withheld: WithheldCounts = { sources: 0, persons: 0, stays: 0, sentences: 0, links: 0, events: 0, notes: 0, attachments: 0, personDetails: 0 };
  const out = <T extends { id: string }>(table: keyof WithheldCounts, record: T) => {
    withheldIds.add(record.id);
    withheld[table]++;
  };
  // Only sources withheld: a fact that cites sources, none of which the reader may see.
  const sourcesGone = (record: Sourced) => record.sourceIds.length > 0 && record.sourceIds.every((id) => withheldIds.has(id));
  const keptSources = (ids: readonly string[]) => ids.filter((id) => !withheldIds.has(id));
  const gone = (id: string) => withheldIds.has(id);

  const sources = snapshot.sources.filter((s) => (above(s.marking) ? (out('sources', s), false) : true));
  const persons = snapshot.persons.filter((p) => (above(p.marking) ? (out('persons', p), false) : true));
  const attachments = snapshot.attachments.filter((a) => (above(a.marking) || gone(a.ownerId) ? (out('attachments', a), false) : true));
  const fact = <T extends { id: string } & Sourced>(table: keyof WithheldCounts, records: readonly T[], dropped: (r: T) => boolean): T[] =>
    records.filter((r) => (dropped(r) || sourcesGone(r) ? (out(table, r), false) : true)).map((r) => ({ ...r, sourceIds: keptSources(r.sourceIds) }));

  const stays = fact('stays', snapshot.stays, (s) => gone(s.personId));
  const sentences = fact('sentences', snapshot.sentences, (s) => gone(s.personId));
  const links = fact('links', snapshot.links, (l) => above(l.marking) || gone(l.fromId) || gone(l.toId));
  const events = fact('events', snapshot.events, (e) => above(e.marking) || e.personIds.some(gone));
  const notes = snapshot.notes.filter((n) => (above(n.marking) || gone(n.subjectId) ? (out('notes', n), false) : true));

  const detail = <T extends Sourced>(items: readonly T[]): T[] =>
    items.filter((item) => (sourcesGone(item) ? (withheld.personDetails++, false) : true)).map((item) => ({ ...item, sourceIds: keptSources(item.sourceIds) }));
  const releasedPersons = persons.map((p) => {
    const identifiers = p.identifiers && detail(p.identifiers);
    return {
      ...p,
      alternateNames: detail(p.alternateNames),
      ...(identifiers ? { identifiers } : {}),
      nationalities: detail(p.nationalities),
      photoAttachmentIds: p.photoAttachmentIds.filter((id) => !gone(id)),
      sourceIds: keptSources(p.sourceIds),
    };
  });

  const released: CaseSnapshot = {
    cases: snapshot.cases.filter((c) => c.id === caseId),
    sources: sources.map((s) => ({ ...s, attachmentIds: s.attachmentIds.filter((id) => !gone(id)) })),
    prisons: [...snapshot.prisons],
    persons: releasedPersons,
    stays,
    sentences,
    links,
    events,
    notes,
    attachments,
  };
  const contained = [caseMarking, ...[released.sources, released.persons, released.links, released.events, released.notes, released.attachments].flat().map((r) => effectiveMarking(r.marking, caseMarking))];
  return { snapshot: released, upTo, marking: highestMarking(contained) ?? caseMarking, withheld, withheldIds };
}

/** Nothing withheld: a release at or above the case's highest record marking. */
export function withholdsNothing(withheld: WithheldCounts): boolean {
  return Object.values(withheld).every((n) => n === 0);
}
