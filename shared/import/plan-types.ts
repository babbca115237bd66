import type { CaseEvent } from '../model/event';
import type { Link } from '../model/link';
import type { Person } from '../model/person';
import type { Prison } from '../model/prison';
import type { Sentence } from '../model/sentence';
import type { Source } from '../model/source';
import type { Stay } from '../model/stay';
import type { Fields } from '../model/records';
import type { RowOrigin } from './cells';

/** The live records of the case the import goes into (empty for a new case). */
export interface ExistingCase {
  caseId: string;
  persons: readonly Person[];
  prisons: readonly Prison[];
  stays: readonly Stay[];
  sentences: readonly Sentence[];
  links: readonly Link[];
  events: readonly CaseEvent[];
  sources: readonly Source[];
}

export type PlannedTable = 'sources' | 'prisons' | 'persons' | 'stays' | 'sentences' | 'links' | 'events';

interface FieldsOf {
  sources: Fields<Source>;
  prisons: Fields<Prison>;
  persons: Fields<Person>;
  stays: Fields<Stay>;
  sentences: Fields<Sentence>;
  links: Fields<Link>;
  events: Fields<CaseEvent>;
}

/** One record the import writes: a new one, or the fields of an existing one that change. */
export type PlannedChange = {
  [T in PlannedTable]: {
    table: T;
    id: string;
    status: 'new' | 'updated';
    /** The whole record's fields after the import (what will be stored, without bookkeeping). */
    fields: FieldsOf[T];
    /** Updated records: the names of the fields that change. */
    changed: string[];
    /** The rows it comes from, for History ("imported from …, sheet S, row N"). */
    origins: RowOrigin[];
  };
}[PlannedTable];

export interface RejectedRow extends RowOrigin {
  column: string;
  reason: string;
  values: Record<string, string>;
}

export interface Counts {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Several rows name one person (same identifier) but disagree on a field: listed, first value kept. */
export interface ValueConflict {
  personName: string;
  field: string;
  values: string[];
  origins: RowOrigin[];
}

/** A name-only resemblance, never merged: shown for the analyst to decide. */
export interface PossibleDuplicate {
  name: string;
  origin: RowOrigin;
  resembles: { personId: string; name: string };
}

export interface ImportedFile {
  fileName: string;
  sha256: string;
  sourceId: string;
  /** A file whose exact bytes were imported into this case before. */
  seenBefore: boolean;
}

export interface ImportPlan {
  files: ImportedFile[];
  changes: PlannedChange[];
  counts: Record<PlannedTable, Counts>;
  rejected: RejectedRow[];
  conflicts: ValueConflict[];
  possibleDuplicates: PossibleDuplicate[];
  /** Link rows that were the same letter, call or visit as another row: counted, not dropped. */
  linkRowsCombined: number;
}

export function emptyCounts(): Record<PlannedTable, Counts> {
  const zero = (): Counts => ({ new: 0, updated: 0, unchanged: 0, rejected: 0 });
  return { sources: zero(), prisons: zero(), persons: zero(), stays: zero(), sentences: zero(), links: zero(), events: zero() };
}
