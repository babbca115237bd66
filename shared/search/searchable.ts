/**
 * What search reads of each kind of record: a person's names, a prison's name and place, a
 * source's title and author, a note's text — each text tokenised once, when the record is indexed.
 */
import type { Note, Person, Prison, Source } from '../model';
import { textTokens, type TextToken } from './tokens';

export const SEARCH_RECORD_TYPES = ['person', 'prison', 'source', 'note'] as const;
export type SearchRecordType = (typeof SEARCH_RECORD_TYPES)[number];

/** Which text of the record matched, so the UI can say "matched alias 'Abu Yusuf'". */
export type MatchedField =
  | 'primaryName'
  | 'realName'
  | 'alias'
  | 'kunya'
  | 'spelling'
  | 'identifier'
  | 'prisonName'
  | 'town'
  | 'province'
  | 'title'
  | 'author'
  | 'noteText';

/** Among equal matches, the record's own name comes first: primary name above alias. */
export const FIELD_RANK: Readonly<Record<MatchedField, number>> = {
  primaryName: 0,
  realName: 1,
  alias: 2,
  kunya: 3,
  spelling: 4,
  identifier: 5,
  prisonName: 0,
  town: 1,
  province: 2,
  title: 0,
  author: 1,
  noteText: 0,
};

export interface SearchableText {
  field: MatchedField;
  text: string;
  tokens: readonly TextToken[];
}

export interface SearchableRecord {
  type: SearchRecordType;
  id: string;
  /** What a result shows as its title (the record's own name, or the start of a note). */
  label: string;
  texts: readonly SearchableText[];
  /** For a note: the record it is about, where the UI navigates. */
  subject?: { type: Note['subjectType']; id: string };
}

function searchableText(field: MatchedField, text: string): SearchableText {
  return { field, text, tokens: textTokens(text) };
}

const NOTE_LABEL_LENGTH = 80;

/** What search reads of a person: their names and identifiers (the network keeps no more of them). */
export type SearchablePerson = Pick<Person, 'id' | 'primaryName' | 'alternateNames' | 'realName' | 'identifiers'> & { deleted?: 0 | 1 };

export function personSearchable(person: SearchablePerson): SearchableRecord {
  const texts = [
    searchableText('primaryName', person.primaryName),
    ...person.alternateNames.map((n) => searchableText(n.kind, n.name)),
  ];
  if (person.realName) texts.push(searchableText('realName', person.realName));
  // "0012345" finds the inmate by NIS, as written or without its leading zeros' formatting.
  for (const identifier of person.identifiers ?? []) texts.push(searchableText('identifier', identifier.value));
  return { type: 'person', id: person.id, label: person.primaryName, texts };
}

export function prisonSearchable(prison: Prison): SearchableRecord {
  const texts = [searchableText('prisonName', prison.name)];
  if (prison.town) texts.push(searchableText('town', prison.town));
  if (prison.province) texts.push(searchableText('province', prison.province));
  return { type: 'prison', id: prison.id, label: prison.name, texts };
}

export function sourceSearchable(source: Source): SearchableRecord {
  const texts = [searchableText('title', source.title)];
  if (source.author) texts.push(searchableText('author', source.author));
  return { type: 'source', id: source.id, label: source.title, texts };
}

export function noteSearchable(note: Note): SearchableRecord {
  const oneLine = note.text.replace(/\s+/g, ' ').trim();
  const label = oneLine.length > NOTE_LABEL_LENGTH ? `${oneLine.slice(0, NOTE_LABEL_LENGTH - 1)}…` : oneLine;
  return {
    type: 'note',
    id: note.id,
    label,
    texts: [searchableText('noteText', note.text)],
    subject: { type: note.subjectType, id: note.subjectId },
  };
}
