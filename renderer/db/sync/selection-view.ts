import { liveCounts, selectPeople, selectPeopleUpTo } from '../../../shared/bundle/selection';
import type { CaseSnapshot, CaseTableName, Marking, Person } from '../../../shared/model';
import type { WithheldCounts } from '../../../shared/release';
import { CaseSearchIndex } from '../../../shared/search';
import { directContacts } from './direct-contacts';

/** A checklist of 10,000 boxes would freeze the dialog: the rest is reached by typing a name. */
export const SHOWN_PEOPLE = 60;

export interface PickerRow {
  id: string;
  name: string;
  /** The other name that matched the query, when it was not the primary one. */
  matched?: string;
}

/** What a selection bundle will carry (SelectionSummary's words), as the export computes it. */
export interface SelectionCounts {
  counts: Record<CaseTableName, number>;
  leftOut: { links: number; events: number };
  /** Released up to a marking: what that keeps home, by kind, and the marking the bundle then holds. */
  release?: { upTo: Marking; withheld: WithheldCounts; marking: Marking };
}

/**
 * What the picker shows for one query and one choice: at most SHOWN_PEOPLE rows, the live people
 * among the chosen, and — once the whole case is read — the counts and the chosen people's direct
 * contacts. Computed in the selection worker, so the page never holds the case.
 */
export interface SelectionView {
  rows: PickerRow[];
  total: number;
  /** Chosen ids that are no live person of the case (a pre-filled person may have been deleted since). */
  notLive: string[];
  summary?: SelectionCounts;
  contacts?: string[];
}

/** The case's live people, sorted and indexed for the picker: built from the persons table alone. */
export class PeopleList {
  private readonly people: Person[];
  private readonly live: Set<string>;
  private index: CaseSearchIndex | undefined;

  constructor(persons: readonly Person[]) {
    // One collator, not localeCompare's per call: ten times faster on 10k names.
    const collator = new Intl.Collator('es');
    this.people = persons.filter((p) => !p.deleted).sort((a, b) => collator.compare(a.primaryName, b.primaryName));
    this.live = new Set(this.people.map((p) => p.id));
  }

  view(query: string, chosen: ReadonlySet<string>): Pick<SelectionView, 'rows' | 'total' | 'notLive'> {
    const notLive = [...chosen].filter((id) => !this.live.has(id));
    if (query) {
      // Built on the first query: the list is usable before it.
      this.index ??= CaseSearchIndex.build({ persons: this.people });
      const found = this.index.search(query, { limitPerType: SHOWN_PEOPLE });
      const rows = found.hits.person.map((hit) => ({ id: hit.id, name: hit.label, ...(hit.field === 'primaryName' ? {} : { matched: hit.matchedText }) }));
      return { rows, total: found.totals.person, notLive };
    }
    // Without a query the chosen come first, so a pre-filled choice is in sight.
    const rows: PickerRow[] = [];
    for (const p of this.people) if (rows.length < SHOWN_PEOPLE && chosen.has(p.id)) rows.push({ id: p.id, name: p.primaryName });
    for (const p of this.people) if (rows.length < SHOWN_PEOPLE && !chosen.has(p.id)) rows.push({ id: p.id, name: p.primaryName });
    return { rows, total: this.people.length, notLive };
  }
}

/** The counts of "what will go" and the direct contacts, by selectPeople: the export's own rule. */
export function selectionCounts(snapshot: CaseSnapshot, chosen: ReadonlySet<string>, release?: { caseId: string; upTo: Marking }): Pick<SelectionView, 'summary' | 'contacts'> {
  const contacts = directContacts(snapshot, chosen);
  if (release) {
    const released = selectPeopleUpTo(snapshot, release.caseId, chosen, release.upTo);
    const summary = { counts: liveCounts(released.snapshot), leftOut: released.leftOut, release: { upTo: released.upTo, withheld: released.withheld, marking: released.marking } };
    return { summary, contacts };
  }
  const selection = selectPeople(snapshot, chosen);
  return { summary: { counts: liveCounts(selection.snapshot), leftOut: selection.leftOut }, contacts };
}
