/** One JSON value per line, `\n`-terminated, UTF-8: diffable, greppable, parseable line by line. */
export function toNdjson(values: readonly unknown[]): Uint8Array {
  const parts: string[] = [];
  for (const value of values) parts.push(JSON.stringify(value), '\n');
  return new TextEncoder().encode(parts.join(''));
}

export type NdjsonLine = { line: number; byteLength: number; text: string };

/** Splits on `\n` (1-based line numbers), skipping empty lines; does not parse. */
export function* ndjsonLines(bytes: Uint8Array): Generator<NdjsonLine> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    line += 1;
    if (end > start) yield { line, byteLength: end - start, text: decoder.decode(bytes.subarray(start, end)) };
    start = end + 1;
  }
}
