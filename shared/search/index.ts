export { CANONICAL_SPELLINGS, CONSONANT_GROUPS, nameKeys } from './arabic-name-key';
export {
  CaseSearchIndex,
  DEFAULT_LIMIT_PER_TYPE,
  type CaseSearchInput,
  type SearchHit,
  type SearchOptions,
  type SearchResults,
} from './case-search-index';
export { MATCH_KINDS, type Highlight, type MatchKind } from './classify';
export { foldForMatch } from './fold';
export { SEARCH_RECORD_TYPES, type MatchedField, type SearchablePerson, type SearchRecordType } from './searchable';
