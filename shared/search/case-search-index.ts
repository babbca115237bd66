/**
 * The search behind the one-box (Ctrl/Cmd+K): people by any name, alias or real name, prisons,
 * sources and note text, tolerant of transliteration, accents and typos, answering as the analyst
 * types.
 *
 * Why MiniSearch underneath rather than an index of our own: it keeps terms in a radix tree, so
 * the prefix of the word being typed and a bounded-edit-distance lookup (1 edit from 4 letters, 2
 * from 8) walk only the branches that can match instead of comparing against every word of the case;
 * it adds, replaces and discards documents incrementally; it is small, dependency-free and typed.
 * What it does not decide is the order and the explanation of results: its BM25 score mixes term
 * rarity with match quality, whereas analysts expect exact > spelling variant > prefix > typo and
 * the primary name above an alias. So MiniSearch finds the candidate records (every query word must
 * match some word of the record: AND), and `classify.ts` ranks them and says which name matched.
 *
 * Each record is one MiniSearch document with two fields: `folded` (words as written, accents and
 * case folded) and `key` (their transliteration keys, see arabic-name-key.ts). A query word matches
 * a record if it matches a folded word exactly, as a prefix (the word being typed) or within the
 * edit distance, or if one of its keys equals (or, for the word being typed, starts) a key of the
 * record.
 */
import MiniSearch, { type Query } from 'minisearch';
import type { Note, Person, Prison, Source } from '../model';
import type { SearchablePerson } from './searchable';
import { bestMatches, highlightsOf, matchRecord, TierMemo, type Highlight, type MatchKind, type RecordMatch } from './classify';
import { excerpt } from './excerpt';
import {
  noteSearchable,
  personSearchable,
  prisonSearchable,
  SEARCH_RECORD_TYPES,
  sourceSearchable,
  type MatchedField,
  type SearchableRecord,
  type SearchRecordType,
} from './searchable';
import { MIN_KEY_PREFIX, queryTokens, type QueryToken } from './tokens';

export interface SearchHit {
  type: SearchRecordType;
  id: string;
  /** The record's own name (a note: its first words). */
  label: string;
  /** Which text matched: "matched alias 'Abu Yusuf'". */
  field: MatchedField;
  match: MatchKind;
  /** The matched text as written (for a long note, a window of it) and where the query matched. */
  matchedText: string;
  highlights: Highlight[];
  /** The query's words matched different texts of the record (one in the name, one in an alias). */
  spread: boolean;
  /** For a note: the record it is about. */
  subject?: { type: Note['subjectType']; id: string };
}

export interface SearchResults {
  /** Best first, at most `limitPerType` per type. */
  hits: Record<SearchRecordType, SearchHit[]>;
  /** How many records of each type matched in all, for "and 134 more". */
  totals: Record<SearchRecordType, number>;
}

export interface SearchOptions {
  limitPerType?: number;
}

export const DEFAULT_LIMIT_PER_TYPE = 20;

interface IndexDocument {
  id: string;
  folded: string;
  key: string;
}

/** The words are already folded and keyed: MiniSearch must take them as they are. */
const splitOnSpace = (text: string): string[] => text.split(' ');
const asIs = (term: string): string => term;

function toDocument(record: SearchableRecord): IndexDocument {
  // Repeated words are harmless (the order of results is not MiniSearch's) and deduplicating a
  // person's few names costs more than it saves.
  const folded: string[] = [];
  const keys: string[] = [];
  for (const text of record.texts) {
    for (const token of text.tokens) {
      folded.push(token.folded);
      for (const key of token.keys) keys.push(key);
    }
  }
  return { id: record.id, folded: folded.join(' '), key: keys.join(' ') };
}

function tokenQuery(token: QueryToken): Query {
  const asWritten: Query = {
    queries: [token.folded],
    fields: ['folded'],
    prefix: token.isLast,
    fuzzy: token.maxEdits,
  };
  if (token.keys.length === 0) return asWritten;
  const asVariant: Query = {
    queries: [...token.keys],
    combineWith: 'OR',
    fields: ['key'],
    prefix: (key: string) => token.isLast && key.length >= MIN_KEY_PREFIX,
    fuzzy: false,
  };
  return { combineWith: 'OR', queries: [asWritten, asVariant] };
}

/** The records of one type. */
class RecordIndex {
  private readonly engine = new MiniSearch<IndexDocument>({
    fields: ['folded', 'key'],
    storeFields: [],
    tokenize: splitOnSpace,
    processTerm: asIs,
    searchOptions: { tokenize: (text) => [text], processTerm: asIs },
  });
  private readonly records = new Map<string, SearchableRecord>();

  putAll(records: readonly SearchableRecord[]): void {
    const fresh = new Map<string, SearchableRecord>();
    for (const record of records) {
      if (this.records.has(record.id)) this.put(record);
      else fresh.set(record.id, record); // the last of two versions of one record wins
    }
    for (const record of fresh.values()) this.records.set(record.id, record);
    this.engine.addAll([...fresh.values()].map(toDocument));
  }

  put(record: SearchableRecord): void {
    if (this.records.has(record.id)) this.engine.discard(record.id);
    this.records.set(record.id, record);
    this.engine.add(toDocument(record));
  }

  remove(id: string): void {
    if (!this.records.delete(id)) return;
    this.engine.discard(id);
  }

  get size(): number {
    return this.records.size;
  }

  /** Every record matching all tokens, unordered. */
  search(tokens: readonly QueryToken[], memo: TierMemo): RecordMatch[] {
    const matches: RecordMatch[] = [];
    for (const record of this.candidates(tokens)) {
      const match = matchRecord(record, tokens, memo);
      if (match) matches.push(match);
    }
    return matches;
  }

  /**
   * The first letter typed matches most of a large case: expanding every word under that letter in
   * the radix tree then costs more than checking each record with the memoised matcher (each
   * distinct word is judged once), so a one-letter query scans. Measured in search.bench.ts.
   */
  private *candidates(tokens: readonly QueryToken[]): Iterable<SearchableRecord> {
    if (tokens.length === 1 && (tokens[0] as QueryToken).folded.length === 1) {
      yield* this.records.values();
      return;
    }
    const query: Query = { combineWith: 'AND', queries: tokens.map(tokenQuery) };
    for (const result of this.engine.search(query)) {
      const record = this.records.get(result.id as string);
      if (record) yield record;
    }
  }
}

function toHit(match: RecordMatch): SearchHit {
  const { record, text } = match;
  const shown = excerpt(text.text, highlightsOf(match));
  const hit: SearchHit = {
    type: record.type,
    id: record.id,
    label: record.label,
    field: text.field,
    match: match.kind,
    matchedText: shown.text,
    highlights: shown.highlights,
    spread: !match.inOneText,
  };
  if (record.subject) hit.subject = record.subject;
  return hit;
}

export interface CaseSearchInput {
  persons?: readonly SearchablePerson[];
  prisons?: readonly Prison[];
  sources?: readonly Source[];
  notes?: readonly Note[];
}

const live = <T extends { deleted?: 0 | 1 }>(records: readonly T[] | undefined): T[] =>
  (records ?? []).filter((r) => !r.deleted);

/**
 * The search index of one case. Build it once from the case's records, keep it current with
 * `putPerson` … `remove` as records change (a tombstoned record is removed), and call `search` on
 * every keystroke.
 */
export class CaseSearchIndex {
  private readonly indexes: Record<SearchRecordType, RecordIndex> = {
    person: new RecordIndex(),
    prison: new RecordIndex(),
    source: new RecordIndex(),
    note: new RecordIndex(),
  };

  static build(input: CaseSearchInput): CaseSearchIndex {
    const index = new CaseSearchIndex();
    index.indexes.person.putAll(live(input.persons).map(personSearchable));
    index.indexes.prison.putAll(live(input.prisons).map(prisonSearchable));
    index.indexes.source.putAll(live(input.sources).map(sourceSearchable));
    index.indexes.note.putAll(live(input.notes).map(noteSearchable));
    return index;
  }

  putPerson(person: Person): void {
    if (person.deleted) this.remove('person', person.id);
    else this.indexes.person.put(personSearchable(person));
  }

  putPrison(prison: Prison): void {
    if (prison.deleted) this.remove('prison', prison.id);
    else this.indexes.prison.put(prisonSearchable(prison));
  }

  putSource(source: Source): void {
    if (source.deleted) this.remove('source', source.id);
    else this.indexes.source.put(sourceSearchable(source));
  }

  putNote(note: Note): void {
    if (note.deleted) this.remove('note', note.id);
    else this.indexes.note.put(noteSearchable(note));
  }

  remove(type: SearchRecordType, id: string): void {
    this.indexes[type].remove(id);
  }

  /** How many records of each type are indexed. */
  sizes(): Record<SearchRecordType, number> {
    return mapTypes((type) => this.indexes[type].size);
  }

  search(query: string, options: SearchOptions = {}): SearchResults {
    const limit = options.limitPerType ?? DEFAULT_LIMIT_PER_TYPE;
    const tokens = queryTokens(query);
    const memo = new TierMemo(tokens); // a word's verdict is the same in every type
    const matches = mapTypes((type) => (tokens.length === 0 ? [] : this.indexes[type].search(tokens, memo)));
    return {
      hits: mapTypes((type) => bestMatches(matches[type], limit).map(toHit)),
      totals: mapTypes((type) => matches[type].length),
    };
  }
}

function mapTypes<T>(f: (type: SearchRecordType) => T): Record<SearchRecordType, T> {
  return Object.fromEntries(SEARCH_RECORD_TYPES.map((type) => [type, f(type)])) as Record<SearchRecordType, T>;
}
