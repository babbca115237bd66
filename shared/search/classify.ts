/**
 * Explains and ranks what the index found: for each query token, how it matched a word of the
 * record (exact > spelling variant > prefix > prefix of a variant > typo), which of the record's
 * texts matched, and where. The index finds candidates fast; this decides their order, so that the
 * order is the same whatever the index's internal scoring.
 */
import { withinEditDistance } from './edit-distance';
import { FIELD_RANK, type SearchableRecord, type SearchableText } from './searchable';
import { MIN_KEY_PREFIX, termCount, type QueryToken, type TextToken } from './tokens';

/** Best first. `variant-prefix`: the word being typed is the start of a spelling variant. */
export const MATCH_KINDS = ['exact', 'variant', 'prefix', 'variant-prefix', 'fuzzy'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Tier 5 = exact … 1 = fuzzy, 0 = no match. */
const tierOf = (kind: MatchKind): number => MATCH_KINDS.length - MATCH_KINDS.indexOf(kind);
const kindOf = (tier: number): MatchKind => MATCH_KINDS[MATCH_KINDS.length - tier] as MatchKind;
const EXACT = tierOf('exact');
const VARIANT = tierOf('variant');
const PREFIX = tierOf('prefix');
const VARIANT_PREFIX = tierOf('variant-prefix');
const FUZZY = tierOf('fuzzy');

function sharesKey(query: QueryToken, token: TextToken): boolean {
  return query.keys.some((key) => token.keys.includes(key));
}

function startsAVariant(query: QueryToken, token: TextToken): boolean {
  return query.keys.some((key) => key.length >= MIN_KEY_PREFIX && token.keys.some((k) => k.startsWith(key)));
}

export function tokenTier(query: QueryToken, token: TextToken): number {
  if (token.folded === query.folded) return EXACT;
  if (sharesKey(query, token)) return VARIANT;
  if (query.isLast && token.folded.startsWith(query.folded)) return PREFIX;
  if (query.isLast && startsAVariant(query, token)) return VARIANT_PREFIX;
  if (query.maxEdits > 0 && withinEditDistance(query.folded, token.folded, query.maxEdits)) return FUZZY;
  return 0;
}

/**
 * A token's tier depends only on the query token and the token's folded form (its keys follow from
 * it), and names repeat across a case: each distinct word is compared once per query, its verdict
 * kept in an array indexed by the word's term number (-1: not yet compared).
 */
export class TierMemo {
  private readonly memo: Int8Array[];
  constructor(private readonly query: readonly QueryToken[]) {
    const size = termCount();
    this.memo = query.map(() => new Int8Array(size).fill(-1));
  }
  tier(queryIndex: number, token: TextToken): number {
    const memo = this.memo[queryIndex] as Int8Array;
    const known = memo[token.term];
    if (known !== undefined && known >= 0) return known;
    const tier = tokenTier(this.query[queryIndex] as QueryToken, token);
    if (token.term < memo.length) memo[token.term] = tier;
    return tier;
  }
}

interface TextMatch {
  text: SearchableText;
  /** Per query token: its best tier in this text, and the token that gave it (-1: none). */
  tiers: number[];
  tokenAt: number[];
  matched: number;
  worst: number;
  sum: number;
}

function matchText(text: SearchableText, query: readonly QueryToken[], memo: TierMemo): TextMatch {
  const tiers: number[] = [];
  const tokenAt: number[] = [];
  let matched = 0;
  let worst = EXACT;
  let sum = 0;
  const tokens = text.tokens;
  for (let qi = 0; qi < query.length; qi += 1) {
    let best = 0;
    let at = -1;
    for (let ti = 0; ti < tokens.length; ti += 1) {
      const tier = memo.tier(qi, tokens[ti] as TextToken);
      if (tier > best) {
        best = tier;
        at = ti;
        if (tier === EXACT) break;
      }
    }
    tiers.push(best);
    tokenAt.push(at);
    if (best > 0) matched += 1;
    if (best < worst) worst = best;
    sum += best;
  }
  return { text, tiers, tokenAt, matched, worst, sum };
}

export interface Highlight {
  start: number;
  end: number;
}

export interface RecordMatch {
  record: SearchableRecord;
  /** The text shown as "matched …": the one matching most query tokens, best first. */
  text: SearchableText;
  /** The weakest token's match: a result is only as good as its weakest word. */
  kind: MatchKind;
  /** False when the tokens matched across texts (a word of the name, another of an alias). */
  inOneText: boolean;
  /** Per query token, the index of the token of `text` it matched (-1: none): see `highlightsOf`. */
  tokenAt: readonly number[];
  worstTier: number;
  tierSum: number;
}

/** Orders text matches: more tokens matched, then better, then the record's own name first. */
function compareTextMatches(a: TextMatch, b: TextMatch): number {
  return (
    b.matched - a.matched ||
    b.worst - a.worst ||
    b.sum - a.sum ||
    FIELD_RANK[a.text.field] - FIELD_RANK[b.text.field]
  );
}

/**
 * How `record` matches `query`, or null if some token matches none of its texts. Pass one `memo`
 * for all the records answering one query.
 */
export function matchRecord(
  record: SearchableRecord,
  query: readonly QueryToken[],
  memo: TierMemo = new TierMemo(query),
): RecordMatch | null {
  if (query.length === 0) return null;
  const bestPerToken = query.map(() => 0);
  let best: TextMatch | null = null;
  for (const text of record.texts) {
    const match = matchText(text, query, memo);
    for (let qi = 0; qi < query.length; qi += 1) {
      if ((match.tiers[qi] as number) > (bestPerToken[qi] as number)) bestPerToken[qi] = match.tiers[qi] as number;
    }
    if (best === null || compareTextMatches(match, best) < 0) best = match;
  }
  if (best === null) return null;
  let worstTier = EXACT;
  let tierSum = 0;
  for (const tier of bestPerToken) {
    if (tier < worstTier) worstTier = tier;
    tierSum += tier;
  }
  if (worstTier === 0) return null;
  return {
    record,
    text: best.text,
    kind: kindOf(worstTier),
    inOneText: best.matched === query.length,
    tokenAt: best.tokenAt,
    worstTier,
    tierSum,
  };
}

/** Where the query matched in the shown text: computed only for the results shown. */
export function highlightsOf(match: RecordMatch): Highlight[] {
  const tokens = match.text.tokens;
  const highlights = match.tokenAt
    .filter((ti) => ti >= 0)
    .map((ti) => tokens[ti] as TextToken)
    .map((t) => ({ start: t.start, end: t.end }));
  return mergeHighlights(highlights);
}

/** Sorted, without overlaps (a compound token covers the words it joins). */
function mergeHighlights(highlights: Highlight[]): Highlight[] {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Highlight[] = [];
  for (const h of sorted) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ ...h });
  }
  return merged;
}

/**
 * Result order: exact > variant > prefix > fuzzy (by the weakest token); then all words in one
 * name before words spread over several; then primary name above alias; then the tighter match.
 */
export function compareRecordMatches(a: RecordMatch, b: RecordMatch): number {
  return (
    b.worstTier - a.worstTier ||
    Number(b.inOneText) - Number(a.inOneText) ||
    FIELD_RANK[a.text.field] - FIELD_RANK[b.text.field] ||
    b.tierSum - a.tierSum ||
    a.text.tokens.length - b.text.tokens.length ||
    (a.record.label < b.record.label ? -1 : a.record.label > b.record.label ? 1 : 0) ||
    (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0)
  );
}

/**
 * The best `limit` matches in order, without sorting them all: a one-letter query matches most
 * of a large case, and only the first few are shown.
 */
export function bestMatches(matches: readonly RecordMatch[], limit: number): RecordMatch[] {
  const best: RecordMatch[] = [];
  for (const match of matches) {
    if (best.length === limit && compareRecordMatches(match, best[limit - 1] as RecordMatch) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareRecordMatches(best[mid] as RecordMatch, match) <= 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, match);
    if (best.length > limit) best.pop();
  }
  return best;
}
