/**
 * Levenshtein distance, bounded: answers whether `a` and `b` are within `max` edits (insertions,
 * deletions, substitutions — the same measure the index's fuzzy lookup uses), stopping as soon as
 * every path exceeds `max`. Used only to explain matches the index already found, on short words.
 */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  if (max === 0) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const deletion = (previous[j] as number) + 1;
      const insertion = (current[j - 1] as number) + 1;
      const cell = Math.min(substitution, deletion, insertion);
      current[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
    }
    if (rowMinimum > max) return false;
    [previous, current] = [current, previous];
  }
  return (previous[b.length] as number) <= max;
}
