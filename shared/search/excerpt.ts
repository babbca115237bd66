/**
 * A window of a long text around where it matched (a note can hold 20,000 characters; a result
 * line shows one sentence), with the highlights moved into the window. Plain text, never HTML.
 */
import type { Highlight } from './classify';

export interface Excerpt {
  text: string;
  highlights: Highlight[];
}

export const EXCERPT_LENGTH = 160;
/** How much of the text before the first match the window keeps, for context. */
const LEAD = 40;

export function excerpt(text: string, highlights: readonly Highlight[], length = EXCERPT_LENGTH): Excerpt {
  if (text.length <= length) return { text, highlights: [...highlights] };
  const first = highlights[0]?.start ?? 0;
  let start = Math.max(0, first - LEAD);
  // Start at a word boundary rather than mid-word.
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 && first - space <= LEAD * 2 ? space + 1 : start;
  }
  const end = Math.min(text.length, start + length);
  const before = start > 0 ? '…' : '';
  const after = end < text.length ? '…' : '';
  const shift = before.length - start;
  return {
    text: `${before}${text.slice(start, end)}${after}`,
    highlights: highlights
      .filter((h) => h.start >= start && h.end <= end)
      .map((h) => ({ start: h.start + shift, end: h.end + shift })),
  };
}
