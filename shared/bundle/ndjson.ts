import { concatBytes } from '@noble/hashes/utils.js';

/**
 * Lines are encoded in pieces of about this many UTF-16 units: one join and encode of a whole table
 * (46 MB for the 10k-person demo case) costs more time, and holds the string and its bytes at once.
 */
const PIECE_UNITS = 1 << 20;

/** One JSON value per line, `\n`-terminated, UTF-8: diffable, greppable, parseable line by line. */
export function toNdjson(values: readonly unknown[]): Uint8Array {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let lines: string[] = [];
  let units = 0;
  const encodeLines = () => {
    const piece = encoder.encode(lines.join(''));
    pieces.push(piece);
    lines = [];
    units = 0;
  };
  for (const value of values) {
    // `?? ''`: what a join made of a value JSON cannot represent (undefined), kept byte for byte.
    const line = JSON.stringify(value) ?? '';
    lines.push(line, '\n');
    units += line.length + 1;
    if (units >= PIECE_UNITS) encodeLines();
  }
  if (units > 0 || pieces.length === 0) encodeLines();
  return pieces.length === 1 ? pieces[0]! : concatBytes(...pieces);
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
