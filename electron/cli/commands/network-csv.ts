import { parse } from 'csv-parse/sync';
import type { NetworkRow } from '../../../shared/graph';

export type CsvResult = { ok: true; rows: NetworkRow[] } | { ok: false; reason: string };

/**
 * RFC 4180 CSV (quoted fields with commas, doubled quotes and line breaks; CRLF or LF; a UTF-8
 * byte-order mark is dropped) through csv-parse, strict about quotes and about every record
 * having as many fields as the header. Blank lines are skipped. Each row keeps the line it
 * starts on so that messages point at the right place.
 */
export function parseCsv(text: string): CsvResult {
  try {
    const records = parse(text, { bom: true, skip_empty_lines: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return {
      ok: true,
      rows: records.map(({ record, info }) => ({
        fields: record,
        // csv-parse reports the line a record ends on; step back over line breaks inside quotes.
        line: info.lines - record.reduce((sum, field) => sum + (field.match(/\n/g)?.length ?? 0), 0),
      })),
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
