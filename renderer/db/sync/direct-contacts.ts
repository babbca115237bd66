import type { CaseSnapshot } from '../../../shared/model';

/** The people a live link joins to one of `chosen`, who are not chosen yet (deleted people excluded). */
export function directContacts(snapshot: Pick<CaseSnapshot, 'persons' | 'links'>, chosen: ReadonlySet<string>): string[] {
  const live = new Set(snapshot.persons.filter((p) => !p.deleted).map((p) => p.id));
  const found = new Set<string>();
  for (const link of snapshot.links) {
    if (link.deleted) continue;
    if (chosen.has(link.fromId) && !chosen.has(link.toId)) found.add(link.toId);
    if (chosen.has(link.toId) && !chosen.has(link.fromId)) found.add(link.fromId);
  }
  return [...found].filter((id) => live.has(id));
}
